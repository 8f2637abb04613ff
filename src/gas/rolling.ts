/**
 * Causal rolling statistics over a series: the value at i uses elements max(0, i-w+1)..i only.
 */
export function rollingMean(x: Float64Array, w: number): Float64Array {
  const out = new Float64Array(x.length);
  let sum = 0;
  for (let i = 0; i < x.length; i++) {
    sum += x[i]!;
    if (i >= w) sum -= x[i - w]!;
    out[i] = sum / Math.min(w, i + 1);
  }
  return out;
}

function rollingExtreme(x: Float64Array, w: number, better: (a: number, b: number) => boolean): Float64Array {
  // Monotonic deque of indices: O(n) for any window.
  const out = new Float64Array(x.length);
  const dq = new Int32Array(x.length);
  let head = 0,
    tail = 0;
  for (let i = 0; i < x.length; i++) {
    while (tail > head && !better(x[dq[tail - 1]!]!, x[i]!)) tail--;
    dq[tail++] = i;
    if (dq[head]! <= i - w) head++;
    out[i] = x[dq[head]!]!;
  }
  return out;
}

export const rollingMin = (x: Float64Array, w: number): Float64Array => rollingExtreme(x, w, (a, b) => a < b);
export const rollingMax = (x: Float64Array, w: number): Float64Array => rollingExtreme(x, w, (a, b) => a > b);

/** Exponentially weighted mean, s_i = a*x_i + (1-a)*s_{i-1}, starting at x_0. */
export function ewma(x: Float64Array, a: number): Float64Array {
  const out = new Float64Array(x.length);
  let s = x[0] ?? 0;
  for (let i = 0; i < x.length; i++) {
    s = a * x[i]! + (1 - a) * s;
    out[i] = s;
  }
  return out;
}

/** x_i - x_{i-k} (x_i - x_0 for the first k elements). */
export function difference(x: Float64Array, k: number): Float64Array {
  return x.map((v, i) => v - x[Math.max(0, i - k)]!);
}
