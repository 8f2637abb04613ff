/**
 * The best split of a node from its gradient histogram, enumerated as XGBoost's `hist` evaluator does: per
 * feature, left-to-right with missing values going right, then (only when the bins do not sum to the node, i.e.
 * values are missing) right-to-left with missing values going left. Gains are float64 sums rounded to float32 the
 * way XGBoost rounds them, and a later candidate wins only with a strictly larger gain, so ties resolve as there.
 */
import type { BinMatrix } from './binMatrix.ts';
import type { HistogramCuts } from './histogramCuts.ts';

const f = Math.fround;

export interface SplitRules {
  /** L2 regularisation, as float32. */
  lambda: number;
  minChildWeight: number;
}

export interface SplitCandidate {
  /** Loss reduction (float32). */
  gain: number;
  feature: number;
  /** Rows with bin <= this go left (-1: only missing values go left). */
  binThreshold: number;
  /** The float32 split condition `x < condition` goes left. */
  condition: number;
  defaultLeft: boolean;
  leftGrad: number;
  leftHess: number;
  rightGrad: number;
  rightHess: number;
}

/** XGBoost's CalcWeight: the optimal leaf weight, float32. */
export function leafWeight(grad: number, hess: number, rules: SplitRules): number {
  if (hess < rules.minChildWeight || hess <= 0) return 0;
  return f(-grad / (hess + rules.lambda));
}

/** XGBoost's CalcGainGivenWeight without constraints: G^2 / (H + lambda), float32. */
export function nodeGain(grad: number, hess: number, rules: SplitRules): number {
  if (hess <= 0) return 0;
  return f((grad * grad) / (hess + rules.lambda));
}

export interface BestSplitOptions {
  hist: Float64Array;
  bins: BinMatrix;
  cuts: HistogramCuts;
  grad: number;
  hess: number;
  features: Int32Array;
  rules: SplitRules;
}

export function bestSplit({ hist, bins, cuts, grad: G, hess: H, features, rules }: BestSplitOptions): SplitCandidate | null {
  const rootGain = nodeGain(G, H, rules);
  const lambda = rules.lambda;
  const mcw = rules.minChildWeight;
  let best: SplitCandidate | null = null;
  let bestGain = 0;
  for (let k = 0; k < features.length; k++) {
    const fid = features[k];
    const nb = bins.binCount[fid];
    const base = bins.offsets[fid] << 1;
    const cutBase = cuts.ptrs[fid];
    let lg = 0;
    let lh = 0;
    for (let b = 0; b < nb; b++) {
      lg += hist[base + 2 * b];
      lh += hist[base + 2 * b + 1];
      const rg = G - lg;
      const rh = H - lh;
      if (lh >= mcw && rh >= mcw) {
        const gl = lh <= 0 ? 0 : f((lg * lg) / (lh + lambda));
        const gr = rh <= 0 ? 0 : f((rg * rg) / (rh + lambda));
        const gain = f(f(gl + gr) - rootGain);
        if (gain > bestGain && gain !== Infinity) {
          bestGain = gain;
          best = { gain, feature: fid, binThreshold: b, condition: cuts.values[cutBase + b], defaultLeft: false, leftGrad: lg, leftHess: lh, rightGrad: rg, rightHess: rh };
        }
      }
    }
    if (lg === G && lh === H) continue;
    let ag = 0;
    let ah = 0;
    for (let b = nb - 1; b >= 0; b--) {
      ag += hist[base + 2 * b];
      ah += hist[base + 2 * b + 1];
      const og = G - ag;
      const oh = H - ah;
      if (ah >= mcw && oh >= mcw) {
        const gl = oh <= 0 ? 0 : f((og * og) / (oh + lambda));
        const gr = ah <= 0 ? 0 : f((ag * ag) / (ah + lambda));
        const gain = f(f(gl + gr) - rootGain);
        if (gain > bestGain && gain !== Infinity) {
          bestGain = gain;
          const condition = b === 0 ? cuts.minValues[fid] : cuts.values[cutBase + b - 1];
          best = { gain, feature: fid, binThreshold: b - 1, condition, defaultLeft: true, leftGrad: og, leftHess: oh, rightGrad: ag, rightHess: ah };
        }
      }
    }
  }
  return best;
}
