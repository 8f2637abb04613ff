import type { Command } from 'commander';
import { importPoolFiles } from '../../store/import/importPoolFiles.ts';
import { commandGroup } from '../group.ts';
import { withCommonOptions, type CommonFlags } from '../options.ts';
import { runImport } from './import-common.ts';

interface PoolFlags extends CommonFlags {
  chain?: string;
  pool?: string;
  dex: string;
}

/** `arbml import pool FILE...`: per-minute Uniswap V3 pool CSVs into pool_states. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'import')
      .command('pool')
      .description(
        'Import per-minute Uniswap V3 pool CSV files (timestamp,netAmount0,netAmount1,closeTick,openTick,lowestTick,' +
          'highestTick,inAmount0,inAmount1,currentLiquidity; raw integer amounts kept exact) into pool_states. ' +
          'Chain and pool come from names like Polygon-0x45dd...0608-2022-07-19.csv, or from the flags.',
      )
      .argument('<files...>', 'pool CSV files')
      .option('--chain <name>', 'chain of the pool (default: from the file name)')
      .option('--pool <address>', 'pool address (default: from the file name)')
      .option('--dex <name>', 'DEX of the pool', 'uniswap-v3'),
  ).action(async (files: string[], opts: PoolFlags) => {
    await runImport(opts, 'pool', files, (store, onProgress) =>
      importPoolFiles({ store, files, chain: opts.chain, pool: opts.pool, dex: opts.dex, onProgress }),
    );
  });
}
