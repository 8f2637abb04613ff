/**
 * CEX price statistics compared between model and real 1-minute series: return std, hourly volatility quantiles
 * and persistence, and the tail of 1-minute moves.
 */
import { hourlyLogVol } from '../cex/fitCex.ts';
import { autocorrelation, logChanges, quantile, std } from '../../core/statistics.ts';

export function cexStats(minutePrices: ArrayLike<number>): Record<string, number> {
  const r = logChanges(minutePrices);
  const logVol = hourlyLogVol(r);
  const vol = Float64Array.from(logVol, Math.exp);
  return {
    'cex.log_return_1m.std': std(r),
    'cex.hourly_vol.p5': quantile(vol, 0.05),
    'cex.hourly_vol.p50': quantile(vol, 0.5),
    'cex.hourly_vol.p95': quantile(vol, 0.95),
    'cex.hourly_log_vol.acf1': autocorrelation(logVol, 1),
    'cex.abs_return_1m.p99': quantile(Float64Array.from(r, Math.abs), 0.99),
  };
}
