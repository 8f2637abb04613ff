/**
 * How close each model statistic must be to the real one. `rel` is a fraction of the real value, `abs` an absolute
 * difference; the reason for each is in CALIBRATION.md. Utilisation statistics are measured and shown but are not
 * part of the check (see CALIBRATION.md: the real column's mean is inconsistent with a stationary base fee under
 * the exact update rule).
 */
export type Tolerance = { rel: number } | { abs: number };

export const TOLERANCES: Readonly<Record<string, Tolerance>> = {
  'cex.log_return_1m.std': { rel: 0.1 },
  'cex.hourly_vol.p5': { rel: 0.15 },
  'cex.hourly_vol.p50': { rel: 0.15 },
  'cex.hourly_vol.p95': { rel: 0.15 },
  'cex.hourly_log_vol.acf1': { abs: 0.15 },
  'cex.abs_return_1m.p99': { rel: 0.2 },
  'gas.min_price_gwei.p5': { rel: 0.1 },
  'gas.min_price_gwei.p50': { rel: 0.1 },
  'gas.min_price_gwei.p95': { rel: 0.15 },
  'gas.log_change_5m.std': { rel: 0.1 },
  'gas.log_change_5m.p5': { rel: 0.2 },
  'gas.log_change_5m.p95': { rel: 0.2 },
  'gas.log_level.acf1': { abs: 0.05 },
  'gas.log_level.acf3': { abs: 0.05 },
  'gas.log_level.acf12': { abs: 0.05 },
  'gas.tip_spread_gwei.p50': { rel: 0.1 },
  'gas.tip_spread_gwei.p95': { rel: 0.15 },
  'flow.minute_usd.p25': { rel: 0.5 },
  'flow.minute_usd.p50': { rel: 0.2 },
  'flow.minute_usd.p75': { rel: 0.2 },
  'flow.minute_usd.p95': { rel: 0.2 },
  'lifetime.ethereum.share_0_blocks': { abs: 0.05 },
  'lifetime.ethereum.share_le_1_block': { abs: 0.05 },
  'lifetime.ethereum.share_le_3_blocks': { abs: 0.05 },
  'lifetime.ethereum.share_le_10_blocks': { abs: 0.05 },
  'competitor.tip_to_base_fee.p25': { rel: 0.2 },
  'competitor.tip_to_base_fee.p50': { rel: 0.2 },
  'competitor.tip_to_base_fee.p75': { rel: 0.2 },
};

/** The tolerance as an absolute allowed difference for this real value. */
export function absoluteTolerance(tolerance: Tolerance, real: number): number {
  return 'abs' in tolerance ? tolerance.abs : Math.abs(real) * tolerance.rel;
}
