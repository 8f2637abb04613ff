/**
 * Retrains the slippage model from the ledger: executed opportunities with an actual slippage in the last `days`,
 * time-ordered; the last 20% is the holdout. The candidate trains on the rest; it and the active model are scored
 * (MAE, bps) on the same holdout; the candidate becomes active only if it is better (with no active model: better
 * than the heuristic's static 50 bps).
 */
import { resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';
import { slippageFeaturesOf } from '../slippage/slippageFeaturesOf.ts';
import { HEURISTIC_SLIPPAGE_BPS, SlippagePredictor } from '../slippage/slippagePredictor.ts';
import type { SlippageFeatures } from '../slippage/slippageFeatures.ts';
import { readSlippageTrainingRows } from '../slippage/trainSlippageFromLedger.ts';
import type { Db } from '../store/db.ts';
import { activeModelVersion, recordModelVersion } from '../store/modelVersions.ts';
import { publishArtefacts } from './artefacts.ts';
import { beats, type RetrainOutcome } from './retrainOutcome.ts';

export interface RetrainSlippageOptions {
  db: Db;
  modelsDir: string;
  seed: number;
  days?: number;
  minSamples?: number;
  trainedAt?: Date;
}

const maeOf = (
  predict: (x: SlippageFeatures) => number,
  xs: readonly SlippageFeatures[],
  ys: readonly number[],
): number => Number((xs.reduce((s, x, i) => s + Math.abs(predict(x) - ys[i]!), 0) / xs.length).toFixed(6));

export async function retrainSlippage(o: RetrainSlippageOptions): Promise<RetrainOutcome> {
  const started = performance.now();
  const rows = await readSlippageTrainingRows(o.db, o.days ?? 30);
  const xs: SlippageFeatures[] = [],
    ys: number[] = [],
    times: Date[] = [];
  for (const row of rows) {
    try {
      xs.push(slippageFeaturesOf(row));
      ys.push(row.actualSlippageBps!);
      times.push(row.timestamp);
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
    }
  }
  const min = Math.max(o.minSamples ?? 50, 25);
  if (xs.length < min)
    throw new InvalidInputError(
      `retrain slippage: ${xs.length} usable executed opportunities in the ledger, need ${min} (run arbml simulate first)`,
    );
  const split = Math.floor(xs.length * 0.8);
  const hx = xs.slice(split),
    hy = ys.slice(split);
  const candidate = SlippagePredictor.train({
    rows: xs.slice(0, split),
    targets: ys.slice(0, split),
    seed: o.seed,
    trainedAt: o.trainedAt,
    window: { from: times[0]!.toISOString(), to: times[split - 1]!.toISOString() },
  });
  const cand = maeOf((x) => candidate.predictSlippageBps(x), hx, hy);
  const baseline = maeOf(() => HEURISTIC_SLIPPAGE_BPS, hx, hy);
  const active = await activeModelVersion(o.db, 'slippage');
  let current: number | null = null;
  if (active?.artefactPath) {
    try {
      const model = SlippagePredictor.load(active.artefactPath);
      current = maeOf((x) => model.predictSlippageBps(x), hx, hy);
    } catch {
      current = null;
    }
  }
  const promoted = beats({ candidate: cand, current, baseline, higherIsBetter: false });
  const dir = `${o.modelsDir}/slippage/${candidate.version}`;
  candidate.save(dir);
  const row = await recordModelVersion(o.db, {
    kind: 'slippage',
    trainedAt: new Date(candidate.meta.trained_at),
    windowStart: times[0]!,
    windowEnd: times[split - 1]!,
    features: candidate.meta.features,
    artefactPath: resolve(dir),
    status: promoted ? 'active' : 'candidate',
    metrics: {
      ...candidate.meta.metrics,
      model_version: candidate.version,
      holdout: 'last 20% of the ledger rows by time',
      holdout_rows: hy.length,
      retrain_holdout_mae_bps: cand,
      active_holdout_mae_bps: current,
      active_version: active?.version ?? null,
      static_holdout_mae_bps: baseline,
    },
  });
  if (promoted) publishArtefacts(o.modelsDir, 'slippage', dir);
  return {
    kind: 'slippage',
    registryVersion: row.version,
    modelVersion: candidate.version,
    metric: 'holdout MAE (bps)',
    higherIsBetter: false,
    candidate: cand,
    current,
    currentVersion: active?.version ?? null,
    baseline,
    promoted,
    samples: xs.length,
    artefactDir: row.artefactPath!,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}
