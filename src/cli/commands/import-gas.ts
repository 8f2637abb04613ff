import type { Command } from 'commander';
import { importGasFiles } from '../../store/import/importGasFiles.ts';
import { commandGroup } from '../group.ts';
import { withCommonOptions, type CommonFlags } from '../options.ts';
import { runImport } from './import-common.ts';

/** `arbml import gas FILE...`: the 5-minute gas CSV (datetime, gas_limit, gas_used, Open, avg/max/min gas price, utilisation). */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'import')
      .command('gas')
      .description(
        'Import 5-minute gas CSV files (columns datetime,gas_limit,gas_used,Open,avg_gas_price,max_gas_price,' +
          'min_gas_price,block_utilisation; gwei; UTC) into gas_prices. Re-importing adds nothing; bad rows are ' +
          'rejected with file:line and reason.',
      )
      .argument('<files...>', 'gas CSV files')
      .option('--chain <name>', 'chain the files describe', 'ethereum'),
  ).action(async (files: string[], opts: CommonFlags & { chain: string }) => {
    await runImport(opts, 'gas', files, (store, onProgress) =>
      importGasFiles({ store, files, chain: opts.chain, onProgress }),
    );
  });
}
