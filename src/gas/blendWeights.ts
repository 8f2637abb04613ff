/**
 * Non-negative least-squares weights of a few forecasts (no intercept): every subset of components is solved by
 * ordinary least squares and the best subset whose weights are all non-negative wins. A component keeps a weight
 * only if it lowers the squared error of the others' combination on the data given (exact for k <= 4 components).
 */
import { leastSquares } from '../ml/linear/leastSquares.ts';

export function blendWeights(y: readonly number[], components: readonly (readonly number[])[]): number[] {
  const k = components.length;
  let best: { w: number[]; sse: number } = {
    w: new Array<number>(k).fill(0),
    sse: sse(y, components, new Array<number>(k).fill(0)),
  };
  for (let mask = 1; mask < 1 << k; mask++) {
    const idx = Array.from({ length: k }, (_, i) => i).filter((i) => mask & (1 << i));
    const sub = leastSquares(
      y,
      idx.map((i) => components[i]!),
    );
    if (!sub || sub.some((v) => v < 0)) continue;
    const w = new Array<number>(k).fill(0);
    idx.forEach((i, j) => (w[i] = sub[j]!));
    const e = sse(y, components, w);
    if (e < best.sse) best = { w, sse: e };
  }
  return best.w;
}

function sse(y: readonly number[], xs: readonly (readonly number[])[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    let p = 0;
    for (let j = 0; j < xs.length; j++) p += w[j]! * xs[j]![i]!;
    s += (y[i]! - p) ** 2;
  }
  return s;
}
