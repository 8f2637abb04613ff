/**
 * The slippage model: XGBoost-compatible trees over SlippageFeatures, predicting actual_slippage_bps.
 * Training splits a seeded holdout (20%) that only scores: early stopping watches a validation slice of the
 * training part. The holdout MAE is reported against the static 50 bps assumption and a ridge baseline fitted
 * on the same rows. Saved as `slippage_xgb.json` (XGBoost JSON, loadable by xgboost itself) plus
 * `slippage_xgb.meta.json` (version, window, features, metrics).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';
import { denseMatrix, selectRows, type DenseMatrix } from '../ml/gbdt/denseMatrix.ts';
import type { GbdtModel } from '../ml/gbdt/gbdtModel.ts';
import type { GbdtParamsInput } from '../ml/gbdt/gbdtParams.ts';
import { mae } from '../core/statistics.ts';
import { trainGbdt } from '../ml/gbdt/trainGbdt.ts';
import { fromXgboostJson, xgboostJsonText } from '../ml/gbdt/xgboostJson.ts';
import { holdoutSplit } from './holdoutSplit.ts';
import { RidgeRegressor } from './ridgeRegressor.ts';
import {
  checkSlippageFeatures,
  SLIPPAGE_FEATURE_NAMES,
  toFeatureVector,
  type SlippageFeatures,
} from './slippageFeatures.ts';
import type { SlippageMeta, SlippageMetrics, TrainingWindow } from './slippageMeta.ts';

export const HEURISTIC_SLIPPAGE_BPS = 50;
export const MODEL_FILE = 'slippage_xgb.json';
export const META_FILE = 'slippage_xgb.meta.json';

export interface TrainSlippageOptions {
  rows: readonly SlippageFeatures[];
  /** actual_slippage_bps of each row. */
  targets: readonly number[];
  /** GBDT parameters; default 100 rounds, depth 6, eta 0.1, base score = mean target, early stopping 20. */
  params?: GbdtParamsInput;
  seed?: number;
  holdoutFraction?: number;
  window?: TrainingWindow;
  /** Default now; pass one for reproducible metadata. */
  trainedAt?: Date;
}

function mean(xs: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i];
  return s / xs.length;
}

export class SlippagePredictor {
  constructor(
    readonly model: GbdtModel,
    readonly meta: SlippageMeta,
  ) {
    const names = model.featureNames ?? [];
    if (names.length !== SLIPPAGE_FEATURE_NAMES.length || names.some((n, i) => n !== SLIPPAGE_FEATURE_NAMES[i])) {
      throw new InvalidInputError(
        `slippage model features [${names.join(', ')}] are not [${SLIPPAGE_FEATURE_NAMES.join(', ')}]`,
      );
    }
  }

