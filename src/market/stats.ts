/**
 * Small statistics used by calibration: mean, std, quantiles, autocorrelation. Pure functions over numbers.
 */
import { InvalidInputError } from '../core/errors.ts';

export function mean(xs: ArrayLike<number>): number {
  if (xs.length === 0) throw new InvalidInputError('mean of an empty series');
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i]!;
  return s / xs.length;
}

/** Population standard deviation. */
export function std(xs: ArrayLike<number>): number {
  const m = mean(xs);
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += (xs[i]! - m) ** 2;
  return Math.sqrt(s / xs.length);
}

/** Linear-interpolated quantile (numpy's default), q in [0, 1]. */
export function quantile(xs: ArrayLike<number>, q: number): number {
  if (xs.length === 0) throw new InvalidInputError('quantile of an empty series');
  const sorted = Float64Array.from(xs).sort();
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

/** Sample autocorrelation at a lag (numpy-style: normalised by the full-series variance). */
export function autocorrelation(xs: ArrayLike<number>, lag: number): number {
  const m = mean(xs);
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    const d = xs[i]! - m;
    den += d * d;
    if (i + lag < xs.length) num += d * (xs[i + lag]! - m);
  }
  return den === 0 ? 0 : num / den;
}

/** First differences of the natural log. */
export function logChanges(xs: ArrayLike<number>): Float64Array {
  const out = new Float64Array(Math.max(0, xs.length - 1));
  for (let i = 1; i < xs.length; i++) out[i - 1] = Math.log(xs[i]! / xs[i - 1]!);
  return out;
}
