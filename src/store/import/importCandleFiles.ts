/**
 * Imports exchange klines (freqtrade JSON or Binance CSV, detected per file) into `oanda_candles`. Symbol and
 * interval come from each file name unless given; the source defaults to the detected format.
 */
import { readKlines } from '../../market/files/readKlines.ts';
import type { CandleRow } from '../candles.ts';
import type { Store } from '../openStore.ts';
import { importRows } from './importRows.ts';
import type { ImportProgress, ImportSummary } from './importSummary.ts';

export interface ImportCandleFilesOptions {
  store: Store;
  files: readonly string[];
  /** Instrument for every file, e.g. `ETH/USDT` (default: from each file name). */
  symbol?: string;
  /** Interval for every file, e.g. `1m` (default: from each file name). */
  interval?: string;
  /** Source tag (default `binance-freqtrade` or `binance-csv` by format). */
  source?: string;
  onProgress?: ImportProgress;
}

export function importCandleFiles(options: ImportCandleFilesOptions): Promise<ImportSummary> {
  const { store, files, onProgress } = options;
  return importRows<CandleRow>({
    files,
    onProgress,
    parse: (file) => {
      const k = readKlines(file);
      const instrument = options.symbol ?? k.symbol;
      const granularity = options.interval ?? k.interval;
      if (!instrument || !granularity) {
        const missing = !instrument ? 'symbol (--symbol)' : 'interval (--interval)';
        return {
          rows: [],
          errors: [{ file, line: 0, reason: `file name does not give the ${missing}; pass it as a flag` }],
        };
      }
      const source = options.source ?? (k.format === 'freqtrade-json' ? 'binance-freqtrade' : 'binance-csv');
      return {
        errors: k.errors,
        rows: k.rows.map((r) => ({ instrument, granularity, timeMs: r.openTimeMs, ...pick(r), source })),
      };
    },
    write: (rows) => store.insertCandles(rows),
  });
}

function pick(r: { open: number; high: number; low: number; close: number; volume: number }) {
  return { open: r.open, high: r.high, low: r.low, close: r.close, volume: r.volume };
}
