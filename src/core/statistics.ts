/**
 * The one statistics module: mean, std, quantile, autocorrelation for calibration and reports, and the error
 * metrics every model is judged by (RMSE, MAE, R^2). Pure functions over numbers. Conventions: a quantile is
 * linear interpolation between order statistics (numpy's default, "type 7"); error metrics take
 * (actual, predicted) in that order and average over all points.
 */
import { InvalidInputError } from './errors.ts';

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

/** Root mean squared error of predicted against actual. */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return errorMetrics(actual, predicted).rmse;
}

/** Mean absolute error of predicted against actual. */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return errorMetrics(actual, predicted).mae;
}

export interface ErrorMetrics {
  rmse: number;
  mae: number;
  /** 1 - SSE/SST, SST around the mean of the actual values. */
  r2: number;
  n: number;
}

/** RMSE, MAE and R^2 of predicted against actual (float64 sums). */
export function errorMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): ErrorMetrics {
  const n = actual.length;
  if (predicted.length !== n)
    throw new InvalidInputError(`error metrics: ${n} actual values but ${predicted.length} predictions`);
  let sse = 0;
  let sae = 0;
  let sst = 0;
  const m = n === 0 ? NaN : mean(actual);
  for (let i = 0; i < n; i++) {
    const e = actual[i]! - predicted[i]!;
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i]! - m) ** 2;
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: 1 - sse / sst, n };
}

/** Student t 0.975 quantiles for 1..30 degrees of freedom, then 40, 60, 120 and the normal limit. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11,
  2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

function t975(df: number): number {
  if (df <= 30) return T975[df - 1]!;
  if (df <= 40) return 2.021;
  if (df <= 60) return 2.0;
  if (df <= 120) return 1.98;
  return 1.96;
}

export interface MeanCi {
  mean: number;
  /** 95% t interval of the mean (sample std, n - 1 degrees of freedom); [mean, mean] for a single value. */
  ci95: [number, number];
  n: number;
}

/** Mean and 95% confidence interval of the mean (Student t), e.g. of a per-seed metric over seeds. */
export function meanCi95(xs: ArrayLike<number>): MeanCi {
  const n = xs.length;
  const m = mean(xs);
  if (n < 2) return { mean: m, ci95: [m, m], n };
  let s = 0;
  for (let i = 0; i < n; i++) s += (xs[i]! - m) ** 2;
  const half = t975(n - 1) * Math.sqrt(s / (n - 1) / n);
  return { mean: m, ci95: [m - half, m + half], n };
}