  static train(o: TrainSlippageOptions): SlippagePredictor {
    if (o.rows.length !== o.targets.length)
      throw new InvalidInputError(`${o.rows.length} feature rows but ${o.targets.length} targets`);
    if (o.rows.length < 20)
      throw new InvalidInputError(`need at least 20 samples to train the slippage model, got ${o.rows.length}`);
    o.rows.forEach((r, i) => checkSlippageFeatures(r, i));
    o.targets.forEach((t, i) => {
      if (!Number.isFinite(t))
        throw new InvalidInputError(`target (actual_slippage_bps) of row ${i} is not a finite number`);
    });
    const seed = o.seed ?? 1;
    const all = denseMatrix(o.rows.map(toFeatureVector));
    const labels = Float64Array.from(o.targets);
    const split = holdoutSplit({ rows: all.rows, fraction: o.holdoutFraction ?? 0.2, seed });
    const fitSplit = holdoutSplit({ rows: split.train.length, fraction: 0.125, seed: seed + 1 });
    const pick = (idx: ArrayLike<number>): { matrix: DenseMatrix; labels: Float64Array } => ({
      matrix: selectRows(all, idx),
      labels: Float64Array.from(idx, (i) => labels[i]),
    });
    const train = pick(split.train);
    const fit = pick(Array.from(fitSplit.train, (i) => split.train[i]));
    const valid = pick(Array.from(fitSplit.holdout, (i) => split.train[i]));
    const holdout = pick(split.holdout);
    const params: GbdtParamsInput = {
      numRounds: 100,
      maxDepth: 6,
      eta: 0.1,
      baseScore: mean(fit.labels),
      earlyStoppingRounds: 20,
      seed,
      ...o.params,
    };
    const model = trainGbdt({ ...fit, validation: valid, params, featureNames: SLIPPAGE_FEATURE_NAMES });
    const ridge = new RidgeRegressor(1).fit(train);
    const metrics: SlippageMetrics = {
      samples: all.rows,
      train_rows: fit.matrix.rows,
      validation_rows: valid.matrix.rows,
      holdout_rows: holdout.matrix.rows,
      holdout_mae_bps: mae(holdout.labels, model.predict(holdout.matrix)),
      static_mae_bps: mae(holdout.labels, new Float64Array(holdout.matrix.rows).fill(HEURISTIC_SLIPPAGE_BPS)),
      linear_mae_bps: mae(holdout.labels, ridge.predict(holdout.matrix)),
      rounds: model.trees.length,
    };
    const trainedAt = (o.trainedAt ?? new Date()).toISOString();
    const digest = createHash('sha256').update(xgboostJsonText(model)).digest('hex').slice(0, 8);
    const meta: SlippageMeta = {
      model: 'slippage',
      format: 'xgboost-json',
      version: `slippage-${trainedAt.replace(/[-:]/g, '').slice(0, 15)}-${digest}`,
      trained_at: trainedAt,
      training_window: o.window ?? null,
      features: [...SLIPPAGE_FEATURE_NAMES],
      target: 'actual_slippage_bps',
      params: { ...params },
      metrics,
      feature_importance_gain: model.featureImportance('gain'),
    };
    return new SlippagePredictor(model, meta);
  }

  get version(): string {
    return this.meta.version;
  }

  /** Predicted actual_slippage_bps of one opportunity. */
  predictSlippageBps(features: SlippageFeatures): number {
    return this.model.predictRow(toFeatureVector(features));
  }

  /**
   * Loads a saved model: `path` is the model file or its directory. The metadata file beside it is read when
   * present (a bare XGBoost file, e.g. trained in Python, gets minimal metadata).
   */
  static load(path: string): SlippagePredictor {
    const file = existsSync(path) && statSync(path).isDirectory() ? join(path, MODEL_FILE) : path;
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (cause) {
      throw new InvalidInputError(`cannot read slippage model ${file}`, { cause });
    }
    const model = fromXgboostJson(doc);
    const metaFile = join(dirname(file), META_FILE);
    let meta: SlippageMeta;
    if (existsSync(metaFile)) {
      try {
        meta = JSON.parse(readFileSync(metaFile, 'utf8')) as SlippageMeta;
      } catch (cause) {
        throw new InvalidInputError(`cannot read slippage model metadata ${metaFile}`, { cause });
      }
      if (typeof meta.version !== 'string')
        throw new InvalidInputError(`slippage model metadata ${metaFile} has no version`);
    } else {
      meta = {
        model: 'slippage',
        format: 'xgboost-json',
        version: 'external',
        trained_at: '',
        training_window: null,
        features: [...(model.featureNames ?? [])],
        target: 'actual_slippage_bps',
        params: {},
        metrics: {
          samples: 0,
          train_rows: 0,
          validation_rows: 0,
          holdout_rows: 0,
          holdout_mae_bps: NaN,
          static_mae_bps: NaN,
          linear_mae_bps: NaN,
          rounds: model.trees.length,
        },
        feature_importance_gain: {},
      };
    }
    return new SlippagePredictor(model, meta);
  }

  /** Writes slippage_xgb.json and slippage_xgb.meta.json into dir; returns the model file's path. */
  save(dir: string): string {
    mkdirSync(dir, { recursive: true });
    const path = join(dir, MODEL_FILE);
    writeFileSync(path, xgboostJsonText(this.model));
    writeFileSync(join(dir, META_FILE), JSON.stringify(this.meta, null, 2) + '\n');
    return path;
  }
}
