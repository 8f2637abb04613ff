/**
 * The numeric kernels an LSTM needs, behind one interface so the same network code runs on plain TypeScript
 * (float64 for gradient checks, float32 as a reference) or on the WebAssembly SIMD build (float32, fast).
 * Every matrix is row-major and contiguous; callers pass subarray views.
 */
export type FloatArray = Float32Array | Float64Array;

export interface LstmKernels {
  readonly name: 'ts64' | 'ts32' | 'wasm';
  /** Allocates all buffers of one network at once (the wasm build grows its memory once, then hands out views). */
  allocate(sizes: readonly number[]): FloatArray[];
  /** C[m,n] = A[m,k] * B[k,n], or C += A*B when accumulate. */
  gemm(a: FloatArray, b: FloatArray, c: FloatArray, m: number, n: number, k: number, accumulate: boolean): void;
  /** dst[cols,rows] = src[rows,cols]^T. */
  transpose(src: FloatArray, dst: FloatArray, rows: number, cols: number): void;
  /** Activates gates [batch,4h] in place (i,f,g,o) and writes c, tanh(c) and h. */
  cellForward(
    gates: FloatArray,
    cPrev: FloatArray,
    c: FloatArray,
    tc: FloatArray,
    h: FloatArray,
    batch: number,
    hidden: number,
  ): void;
  /** Pre-activation gradients dGates from dh and dc; dc becomes the gradient on c(t-1). */
  cellBackward(
    gates: FloatArray,
    cPrev: FloatArray,
    tc: FloatArray,
    dh: FloatArray,
    dc: FloatArray,
    dGates: FloatArray,
    batch: number,
    hidden: number,
  ): void;
  /** Every row of dst[rows,cols] set to bias. */
  fillRows(dst: FloatArray, bias: FloatArray, rows: number, cols: number): void;
  /** out[c] += sum_r m[r,c]. */
  addColumnSums(m: FloatArray, out: FloatArray, rows: number, cols: number): void;
}
