/**
 * Non-negative least-squares weights of a few forecasts (no intercept): every subset of components is solved by
 * ordinary least squares and the best subset whose weights are all non-negative wins. A component keeps a weight
 * only if it lowers the squared error of the others' combination on the data given (exact for k <= 4 components).
 */
export function blendWeights(y: readonly number[], components: readonly (readonly number[])[]): number[] {
  const k = components.length;
  let best: { w: number[]; sse: number } = { w: new Array<number>(k).fill(0), sse: sse(y, components, new Array<number>(k).fill(0)) };
  for (let mask = 1; mask < 1 << k; mask++) {
    const idx = Array.from({ length: k }, (_, i) => i).filter((i) => mask & (1 << i));
    const sub = solve(y, idx.map((i) => components[i]!));
    if (!sub || sub.some((v) => v < 0)) continue;
    const w = new Array<number>(k).fill(0);
    idx.forEach((i, j) => (w[i] = sub[j]!));
    const e = sse(y, components, w);
    if (e < best.sse) best = { w, sse: e };
  }
  return best.w;
}

/** OLS without intercept via the normal equations (Gaussian elimination with partial pivoting). */
function solve(y: readonly number[], xs: readonly (readonly number[])[]): number[] | null {
  const m = xs.length;
  const a = Array.from({ length: m }, (_, p) => [
    ...Array.from({ length: m }, (_, q) => dot(xs[p]!, xs[q]!)),
    dot(xs[p]!, y),
  ]);
  for (let c = 0; c < m; c++) {
    let piv = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[piv]![c]!)) piv = r;
    if (Math.abs(a[piv]![c]!) < 1e-12) return null;
    [a[c], a[piv]] = [a[piv]!, a[c]!];
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let q = c; q <= m; q++) a[r]![q]! -= f * a[c]![q]!;
    }
  }
  return a.map((row, i) => row[m]! / row[i]!);
}

const dot = (a: readonly number[], b: readonly number[]): number => a.reduce((s, v, i) => s + v * b[i]!, 0);

function sse(y: readonly number[], xs: readonly (readonly number[])[], w: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < y.length; i++) {
    let p = 0;
    for (let j = 0; j < xs.length; j++) p += w[j]! * xs[j]![i]!;
    s += (y[i]! - p) ** 2;
  }
  return s;
}

export function rmse(y: readonly number[], p: readonly number[]): number {
  return Math.sqrt(y.reduce((a, v, i) => a + (v - p[i]!) ** 2, 0) / y.length);
}

/** Linear-interpolated quantile q of values. */
export function quantile(values: readonly number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
