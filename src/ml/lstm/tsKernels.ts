/**
 * Plain TypeScript LSTM kernels over Float64Array (gradient checks) or Float32Array (reference for the wasm build).
 */
import type { FloatArray, LstmKernels } from './kernels.ts';

const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

export function tsKernels(precision: 64 | 32): LstmKernels {
  const make = (n: number): FloatArray => (precision === 64 ? new Float64Array(n) : new Float32Array(n));
  return {
    name: precision === 64 ? 'ts64' : 'ts32',
    allocate: (sizes) => sizes.map(make),
    gemm(a, b, c, m, n, k, accumulate) {
      for (let i = 0; i < m; i++) {
        const ci = i * n;
        if (!accumulate) c.fill(0, ci, ci + n);
        for (let p = 0; p < k; p++) {
          const av = a[i * k + p]!;
          const bp = p * n;
          for (let j = 0; j < n; j++) c[ci + j]! += av * b[bp + j]!;
        }
      }
    },
    transpose(src, dst, rows, cols) {
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) dst[c * rows + r] = src[r * cols + c]!;
    },
    cellForward(gates, cPrev, c, tc, h, batch, hidden) {
      for (let b = 0; b < batch; b++) {
        const g = b * 4 * hidden;
        for (let j = 0; j < hidden; j++) {
          const i = sigmoid(gates[g + j]!);
          const f = sigmoid(gates[g + hidden + j]!);
          const gg = Math.tanh(gates[g + 2 * hidden + j]!);
          const o = sigmoid(gates[g + 3 * hidden + j]!);
          gates[g + j] = i;
          gates[g + hidden + j] = f;
          gates[g + 2 * hidden + j] = gg;
          gates[g + 3 * hidden + j] = o;
          const r = b * hidden + j;
          const cv = f * cPrev[r]! + i * gg;
          c[r] = cv;
          tc[r] = Math.tanh(cv);
          h[r] = o * tc[r]!;
        }
      }
    },
    cellBackward(gates, cPrev, tc, dh, dc, dGates, batch, hidden) {
      for (let b = 0; b < batch; b++) {
        const g = b * 4 * hidden;
        for (let j = 0; j < hidden; j++) {
          const r = b * hidden + j;
          const i = gates[g + j]!,
            f = gates[g + hidden + j]!,
            gg = gates[g + 2 * hidden + j]!;
          const o = gates[g + 3 * hidden + j]!,
            t = tc[r]!,
            d = dh[r]!;
          const dcv = dc[r]! + d * o * (1 - t * t);
          dGates[g + j] = dcv * gg * i * (1 - i);
          dGates[g + hidden + j] = dcv * cPrev[r]! * f * (1 - f);
          dGates[g + 2 * hidden + j] = dcv * i * (1 - gg * gg);
          dGates[g + 3 * hidden + j] = d * t * o * (1 - o);
          dc[r] = dcv * f;
        }
      }
    },
    fillRows(dst, bias, rows, cols) {
      for (let r = 0; r < rows; r++) dst.set(bias.subarray(0, cols), r * cols);
    },
    addColumnSums(m, out, rows, cols) {
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) out[c]! += m[r * cols + c]!;
    },
  };
}
