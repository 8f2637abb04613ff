/**
 * Gas forecasts along the backtest path, computed ahead of the decider runs (forecasting is asynchronous, deciding is
 * not): at each 5-minute bin of the gas tape, once the bin is complete, the forecaster of the retrain segment in force
 * then forecasts log(gas[t+h] / gas[t]) from bins <= t. The gas process is exogenous (our trades do not move it), so
 * the shadow run's tape is every run's. Also the report's series: the 5-minute forecast against what came.
 */
import type { HorizonForecast } from '../gas/gasForecaster.ts';
import { gasFeatureColumns } from '../gas/gasFeatures.ts';
import { binMs, gasSeries } from '../gas/gasSeries.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';
import type { BacktestSeries } from './backtestResult.ts';
import type { TrainedModels } from './trainModelsAt.ts';

export interface GasForecastTable {
  /** Forecasts from the last bin complete at `timeMs`, scaled to `currentGwei`; null before the first model. */
  forecastAt(timeMs: number, currentGwei: number): HorizonForecast[] | null;
  series: NonNullable<BacktestSeries['gas']>;
}

export async function gasForecastTable(o: {
  rows: readonly GasRow[];
  models: readonly TrainedModels[];
  fromMs: number;
  toMs: number;
}): Promise<GasForecastTable | null> {
  if (o.rows.length === 0 || o.models.every((m) => !m.gas)) return null;
  const s = gasSeries([...o.rows]);
  const columns = gasFeatureColumns(s);
  const byBin = new Map<number, { ratios: number[]; low: number[]; high: number[] }>();
  const series: GasForecastTable['series'] = { horizonMin: 5, timeMs: [], forecast: [], actual: [], mae_gwei: null };
  let absErr = 0;
  for (const [i, m] of o.models.entries()) {
    if (!m.gas) continue;
    const until = Math.min(o.models[i + 1]?.atMs ?? Infinity, o.toMs);
    const origins: number[] = [];
    for (let t = m.gas.historyBins; t < s.length; t++) {
      const doneAt = s.timeMs[t]! + binMs;
      if (doneAt >= Math.max(m.atMs, o.fromMs) && doneAt < until) origins.push(t);
    }
    if (origins.length === 0) continue;
    const H = m.gas.model.horizons;
    const { blend } = await m.gas.logRatios(columns, origins);
    origins.forEach((t, k) => {
      const lr = Array.from({ length: H }, (_, h) => blend[k * H + h]!);
      const iv = m.gas!.model.interval;
      byBin.set(s.timeMs[t]!, {
        ratios: lr.map(Math.exp),
        low: lr.map((x, h) => Math.exp(x + iv[h]!.low)),
        high: lr.map((x, h) => Math.exp(x + iv[h]!.high)),
      });
      if (t + 1 < s.length) {
        const f = s.minGas[t]! * Math.exp(lr[0]!);
        series.timeMs.push(s.timeMs[t + 1]!);
        series.forecast.push(Number(f.toFixed(4)));
        series.actual.push(Number(s.minGas[t + 1]!.toFixed(4)));
        absErr += Math.abs(f - s.minGas[t + 1]!);
      }
    });
  }
  if (series.timeMs.length > 0) series.mae_gwei = Number((absErr / series.timeMs.length).toFixed(4));
  return {
    series,
    forecastAt(timeMs, currentGwei) {
      const f = byBin.get(Math.floor(timeMs / binMs) * binMs - binMs);
      if (!f) return null;
      return f.ratios.map((r, h) => ({
        horizonMin: 5 * (h + 1),
        gwei: currentGwei * r,
        low: currentGwei * f.low[h]!,
        high: currentGwei * f.high[h]!,
      }));
    },
  };
}
