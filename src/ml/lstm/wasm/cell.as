// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): LSTM cell maths with WebAssembly SIMD.
// Gate layout per batch row: [i | f | g | o], each `hidden` floats (PyTorch order). hidden must be a multiple of 4.

@inline
function expv(x0: v128): v128 {
  const x = f32x4.max(f32x4.min(x0, f32x4.splat(88.3)), f32x4.splat(-87.3));
  const n = f32x4.nearest(f32x4.mul(x, f32x4.splat(1.44269504088896341)));
  let r = f32x4.sub(x, f32x4.mul(n, f32x4.splat(0.693359375)));
  r = f32x4.sub(r, f32x4.mul(n, f32x4.splat(-2.12194440e-4)));
  let p = f32x4.splat(1.9875691500e-4);
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.3981999507e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(8.3334519073e-3));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(4.1665795894e-2));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(1.6666665459e-1));
  p = f32x4.add(f32x4.mul(p, r), f32x4.splat(5.0000001201e-1));
  p = f32x4.add(f32x4.add(f32x4.mul(p, f32x4.mul(r, r)), r), f32x4.splat(1));
  const scale = i32x4.shl(i32x4.add(i32x4.trunc_sat_f32x4_s(n), i32x4.splat(127)), 23);
  return f32x4.mul(p, scale);
}

@inline
function sigmoidv(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.div(one, f32x4.add(one, expv(f32x4.neg(x))));
}

@inline
function tanhv(x: v128): v128 {
  const one = f32x4.splat(1);
  return f32x4.sub(one, f32x4.div(f32x4.splat(2), f32x4.add(one, expv(f32x4.add(x, x)))));
}

/** Element-wise tanh over n floats (n a multiple of 4); used by tests against Math.tanh. */
export function tanhArray(src: usize, dst: usize, n: i32): void {
  for (let i = 0; i < n; i += 4) v128.store(dst + (<usize>i << 2), tanhv(v128.load(src + (<usize>i << 2))));
}

/**
 * Forward step. gates [batch,4h] holds pre-activations and is overwritten with activations; writes c, tanh(c), h.
 */
export function cellForward(gates: usize, cPrev: usize, c: usize, tc: usize, h: usize, batch: i32, hidden: i32): void {
  const hb = <usize>hidden << 2;
  for (let b = 0; b < batch; b++) {
    const g = gates + <usize>b * 4 * hb;
    const row = <usize>b * hb;
    for (let j: usize = 0; j < hb; j += 16) {
      const iv = sigmoidv(v128.load(g + j));
      const fv = sigmoidv(v128.load(g + hb + j));
      const gv = tanhv(v128.load(g + 2 * hb + j));
      const ov = sigmoidv(v128.load(g + 3 * hb + j));
      v128.store(g + j, iv);
      v128.store(g + hb + j, fv);
      v128.store(g + 2 * hb + j, gv);
      v128.store(g + 3 * hb + j, ov);
      const cv = f32x4.add(f32x4.mul(fv, v128.load(cPrev + row + j)), f32x4.mul(iv, gv));
      const tv = tanhv(cv);
      v128.store(c + row + j, cv);
      v128.store(tc + row + j, tv);
      v128.store(h + row + j, f32x4.mul(ov, tv));
    }
  }
}

/**
 * Backward step. Reads activated gates, c(t-1), tanh(c(t)), dh (total gradient on h(t)) and dc (gradient on c(t)
 * from step t+1); writes dGates [batch,4h] (pre-activation gradients) and overwrites dc with the gradient on c(t-1).
 */
export function cellBackward(
  gates: usize, cPrev: usize, tc: usize, dh: usize, dc: usize, dGates: usize, batch: i32, hidden: i32,
): void {
  const hb = <usize>hidden << 2;
  const one = f32x4.splat(1);
  for (let b = 0; b < batch; b++) {
    const g = gates + <usize>b * 4 * hb;
    const dg = dGates + <usize>b * 4 * hb;
    const row = <usize>b * hb;
    for (let j: usize = 0; j < hb; j += 16) {
      const iv = v128.load(g + j);
      const fv = v128.load(g + hb + j);
      const gv = v128.load(g + 2 * hb + j);
      const ov = v128.load(g + 3 * hb + j);
      const tv = v128.load(tc + row + j);
      const dhv = v128.load(dh + row + j);
      const dcv = f32x4.add(v128.load(dc + row + j), f32x4.mul(f32x4.mul(dhv, ov), f32x4.sub(one, f32x4.mul(tv, tv))));
      const dov = f32x4.mul(f32x4.mul(dhv, tv), f32x4.mul(ov, f32x4.sub(one, ov)));
      const div = f32x4.mul(f32x4.mul(dcv, gv), f32x4.mul(iv, f32x4.sub(one, iv)));
      const dgv = f32x4.mul(f32x4.mul(dcv, iv), f32x4.sub(one, f32x4.mul(gv, gv)));
      const dfv = f32x4.mul(f32x4.mul(dcv, v128.load(cPrev + row + j)), f32x4.mul(fv, f32x4.sub(one, fv)));
      v128.store(dg + j, div);
      v128.store(dg + hb + j, dfv);
      v128.store(dg + 2 * hb + j, dgv);
      v128.store(dg + 3 * hb + j, dov);
      v128.store(dc + row + j, f32x4.mul(dcv, fv));
    }
  }
}

/** dst[r, :] = bias for every row; used to seed pre-activations before the GEMMs accumulate into them. */
export function fillRows(dst: usize, bias: usize, rows: i32, cols: i32): void {
  const bytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) memory.copy(dst + <usize>r * bytes, bias, bytes);
}

/** out[c] += sum over rows of m[r, c]; column sums for bias gradients. cols a multiple of 4. */
export function addColumnSums(m: usize, out: usize, rows: i32, cols: i32): void {
  const bytes = <usize>cols << 2;
  for (let r = 0; r < rows; r++) {
    const row = m + <usize>r * bytes;
    for (let j: usize = 0; j < bytes; j += 16) v128.store(out + j, f32x4.add(v128.load(out + j), v128.load(row + j)));
  }
}

export function heapBase(): usize {
  return __heap_base;
}
