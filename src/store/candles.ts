/**
 * `oanda_candles`: the seed's price-history table, for any CEX or FX candles. Idempotent on
 * (instrument, granularity, time, source).
 */
import { bulkInsert, type BulkInsertResult } from './bulkInsert.ts';
import type { Db } from './db.ts';

export interface CandleRow {
  /** e.g. `ETH/USDT` or `EUR_USD`. */
  instrument: string;
  /** e.g. `1m`, `5m` (exchange style) or `M1` (OANDA style); stored as given. */
  granularity: string;
  timeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number | null;
  /** Where the candle came from, e.g. `binance-freqtrade`, `binance-csv`, `oanda`. */
  source: string;
}

const columns = ['instrument', 'granularity', 'time', 'open', 'high', 'low', 'close', 'volume', 'source'] as const;

export async function insertCandles(db: Db, rows: readonly CandleRow[]): Promise<BulkInsertResult> {
  return bulkInsert(db, {
    table: 'oanda_candles',
    columns,
    rows: rows.map((r) => [
      r.instrument,
      r.granularity,
      new Date(r.timeMs),
      r.open,
      r.high,
      r.low,
      r.close,
      r.volume,
      r.source,
    ]),
  });
}
