/**
 * The CEX reference price as one value per minute (the minute's open), replayed from klines or simulated, and the
 * price at any time between (linear between minute opens, so blocks inside a minute see the price move).
 */

export const MINUTE_MS = 60_000;

export interface CexPath {
  /** Time of minutePrices[0], ms UTC, a whole minute. */
  readonly startMs: number;
  /** Price (quote per base) at startMs + i minutes. */
  readonly minutePrices: Float64Array;
  readonly source: 'replay' | 'model';
  /** Minutes filled from the previous close because the file had no candle there. */
  readonly filledMinutes: number;
}

/** Price at a time inside the path (linear between minute opens; clamped at the ends). */
export function cexPriceAt(path: CexPath, timeMs: number): number {
  const n = path.minutePrices.length;
  const x = (timeMs - path.startMs) / MINUTE_MS;
  if (x <= 0) return path.minutePrices[0]!;
  if (x >= n - 1) return path.minutePrices[n - 1]!;
  const i = Math.floor(x);
  const f = x - i;
  return path.minutePrices[i]! * (1 - f) + path.minutePrices[i + 1]! * f;
}

/** Last time the path covers. */
export function cexEndMs(path: CexPath): number {
  return path.startMs + (path.minutePrices.length - 1) * MINUTE_MS;
}
