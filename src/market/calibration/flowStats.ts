/**
 * Per-minute gross inflow statistics of a pool (both directions pooled, USD, zero minutes included).
 */
import { quantile } from '../../core/statistics.ts';

export function flowStats(perMinuteUsd: ArrayLike<number>): Record<string, number> {
  return {
    'flow.minute_usd.p25': quantile(perMinuteUsd, 0.25),
    'flow.minute_usd.p50': quantile(perMinuteUsd, 0.5),
    'flow.minute_usd.p75': quantile(perMinuteUsd, 0.75),
    'flow.minute_usd.p95': quantile(perMinuteUsd, 0.95),
  };
}
