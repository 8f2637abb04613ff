/**
 * Least-squares weights of two forecasts (no intercept) with both weights kept non-negative: a component whose
 * unconstrained weight would be negative is dropped and the other refitted alone.
 */
export function blendWeights(y: number[], ridge: number[], lstm: number[]): { ridge: number; lstm: number } {
  let srr = 0, sll = 0, srl = 0, sry = 0, sly = 0;
  for (let i = 0; i < y.length; i++) {
    srr += ridge[i]! * ridge[i]!;
    sll += lstm[i]! * lstm[i]!;
    srl += ridge[i]! * lstm[i]!;
    sry += ridge[i]! * y[i]!;
    sly += lstm[i]! * y[i]!;
  }
  const det = srr * sll - srl * srl;
  const a = (sry * sll - sly * srl) / det;
  const b = (sly * srr - sry * srl) / det;
  if (det > 0 && a >= 0 && b >= 0) return { ridge: a, lstm: b };
  const aOnly = srr > 0 ? Math.max(0, sry / srr) : 0;
  const bOnly = sll > 0 ? Math.max(0, sly / sll) : 0;
  const sseA = sse(y, ridge.map((x) => aOnly * x));
  const sseB = sse(y, lstm.map((x) => bOnly * x));
  return sseA <= sseB ? { ridge: aOnly, lstm: 0 } : { ridge: 0, lstm: bOnly };
}

function sse(y: number[], p: number[]): number {
  return y.reduce((a, v, i) => a + (v - p[i]!) ** 2, 0);
}

export function rmse(y: number[], p: number[]): number {
  return Math.sqrt(sse(y, p) / y.length);
}

/** Linear-interpolated quantile q of values. */
export function quantile(values: number[], q: number): number {
  const s = [...values].sort((a, b) => a - b);
  const pos = q * (s.length - 1);
  const lo = Math.floor(pos);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (pos - lo);
}
