/**
 * Histogram cut points per feature, made as XGBoost's `hist` method makes them: a weighted quantile sketch per
 * column, pruned to `maxBin * 8` entries, then to `maxBin + 1`, then every summary value but the first becomes a
 * cut, plus one cut above everything. A value's bin is the number of cuts at or below it (`x < cut[b]` for the
 * values of bin b), so a split at bin b is the float32 condition `x < cut[b]`.
 */
import { QuantileSketch } from './quantileSketch.ts';
import { WeightedSummary } from './weightedSummary.ts';
import type { DenseMatrix } from './denseMatrix.ts';

const f = Math.fround;
const EPS_F = Math.fround(1e-5);
const SKETCH_FACTOR = 8;

export interface HistogramCuts {
  /** Feature f's cuts are values[ptrs[f] .. ptrs[f + 1]). */
  readonly ptrs: Int32Array;
  readonly values: Float32Array;
  /** Below every value of the feature: the split condition when only missing values go left. */
  readonly minValues: Float32Array;
}

export interface HistogramCutsOptions {
  matrix: DenseMatrix;
  maxBin?: number;
}

function featureSummary(
  matrix: DenseMatrix,
  feature: number,
  maxBin: number,
): { summary: WeightedSummary; maxNumBins: number } {
  const { data, rows, cols } = matrix;
  let present = 0;
  for (let r = 0, i = feature; r < rows; r++, i += cols) if (data[i] === data[i]) present++;
  const nBins = Math.max(1, Math.min(maxBin, present));
  const sketch = new QuantileSketch(present, 1 / (nBins * SKETCH_FACTOR));
  sketch.pushStrided(data, feature, cols, rows);
  const intermediate = Math.min(present, maxBin * SKETCH_FACTOR);
  const reduced = new WeightedSummary(intermediate);
  if (present > 0) reduced.setPrune(sketch.summary(), intermediate);
  const maxNumBins = Math.min(intermediate, maxBin);
  const summary = new WeightedSummary(maxNumBins + 1);
  if (present > 0) summary.setPrune(reduced, maxNumBins + 1);
  return { summary, maxNumBins };
}

export function histogramCuts({ matrix, maxBin = 256 }: HistogramCutsOptions): HistogramCuts {
  const ptrs = new Int32Array(matrix.cols + 1);
  const values: number[] = [];
  const minValues = new Float32Array(matrix.cols);
  for (let fid = 0; fid < matrix.cols; fid++) {
    const { summary: a, maxNumBins } = featureSummary(matrix, fid, maxBin);
    if (a.size > 0) {
      const mval = a.value[0];
      minValues[fid] = f(f(mval - Math.abs(mval)) - EPS_F);
    } else {
      minValues[fid] = EPS_F;
    }
    const required = Math.min(a.size, maxNumBins);
    for (let i = 1; i < required; i++) {
      const cpt = a.value[i];
      if (i === 1 || cpt > values[values.length - 1]) values.push(cpt);
    }
    const top = a.size > 0 ? a.value[a.size - 1] : minValues[fid];
    values.push(f(top + f(Math.abs(top) + EPS_F)));
    ptrs[fid + 1] = values.length;
  }
  return { ptrs, values: Float32Array.from(values), minValues };
}

/** The bin of a float32 value of a feature: how many of its cuts are <= value, capped at the last bin. */
export function searchBin(cuts: HistogramCuts, feature: number, value: number): number {
  const begin = cuts.ptrs[feature];
  const end = cuts.ptrs[feature + 1];
  let lo = begin;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cuts.values[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return (lo === end ? lo - 1 : lo) - begin;
}

/** Number of bins of each feature. */
export function binCounts(cuts: HistogramCuts): Int32Array {
  const out = new Int32Array(cuts.ptrs.length - 1);
  for (let i = 0; i < out.length; i++) out[i] = cuts.ptrs[i + 1] - cuts.ptrs[i];
  return out;
}
