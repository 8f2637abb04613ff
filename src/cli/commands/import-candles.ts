import type { Command } from 'commander';
import { importCandleFiles } from '../../store/import/importCandleFiles.ts';
import { commandGroup } from '../group.ts';
import { withCommonOptions, type CommonFlags } from '../options.ts';
import { runImport } from './import-common.ts';

interface CandleFlags extends CommonFlags {
  symbol?: string;
  interval?: string;
  source?: string;
}

/** `arbml import candles FILE...`: freqtrade JSON or Binance 12-column CSV klines, detected by content. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'import')
      .command('candles')
      .description(
        "Import exchange klines into oanda_candles: freqtrade JSON [[ms,o,h,l,c,v],...] or Binance's 12-column CSV " +
          'without header, told apart by content. Symbol and interval come from names like ' +
          'ETH_USDT-1m_2021-11-11_2021-12-11.json or ETHUSDT-1m-2022-08-01_02.csv, or from the flags.',
      )
      .argument('<files...>', 'kline files (.json or .csv)')
      .option('--symbol <symbol>', 'instrument for every file, e.g. ETH/USDT')
      .option('--interval <interval>', 'candle interval for every file, e.g. 1m')
      .option('--source <tag>', 'source tag stored with each candle (default: binance-freqtrade or binance-csv)'),
  ).action(async (files: string[], opts: CandleFlags) => {
    await runImport(opts, 'candles', files, (store, onProgress) =>
      importCandleFiles({
        store,
        files,
        symbol: opts.symbol,
        interval: opts.interval,
        source: opts.source,
        onProgress,
      }),
    );
  });
}
