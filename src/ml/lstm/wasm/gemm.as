// AssemblyScript (compiled by `npm run build:wasm`, not by tsc): single-precision GEMM with WebAssembly SIMD.
// C[m,n] (+)= A[m,k] * B[k,n]; all matrices row-major and contiguous; pointers are byte offsets in linear memory.
// A 4x8 register block (8 f32x4 accumulators) walks k; k is split into chunks so the B panel stays in cache.

const KC: i32 = 256;

@inline
function block4x8(a: usize, b: usize, c: usize, n: i32, k: i32, k0: i32, k1: i32, useC: bool): void {
  const rowA = <usize>k << 2;
  const rowB = <usize>n << 2;
  let c00 = f32x4.splat(0), c01 = f32x4.splat(0), c10 = f32x4.splat(0), c11 = f32x4.splat(0);
  let c20 = f32x4.splat(0), c21 = f32x4.splat(0), c30 = f32x4.splat(0), c31 = f32x4.splat(0);
  if (useC) {
    c00 = v128.load(c); c01 = v128.load(c, 16);
    c10 = v128.load(c + rowB); c11 = v128.load(c + rowB, 16);
    c20 = v128.load(c + 2 * rowB); c21 = v128.load(c + 2 * rowB, 16);
    c30 = v128.load(c + 3 * rowB); c31 = v128.load(c + 3 * rowB, 16);
  }
  let pa = a + (<usize>k0 << 2);
  let pb = b + <usize>k0 * rowB;
  for (let kk = k0; kk < k1; kk++) {
    const b0 = v128.load(pb);
    const b1 = v128.load(pb, 16);
    const a0 = v128.load32_splat(pa);
    const a1 = v128.load32_splat(pa + rowA);
    const a2 = v128.load32_splat(pa + 2 * rowA);
    const a3 = v128.load32_splat(pa + 3 * rowA);
    c00 = f32x4.add(c00, f32x4.mul(a0, b0)); c01 = f32x4.add(c01, f32x4.mul(a0, b1));
    c10 = f32x4.add(c10, f32x4.mul(a1, b0)); c11 = f32x4.add(c11, f32x4.mul(a1, b1));
    c20 = f32x4.add(c20, f32x4.mul(a2, b0)); c21 = f32x4.add(c21, f32x4.mul(a2, b1));
    c30 = f32x4.add(c30, f32x4.mul(a3, b0)); c31 = f32x4.add(c31, f32x4.mul(a3, b1));
    pa += 4;
    pb += rowB;
  }
  v128.store(c, c00); v128.store(c, c01, 16);
  v128.store(c + rowB, c10); v128.store(c + rowB, c11, 16);
  v128.store(c + 2 * rowB, c20); v128.store(c + 2 * rowB, c21, 16);
  v128.store(c + 3 * rowB, c30); v128.store(c + 3 * rowB, c31, 16);
}

/** One row of A against 16 columns of B: the GEMV path (batch-1 forecasts) and the rows left over by 4x8 blocks. */
@inline
function block1x16(a: usize, b: usize, c: usize, n: i32, k0: i32, k1: i32, useC: bool): void {
  const rowB = <usize>n << 2;
  let c0 = f32x4.splat(0), c1 = f32x4.splat(0), c2 = f32x4.splat(0), c3 = f32x4.splat(0);
  if (useC) {
    c0 = v128.load(c); c1 = v128.load(c, 16); c2 = v128.load(c, 32); c3 = v128.load(c, 48);
  }
  let pa = a + (<usize>k0 << 2);
  let pb = b + <usize>k0 * rowB;
  for (let kk = k0; kk < k1; kk++) {
    const av = v128.load32_splat(pa);
    c0 = f32x4.add(c0, f32x4.mul(av, v128.load(pb)));
    c1 = f32x4.add(c1, f32x4.mul(av, v128.load(pb, 16)));
    c2 = f32x4.add(c2, f32x4.mul(av, v128.load(pb, 32)));
    c3 = f32x4.add(c3, f32x4.mul(av, v128.load(pb, 48)));
    pa += 4;
    pb += rowB;
  }
  v128.store(c, c0); v128.store(c, c1, 16); v128.store(c, c2, 32); v128.store(c, c3, 48);
}

@inline
function scalarCell(a: usize, b: usize, c: usize, n: i32, k: i32, i: i32, j: i32, k0: i32, k1: i32, useC: bool): void {
  let s: f32 = useC ? load<f32>(c + ((<usize>i * n + j) << 2)) : 0;
  for (let kk = k0; kk < k1; kk++) {
    s += load<f32>(a + ((<usize>i * k + kk) << 2)) * load<f32>(b + ((<usize>kk * n + j) << 2));
  }
  store<f32>(c + ((<usize>i * n + j) << 2), s);
}

export function gemm(a: usize, b: usize, c: usize, m: i32, n: i32, k: i32, accumulate: i32): void {
  const m4 = m & ~3;
  const n8 = n & ~7;
  const n16 = n & ~15;
  if (k == 0 && !accumulate) {
    memory.fill(c, 0, (<usize>m * n) << 2);
    return;
  }
  for (let k0 = 0; k0 < k; k0 += KC) {
    const k1 = min(k, k0 + KC);
    const useC = accumulate != 0 || k0 > 0;
    for (let j = 0; j < n8; j += 8) {
      for (let i = 0; i < m4; i += 4) {
        block4x8(a + ((<usize>i * k) << 2), b + (<usize>j << 2), c + ((<usize>i * n + j) << 2), n, k, k0, k1, useC);
      }
    }
    for (let i = m4; i < m; i++) {
      for (let j = 0; j < n16; j += 16) {
        block1x16(a + ((<usize>i * k) << 2), b + (<usize>j << 2), c + ((<usize>i * n + j) << 2), n, k0, k1, useC);
      }
      for (let j = n16; j < n8; j++) scalarCell(a, b, c, n, k, i, j, k0, k1, useC);
    }
    for (let i = 0; i < m; i++) for (let j = n8; j < n; j++) scalarCell(a, b, c, n, k, i, j, k0, k1, useC);
  }
}

/** out[cols,rows] = in[rows,cols]^T. */
export function transpose(src: usize, dst: usize, rows: i32, cols: i32): void {
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      store<f32>(dst + ((<usize>c * rows + r) << 2), load<f32>(src + ((<usize>r * cols + c) << 2)));
    }
  }
}
