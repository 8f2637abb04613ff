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

export function bestSplit({
  hist,
  bins,
  cuts,
  grad: G,
  hess: H,
  features,
  rules,
}: BestSplitOptions): SplitCandidate | null {
  const rootGain = nodeGain(G, H, rules);
  const lambda = rules.lambda;
  const mcw = rules.minChildWeight;
  // The best so far, as scalars (no allocation in the scan).
  let bestGain = 0;
  let bestFeature = -1;
  let bestBin = 0;
  let bestLeft = false;
  let bestLg = 0;
  let bestLh = 0;
  let bestRg = 0;
  let bestRh = 0;
  for (let k = 0; k < features.length; k++) {
    const fid = features[k];
    const nb = bins.binCount[fid];
    const base = bins.offsets[fid] << 1;
    let lg = 0;
    let lh = 0;
    for (let b = 0; b < nb; b++) {
      lg += hist[base + 2 * b];
      lh += hist[base + 2 * b + 1];
      const rh = H - lh;
      if (lh >= mcw && rh >= mcw) {
        const rg = G - lg;
        const gl = lh <= 0 ? 0 : f((lg * lg) / (lh + lambda));
        const gr = rh <= 0 ? 0 : f((rg * rg) / (rh + lambda));
        const gain = f(f(gl + gr) - rootGain);
        if (gain > bestGain && gain !== Infinity) {
          bestGain = gain;
          bestFeature = fid;
          bestBin = b;
          bestLeft = false;
          bestLg = lg;
          bestLh = lh;
          bestRg = rg;
          bestRh = rh;
        }
      }
    }
    if (lg === G && lh === H) continue;
    let ag = 0;
    let ah = 0;
    for (let b = nb - 1; b >= 0; b--) {
      ag += hist[base + 2 * b];
      ah += hist[base + 2 * b + 1];
      const oh = H - ah;
      if (ah >= mcw && oh >= mcw) {
        const og = G - ag;
        const gl = oh <= 0 ? 0 : f((og * og) / (oh + lambda));
        const gr = ah <= 0 ? 0 : f((ag * ag) / (ah + lambda));
        const gain = f(f(gl + gr) - rootGain);
        if (gain > bestGain && gain !== Infinity) {
          bestGain = gain;
          bestFeature = fid;
          bestBin = b - 1;
          bestLeft = true;
          bestLg = og;
          bestLh = oh;
          bestRg = ag;
          bestRh = ah;
        }
      }
    }
  }
  if (bestFeature < 0) return null;
  // A default-left split at bin b sends bins < b left, so its threshold is b - 1 and its condition cut[b - 1].
  const condition = bestBin < 0 ? cuts.minValues[bestFeature] : cuts.values[cuts.ptrs[bestFeature] + bestBin];
  return {
    gain: bestGain,
    feature: bestFeature,
    binThreshold: bestBin,
    condition,
    defaultLeft: bestLeft,
    leftGrad: bestLg,
    leftHess: bestLh,
    rightGrad: bestRg,
    rightHess: bestRh,
  };
}
