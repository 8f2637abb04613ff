/**
 * The gas statistics compared between model and real data, from 5-minute bin series.
 */
import { autocorrelation, logChanges, mean, quantile, std } from '../../core/statistics.ts';

export interface GasSeries {
  minGasPrice: ArrayLike<number>;
  tipSpread: ArrayLike<number>;
  utilisation: ArrayLike<number>;
}

export type GasStats = Record<string, number>;

export function gasStats(series: GasSeries): GasStats {
  const d = logChanges(series.minGasPrice);
  const level = Float64Array.from(series.minGasPrice as ArrayLike<number>, Math.log);
  return {
    'gas.min_price_gwei.p5': quantile(series.minGasPrice, 0.05),
    'gas.min_price_gwei.p50': quantile(series.minGasPrice, 0.5),
    'gas.min_price_gwei.p95': quantile(series.minGasPrice, 0.95),
    'gas.log_change_5m.std': std(d),
    'gas.log_change_5m.p5': quantile(d, 0.05),
    'gas.log_change_5m.p95': quantile(d, 0.95),
    'gas.log_level.acf1': autocorrelation(level, 1),
    'gas.log_level.acf3': autocorrelation(level, 3),
    'gas.log_level.acf12': autocorrelation(level, 12),
    'gas.utilisation_5m.mean': mean(series.utilisation),
    'gas.utilisation_5m.std': std(series.utilisation),
    'gas.tip_spread_gwei.p50': quantile(series.tipSpread, 0.5),
    'gas.tip_spread_gwei.p95': quantile(series.tipSpread, 0.95),
  };
}
