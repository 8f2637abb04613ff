/**
 * Gradients and hessians of the regression objectives, computed in float32 as XGBoost computes them, so the
 * histograms (sums in float64 of float32 pairs) are the ones XGBoost builds.
 */
import type { GbdtObjective } from './gbdtParams.ts';

const f = Math.fround;

export interface GradientOptions {
  objective: GbdtObjective;
  huberSlope: number;
  predictions: Float32Array;
  labels: Float32Array;
  grad: Float64Array;
  hess: Float64Array;
}

export function computeGradients({ objective, huberSlope, predictions, labels, grad, hess }: GradientOptions): void {
  const n = labels.length;
  if (objective === 'reg:squarederror') {
    for (let i = 0; i < n; i++) grad[i] = f(predictions[i] - labels[i]);
    if (hess[0] !== 1 || hess[n - 1] !== 1) hess.fill(1);
    return;
  }
  const slope = f(huberSlope);
  const slope2 = f(slope * slope);
  for (let i = 0; i < n; i++) {
    const z = f(predictions[i] - labels[i]);
    const z2 = f(z * z);
    const scaleSqrt = f(Math.sqrt(f(1 + f(z2 / slope2))));
    grad[i] = f(z / scaleSqrt);
    hess[i] = f(slope2 / f(f(slope2 + z2) * scaleSqrt));
  }
}
