/**
 * Gradient boosting on quantile histograms (XGBoost's `hist` method, single thread): bins once, then per round
 * gradients, optional row/column sampling, one depth-wise tree, and the prediction cache updated from the leaves
 * the rows landed in. Early stopping watches validation RMSE and keeps the trees up to the best round.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { rngFor } from '../../core/random.ts';
import { binMatrix } from './binMatrix.ts';
import { checkedMatrix, type DenseMatrix } from './denseMatrix.ts';
import { GbdtModel } from './gbdtModel.ts';
import { gbdtParams, type GbdtParamsInput } from './gbdtParams.ts';
import { growTree } from './growTree.ts';
import { histogramCuts } from './histogramCuts.ts';
import { jsGrowthKernels, type GrowthKernels } from './growthKernels.ts';
import { wasmGrowthKernels } from './wasmGrowthKernels.ts';
import { computeGradients } from './objectives.ts';
import type { RegressionTree } from './regressionTree.ts';
import { rmse } from '../../core/statistics.ts';
import { sampleFeatures, sampleRows } from './sampling.ts';

const f = Math.fround;

export interface LabelledMatrix {
  matrix: DenseMatrix;
  labels: ArrayLike<number>;
}

export interface RoundReport {
  round: number;
  validationRmse?: number;
}

export interface TrainGbdtOptions extends LabelledMatrix {
  params?: GbdtParamsInput;
  validation?: LabelledMatrix;
  featureNames?: readonly string[];
  /** 'auto' (default): WebAssembly loops when available; 'js': the TypeScript loops (same trees). */
  kernels?: 'auto' | 'js';
  onRound?: (report: RoundReport) => void;
}

function float32Labels(labels: ArrayLike<number>, rows: number, what: string): Float32Array {
  if (labels.length !== rows) throw new InvalidInputError(`${what} has ${labels.length} labels for ${rows} rows`);
  const out = Float32Array.from(labels);
  const bad = out.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InvalidInputError(`${what} label at row ${bad} is not a finite number (${labels[bad]})`);
  return out;
}

export function trainGbdt(o: TrainGbdtOptions): GbdtModel {
  const p = gbdtParams(o.params);
  const matrix = checkedMatrix(o.matrix);
  if (matrix.rows < 1) throw new InvalidInputError('cannot train on an empty matrix');
  const labels = float32Labels(o.labels, matrix.rows, 'training set');
  const cuts = histogramCuts({ matrix, maxBin: p.maxBin });
  const bins = binMatrix({ matrix, cuts });
  const n = matrix.rows;
  const kernelOptions = { bins, unitHessian: p.objective === 'reg:squarederror', maxDepth: p.maxDepth };
  const kernels: GrowthKernels =
    (o.kernels !== 'js' ? wasmGrowthKernels(kernelOptions) : null) ?? jsGrowthKernels(kernelOptions);
  const { grad, hess, rows, predictions: preds } = kernels;
  preds.fill(p.baseScore);
  const rng = rngFor(p.seed, 'gbdt/sampling');
  const rules = { lambda: f(p.lambda), minChildWeight: f(p.minChildWeight) };
  const valid = o.validation
    ? {
        matrix: checkedMatrix(o.validation.matrix),
        labels: float32Labels(o.validation.labels, o.validation.matrix.rows, 'validation set'),
      }
    : undefined;
  if (valid && valid.matrix.cols !== matrix.cols)
    throw new InvalidInputError(`validation set has ${valid.matrix.cols} features, training set ${matrix.cols}`);
  const validPreds = valid ? new Float32Array(valid.matrix.rows).fill(p.baseScore) : undefined;
  const trees: RegressionTree[] = [];
  let best = { round: -1, score: Infinity };
  for (let round = 0; round < p.numRounds; round++) {
    if (p.objective === 'reg:squarederror') {
      kernels.squaredErrorGradients(labels);
      if (round === 0) hess.fill(1);
    } else {
      computeGradients({ objective: p.objective, huberSlope: p.huberSlope, predictions: preds, labels, grad, hess });
    }
    let rowCount = n;
    if (p.subsample < 1) rowCount = sampleRows(rows, n, p.subsample, rng);
    else kernels.identityRows(n);
    const features = sampleFeatures(matrix.cols, p.colsampleBytree, rng);
    const tree = growTree({
      bins,
      cuts,
      kernels,
      rowCount,
      features,
      rules,
      eta: f(p.eta),
      gamma: f(p.gamma),
      maxDepth: p.maxDepth,
    });
    if (rowCount < n) addToUnsampled(tree, matrix, rows, rowCount, preds);
    trees.push(tree);
    let validationRmse: number | undefined;
    if (valid && validPreds) {
      tree.addTo(valid.matrix.data, valid.matrix.cols, validPreds);
      validationRmse = rmse(valid.labels, validPreds);
      if (validationRmse < best.score) best = { round, score: validationRmse };
    }
    o.onRound?.({ round, validationRmse });
    if (p.earlyStoppingRounds !== undefined && valid && round - best.round >= p.earlyStoppingRounds) break;
  }
  const stopped = p.earlyStoppingRounds !== undefined && valid;
  return new GbdtModel({
    trees: stopped ? trees.slice(0, best.round + 1) : trees,
    baseScore: p.baseScore,
    objective: p.objective,
    huberSlope: p.huberSlope,
    numFeatures: matrix.cols,
    featureNames: o.featureNames,
    bestIteration: stopped ? best.round : undefined,
  });
}

/** Rows left out by subsampling still need this tree's output in their cached prediction. */
function addToUnsampled(
  tree: RegressionTree,
  matrix: DenseMatrix,
  rows: Int32Array,
  rowCount: number,
  preds: Float32Array,
): void {
  const inTree = new Uint8Array(matrix.rows);
  for (let i = 0; i < rowCount; i++) inTree[rows[i]] = 1;
  for (let r = 0; r < matrix.rows; r++) {
    if (!inTree[r]) preds[r] = f(preds[r] + tree.leafValueAt(matrix.data, r * matrix.cols));
  }
}
