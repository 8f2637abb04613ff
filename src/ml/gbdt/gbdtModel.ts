/**
 * A trained boosted forest: trees, base score and objective, with fast prediction and gain importance. Plain
 * data only (never code), so it saves to and loads from XGBoost's JSON model format.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { DenseMatrix } from './denseMatrix.ts';
import { ForestPredictor } from './forestPredictor.ts';
import type { GbdtObjective } from './gbdtParams.ts';
import type { RegressionTree } from './regressionTree.ts';

export interface GbdtModelFields {
  trees: readonly RegressionTree[];
  baseScore: number;
  objective: GbdtObjective;
  huberSlope: number;
  numFeatures: number;
  featureNames?: readonly string[];
  /** Round with the best validation score when early stopping was used (the trees are cut after it). */
  bestIteration?: number;
}

export type ImportanceType = 'gain' | 'total_gain' | 'weight';

export class GbdtModel implements GbdtModelFields {
  readonly trees: readonly RegressionTree[];
  readonly baseScore: number;
  readonly objective: GbdtObjective;
  readonly huberSlope: number;
  readonly numFeatures: number;
  readonly featureNames?: readonly string[];
  readonly bestIteration?: number;
  private predictor: ForestPredictor | null = null;

  constructor(fields: GbdtModelFields) {
    if (!Number.isInteger(fields.numFeatures) || fields.numFeatures < 1) {
      throw new InvalidInputError(`model must have at least one feature, got ${fields.numFeatures}`);
    }
    if (fields.featureNames && fields.featureNames.length !== fields.numFeatures) {
      throw new InvalidInputError(
        `model has ${fields.featureNames.length} feature names for ${fields.numFeatures} features`,
      );
    }
    if (!Number.isFinite(fields.baseScore)) throw new InvalidInputError('model base score is not a finite number');
    this.trees = Object.freeze([...fields.trees]);
    this.baseScore = Math.fround(fields.baseScore);
    this.objective = fields.objective;
    this.huberSlope = fields.huberSlope;
    this.numFeatures = fields.numFeatures;
    this.featureNames = fields.featureNames ? Object.freeze([...fields.featureNames]) : undefined;
    this.bestIteration = fields.bestIteration;
  }

  private get fast(): ForestPredictor {
    this.predictor ??= new ForestPredictor(this.trees, this.baseScore, this.numFeatures);
    return this.predictor;
  }

  /** Predictions for every row (float32, as XGBoost's). */
  predict(matrix: DenseMatrix): Float32Array {
    if (matrix.cols !== this.numFeatures) {
      throw new InvalidInputError(`matrix has ${matrix.cols} features, the model was trained on ${this.numFeatures}`);
    }
    return this.fast.predict(matrix);
  }

  /** One row; the allocation-free fast path for live decisions. */
  predictRow(row: ArrayLike<number>): number {
    if (row.length !== this.numFeatures) {
      throw new InvalidInputError(`row has ${row.length} features, the model was trained on ${this.numFeatures}`);
    }
    return this.fast.predictRow(row);
  }

  /** Feature importance as XGBoost's get_score: mean gain per split, total gain, or split count. */
  featureImportance(type: ImportanceType = 'gain'): Record<string, number> {
    const total = new Float64Array(this.numFeatures);
    const count = new Float64Array(this.numFeatures);
    for (const tree of this.trees) {
      for (let n = 0; n < tree.numNodes; n++) {
        if (tree.isLeaf(n)) continue;
        total[tree.feature[n]] += tree.lossChange[n];
        count[tree.feature[n]] += 1;
      }
    }
    const out: Record<string, number> = {};
    for (let i = 0; i < this.numFeatures; i++) {
      if (count[i] === 0) continue;
      const name = this.featureNames?.[i] ?? `f${i}`;
      out[name] = type === 'weight' ? count[i] : type === 'total_gain' ? total[i] : total[i] / count[i];
    }
    return out;
  }
}
