/**
 * The Butler & Crane protocol on the paper's own evaluation points: for every (set, window), train on targets at or
 * before the window's first origin, forecast min gas price at each point's target from bins up to and including
 * its origin, and score RMSE / MAE / R² in gwei per horizon for the model and for persistence; then average the two
 * windows. Features are causal, so computing them once over the whole series equals computing them per origin.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { EpochStats } from '../ml/lstm/trainLstm.ts';
import { GasForecaster } from './gasForecaster.ts';
import type { GasForecasterModel } from './gasForecasterModel.ts';
import { gasFeatureColumns } from './gasFeatures.ts';
import { binIndex, type GasSeries } from './gasSeries.ts';
import { errorMetrics } from '../core/statistics.ts';
import type { EvalPoint } from './readEvalPoints.ts';
import { trainGasForecaster, type TrainGasOptions } from './trainGasForecaster.ts';

export interface MetricLists {
  rmse: number[];
  mae: number[];
  r2: number[];
}

export interface WindowReport {
  window: number;
  firstOrigin: string;
  points: number[];
  model: MetricLists;
  persistence: MetricLists;
  /** RMSE (gwei) of each component alone, and the blend weights each earned on the held-out training tail. */
  components: {
    ridgeRmse: number[];
    gbdtRmse: (number | null)[];
    lstmRmse: (number | null)[];
    blend: GasForecasterModel['blend'];
  };
}

export interface SetReport {
  model: MetricLists;
  persistence: MetricLists;
  windows: WindowReport[];
}

export interface ButlerCraneReport {
  horizons_min: number[];
  sets: Record<string, SetReport>;
}

export interface ButlerCraneOptions {
  series: GasSeries;
  points: readonly EvalPoint[];
  seed: number;
  lstm?: TrainGasOptions['lstm'];
  gbdt?: TrainGasOptions['gbdt'];
  onModel?: (label: string) => void;
  onEpoch?: (e: EpochStats) => void;
}

const lists = (): MetricLists => ({ rmse: [], mae: [], r2: [] });

export async function butlerCraneEval(o: ButlerCraneOptions): Promise<ButlerCraneReport> {
  const { series: s, points } = o;
  const columns = gasFeatureColumns(s);
  const horizons = [...new Set(points.map((p) => p.h))].sort((a, b) => a - b);
  const H = Math.max(...horizons);
  const groups = new Map<string, EvalPoint[]>();
  for (const p of points) {
    const key = `${p.set}\u0000${p.window}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  const sets: Record<string, SetReport> = {};
  for (const [key, group] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [set, windowText] = key.split('\u0000') as [string, string];
    const first = Math.min(...group.map((p) => p.originMs));
    const cutoff = binIndex(s, first);
    if (cutoff < 0)
      throw new InvalidInputError(
        `eval points: first origin ${new Date(first).toISOString()} of ${set}/${windowText} is not in the gas series`,
      );
    o.onModel?.(`${set} window ${windowText}: training on targets through ${new Date(first).toISOString()}`);
    const model = await trainGasForecaster({
      series: s,
      columns,
      cutoff,
      seed: o.seed,
      horizons: H,
      lstm: o.lstm,
      gbdt: o.gbdt,
      onEpoch: o.onEpoch,
    });
    const forecaster = new GasForecaster(model);
    const origins = group.map((p) => binIndex(s, p.originMs));
    origins.forEach((t, i) => {
      if (t < 0 || binIndex(s, group[i]!.targetMs) !== t + group[i]!.h) {
        throw new InvalidInputError(
          `eval point ${set}/${windowText} origin ${new Date(group[i]!.originMs).toISOString()}: origin or target bin not in the series`,
        );
      }
    });
    const f = await forecaster.logRatios(columns, origins);
    const w: WindowReport = {
      window: Number(windowText),
      firstOrigin: new Date(first).toISOString(),
      points: [],
      model: lists(),
      persistence: lists(),
      components: { ridgeRmse: [], gbdtRmse: [], lstmRmse: [], blend: model.blend.slice(0, H) },
    };
    for (const h of horizons) {
      const idx = group.flatMap((p, i) => (p.h === h ? [i] : []));
      const y = idx.map((i) => group[i]!.y);
      const now = idx.map((i) => s.minGas[origins[i]!]!);
      const at = (a: Float64Array | null) => idx.map((i, j) => now[j]! * Math.exp(a ? a[i * H + h - 1]! : 0));
      const m = errorMetrics(y, at(f.blend));
      const p = errorMetrics(
        y,
        idx.map((i) => group[i]!.persistence),
      );
      w.points.push(idx.length);
      push(w.model, m);
      push(w.persistence, p);
      w.components.ridgeRmse.push(errorMetrics(y, at(f.ridge)).rmse);
      w.components.gbdtRmse.push(f.gbdt ? errorMetrics(y, at(f.gbdt)).rmse : null);
      w.components.lstmRmse.push(
        f.lstm && model.blend[h - 1] && !Number.isNaN(f.lstm[h - 1]) ? errorMetrics(y, at(f.lstm)).rmse : null,
      );
    }
    sets[set] ??= { model: lists(), persistence: lists(), windows: [] };
    sets[set].windows.push(w);
  }
  for (const r of Object.values(sets)) {
    r.model = meanOver(r.windows.map((w) => w.model));
    r.persistence = meanOver(r.windows.map((w) => w.persistence));
  }
  return { horizons_min: horizons.map((h) => 5 * h), sets };
}

function push(l: MetricLists, m: { rmse: number; mae: number; r2: number }): void {
  l.rmse.push(m.rmse);
  l.mae.push(m.mae);
  l.r2.push(m.r2);
}

function meanOver(ws: MetricLists[]): MetricLists {
  const mean = (k: keyof MetricLists) => ws[0]![k].map((_, i) => ws.reduce((a, w) => a + w[k][i]!, 0) / ws.length);
  return { rmse: mean('rmse'), mae: mean('mae'), r2: mean('r2') };
}
