/**
 * One exchange candle and the checks every kline reader applies to it.
 */
import { checkTimeOrder, nonNegativeField, positivePriceField, RowReject, safeIntegerField } from './rowFields.ts';

export interface Kline {
  openTimeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  /** Base-asset volume. */
  volume: number;
}

/** Builds a Kline from its first six fields [open_time_ms, open, high, low, close, volume]; throws RowReject. */
export function klineFromFields(fields: readonly string[], previous: Kline | undefined): Kline {
  const k: Kline = {
    openTimeMs: safeIntegerField(fields[0]!, 'open_time'),
    open: positivePriceField(fields[1]!, 'open'),
    high: positivePriceField(fields[2]!, 'high'),
    low: positivePriceField(fields[3]!, 'low'),
    close: positivePriceField(fields[4]!, 'close'),
    volume: nonNegativeField(fields[5]!, 'volume'),
  };
  if (k.openTimeMs < 0) throw new RowReject(`open_time: negative (${k.openTimeMs})`);
  if (k.high < Math.max(k.open, k.close) || k.low > Math.min(k.open, k.close)) {
    throw new RowReject(`high/low do not bound open/close (o ${k.open} h ${k.high} l ${k.low} c ${k.close})`);
  }
  checkTimeOrder(k.openTimeMs, previous?.openTimeMs, 'open_time');
  return k;
}
