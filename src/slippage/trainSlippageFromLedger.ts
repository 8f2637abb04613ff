/**
 * Trains the slippage model from the ledger (the seed's query: executed opportunities with a realised slippage
 * over the last N days of the ledger, counted back from its newest row), saves it under the models directory and
 * records the version in `model_versions`. A row whose features cannot be read is rejected with its id and field
 * and counted, never fatal. The new model is 'active' when it beats both the static 50 bps assumption and the
 * linear baseline on its holdout, else a 'candidate'.
 */
import { resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';
import type { Db } from '../store/db.ts';
import { recordModelVersion } from '../store/modelVersions.ts';
import { opportunityFromRecord } from '../store/readOpportunities.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { slippageFeaturesOf } from './slippageFeaturesOf.ts';
import type { SlippageFeatures } from './slippageFeatures.ts';
import { SlippagePredictor } from './slippagePredictor.ts';
import { slippageTargetStats, type SlippageTargetStats } from './slippageTargetStats.ts';

export interface TrainSlippageFromLedgerOptions {
  db: Db;
  /** Days of ledger, back from its newest row (default 30). */
  days?: number;
  /** Refuse to train on fewer usable rows (default 50). */
  minSamples?: number;
  /** Boosting rounds (default 100). */
  rounds?: number;
  modelsDir: string;
  seed?: number;
  trainedAt?: Date;
}

export interface TrainSlippageFromLedgerResult {
  samples: number;
  rejected: number;
  /** First rejections, each naming the row id and field. */
  rejections: string[];
  holdout_mae_bps: number;
  static_mae_bps: number;
  linear_mae_bps: number;
  version: string;
  registry_version: number;
  status: 'candidate' | 'active';
  path: string;
  window: { from: string; to: string };
  target: SlippageTargetStats;
}

/** The seed's query: executed rows with actual slippage in the last `days` of the ledger, oldest first. */
export async function readSlippageTrainingRows(db: Db, days: number): Promise<OpportunityRow[]> {
  const records = await db.query<Record<string, unknown>>(
    `SELECT * FROM arbitrage_opportunities
     WHERE executed = TRUE AND actual_slippage_bps IS NOT NULL
       AND timestamp >= (SELECT MAX(timestamp) FROM arbitrage_opportunities) - make_interval(secs => $1)
     ORDER BY timestamp, id`,
    [days * 86_400],
  );
  return records.map(opportunityFromRecord);
}

export async function trainSlippageFromLedger(
  o: TrainSlippageFromLedgerOptions,
): Promise<TrainSlippageFromLedgerResult> {
  const days = o.days ?? 30;
  const minSamples = o.minSamples ?? 50;
  if (!(days > 0)) throw new InvalidInputError(`--days must be > 0, got ${days}`);
  const rows = await readSlippageTrainingRows(o.db, days);
  const features: SlippageFeatures[] = [];
  const targets: number[] = [];
  const used: OpportunityRow[] = [];
  const rejections: string[] = [];
  for (const row of rows) {
    try {
      features.push(slippageFeaturesOf(row));
      targets.push(row.actualSlippageBps!);
      used.push(row);
    } catch (err) {
      if (!(err instanceof InvalidInputError)) throw err;
      rejections.push(err.message);
    }
  }
  if (used.length < Math.max(minSamples, 20)) {
    throw new InvalidInputError(
      `train slippage: ${used.length} usable executed opportunities with actual slippage in the last ${days} days of the ledger` +
        ` (${rejections.length} rejected), need at least ${Math.max(minSamples, 20)}; run more of the ledger (arbml simulate) or lower --min-samples`,
    );
  }
  const window = { from: used[0]!.timestamp.toISOString(), to: used[used.length - 1]!.timestamp.toISOString() };
  const predictor = SlippagePredictor.train({
    rows: features,
    targets,
    seed: o.seed ?? 1,
    window,
    trainedAt: o.trainedAt,
    params: { numRounds: o.rounds ?? 100 },
  });
  const path = predictor.save(o.modelsDir);
  const m = predictor.meta.metrics;
  const status = m.holdout_mae_bps < m.static_mae_bps && m.holdout_mae_bps < m.linear_mae_bps ? 'active' : 'candidate';
  const target = slippageTargetStats(targets);
  const recorded = await recordModelVersion(o.db, {
    kind: 'slippage',
    trainedAt: new Date(predictor.meta.trained_at),
    windowStart: used[0]!.timestamp,
    windowEnd: used[used.length - 1]!.timestamp,
    features: predictor.meta.features,
    metrics: { ...m, model_version: predictor.version, target },
    artefactPath: resolve(path),
    status,
  });
  return {
    samples: used.length,
    rejected: rejections.length,
    rejections: rejections.slice(0, 10),
    holdout_mae_bps: m.holdout_mae_bps,
    static_mae_bps: m.static_mae_bps,
    linear_mae_bps: m.linear_mae_bps,
    version: predictor.version,
    registry_version: recorded.version,
    status,
    path,
    window,
    target,
  };
}
