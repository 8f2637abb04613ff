/**
 * CEX path from real 1-minute klines: one price per minute (the candle's open); a minute the file lacks takes the
 * previous candle's close and is counted. Rejects files whose candles are not on a 1-minute grid.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { Kline } from '../files/klineRow.ts';
import { MINUTE_MS, type CexPath } from './cexPath.ts';

export function replayCex(klines: readonly Kline[], file = 'klines'): CexPath {
  if (klines.length < 2)
    throw new InvalidInputError(`${file}: need at least 2 candles to replay, got ${klines.length}`);
  const startMs = klines[0]!.openTimeMs;
  if (startMs % MINUTE_MS !== 0) throw new InvalidInputError(`${file}: first candle not on a whole minute`);
  const last = klines[klines.length - 1]!;
  const n = (last.openTimeMs - startMs) / MINUTE_MS + 1;
  if (!Number.isInteger(n)) throw new InvalidInputError(`${file}: candles are not on a 1-minute grid (use a 1m file)`);
  const prices = new Float64Array(n);
  let filled = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const t = startMs + i * MINUTE_MS;
    const candle = klines[k]!;
    if (candle.openTimeMs === t) {
      prices[i] = candle.open;
      k++;
    } else if (candle.openTimeMs > t) {
      prices[i] = klines[k - 1]!.close;
      filled++;
    } else {
      throw new InvalidInputError(`${file}: candle at ${candle.openTimeMs} is off the 1-minute grid`);
    }
  }
  return { startMs, minutePrices: prices, source: 'replay', filledMinutes: filled };
}
