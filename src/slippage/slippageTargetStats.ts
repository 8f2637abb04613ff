/**
 * The distribution of the training target (actual_slippage_bps), reported beside the MAE so a small error on a
 * target that is nearly always 0 reads for what it is.
 */
import { quantile } from '../core/statistics.ts';

export interface SlippageTargetStats {
  mean_bps: number;
  /** Mean |slippage|: the MAE of always predicting 0. */
  mean_abs_bps: number;
  /** Share of rows whose realised slippage is exactly 0. */
  zero_share: number;
  /** Share of rows with negative slippage (executed better than quoted). */
  negative_share: number;
  p50_bps: number;
  p95_bps: number;
  p99_bps: number;
  min_bps: number;
  max_bps: number;
}

export function slippageTargetStats(targets: readonly number[]): SlippageTargetStats {
  const n = targets.length;
  if (n === 0)
    return {
      mean_bps: NaN,
      mean_abs_bps: NaN,
      zero_share: NaN,
      negative_share: NaN,
      p50_bps: NaN,
      p95_bps: NaN,
      p99_bps: NaN,
      min_bps: NaN,
      max_bps: NaN,
    };
  const sorted = [...targets].sort((a, b) => a - b);
  return {
    mean_bps: targets.reduce((s, x) => s + x, 0) / n,
    mean_abs_bps: targets.reduce((s, x) => s + Math.abs(x), 0) / n,
    zero_share: targets.filter((x) => x === 0).length / n,
    negative_share: targets.filter((x) => x < 0).length / n,
    p50_bps: quantile(sorted, 0.5),
    p95_bps: quantile(sorted, 0.95),
    p99_bps: quantile(sorted, 0.99),
    min_bps: sorted[0]!,
    max_bps: sorted[n - 1]!,
  };
}
