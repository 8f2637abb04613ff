/**
 * Competition statistics compared between model and real data: the share of arbitrages captured k blocks after
 * the swap that created the edge (k = 0..3, exact shares), the builder payment against volume (bps quantiles) and
 * the share of arbitrages that lose money after costs.
 */
import { quantile } from '../../core/statistics.ts';

export function captureDistanceStats(distances: readonly number[], chain: string): Record<string, number> {
  const n = Math.max(1, distances.length);
  const out: Record<string, number> = {};
  for (let k = 0; k <= 3; k++) out[`capture_distance_${chain}_${k}`] = distances.filter((d) => d === k).length / n;
  return out;
}

export function paymentStats(bps: ArrayLike<number>): Record<string, number> {
  return {
    builder_payment_bps_of_volume_p25: quantile(bps, 0.25),
    builder_payment_bps_of_volume_p50: quantile(bps, 0.5),
    builder_payment_bps_of_volume_p75: quantile(bps, 0.75),
    builder_payment_bps_of_volume_p95: quantile(bps, 0.95),
  };
}

export function losingShareStats(profits: readonly number[]): Record<string, number> {
  return { losing_arb_share: profits.filter((p) => p < 0).length / Math.max(1, profits.length) };
}

/** Per-minute statistics of the Polygon V3 pool: |tick change| close to close, gross USD volume, empty minutes. */
export function poolMinuteStats(tickChanges: ArrayLike<number>, volumesUsd: ArrayLike<number>): Record<string, number> {
  let empty = 0;
  for (let i = 0; i < volumesUsd.length; i++) if (volumesUsd[i] === 0) empty++;
  return {
    polygon_v3_tick_change_1m_p50: quantile(tickChanges, 0.5),
    polygon_v3_tick_change_1m_p90: quantile(tickChanges, 0.9),
    polygon_v3_volume_1m_p25: quantile(volumesUsd, 0.25),
    polygon_v3_volume_1m_p50: quantile(volumesUsd, 0.5),
    polygon_v3_volume_1m_p75: quantile(volumesUsd, 0.75),
    polygon_v3_volume_1m_p95: quantile(volumesUsd, 0.95),
    polygon_v3_no_swap_minute_share: empty / Math.max(1, volumesUsd.length),
  };
}
