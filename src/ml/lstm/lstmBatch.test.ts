import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { LstmBatch } from './lstmBatch.ts';
import { initParams, type LstmShape } from './lstmShape.ts';
import { tsKernels } from './tsKernels.ts';
import { wasmKernels } from './wasmKernels.ts';

const shape: LstmShape = { inputSize: 3, hiddenSize: 8, layers: 2, outputSize: 2 };

function fill(net: LstmBatch, seed: number): void {
  const rng = createRng(seed);
  initParams(net.shape, seed, net.params);
  for (let i = 0; i < net.x.length; i++) net.x[i] = rng.normal();
  for (let i = 0; i < net.y.length; i++) net.y[i] = rng.normal();
}

describe('LstmBatch', () => {
  it('backward matches central differences on every parameter (float64, relative error < 1e-3)', () => {
    const net = new LstmBatch(tsKernels(64), shape, 3, 5);
    fill(net, 7);
    net.forward();
    net.backward();
    const analytic = Float64Array.from(net.grads);
    let worst = 0;
    const eps = 1e-6;
    for (let i = 0; i < net.params.length; i++) {
      const p = net.params[i]!;
      net.params[i] = p + eps;
      const up = net.forward();
      net.params[i] = p - eps;
      const down = net.forward();
      net.params[i] = p;
      const numeric = (up - down) / (2 * eps);
      const rel = Math.abs(numeric - analytic[i]!) / Math.max(1e-7, Math.abs(numeric) + Math.abs(analytic[i]!));
      worst = Math.max(worst, rel);
    }
    expect(net.params.length).toBe(4 * 8 * (3 + 8 + 1) + 4 * 8 * (8 + 8 + 1) + 8 * 2 + 2);
    expect(worst).toBeLessThan(1e-3);
  });

  it('the wasm SIMD build gives the float32 reference outputs and gradients', async () => {
    const big: LstmShape = { inputSize: 10, hiddenSize: 64, layers: 2, outputSize: 3 };
    const ref = new LstmBatch(tsKernels(32), big, 9, 7);
    const fast = new LstmBatch(await wasmKernels(), big, 9, 7);
    fill(ref, 11);
    fill(fast, 11);
    const lossRef = ref.forward();
    const lossFast = fast.forward();
    expect(Math.abs(lossFast - lossRef) / lossRef).toBeLessThan(1e-5);
    ref.backward();
    fast.backward();
    let scale = 0,
      diff = 0;
    for (let i = 0; i < ref.grads.length; i++) {
      scale = Math.max(scale, Math.abs(ref.grads[i]!));
      diff = Math.max(diff, Math.abs(ref.grads[i]! - fast.grads[i]!));
    }
    expect(scale).toBeGreaterThan(1e-3);
    expect(diff / scale).toBeLessThan(1e-4);
  });

  it('wasm GEMM equals the reference on shapes that hit every block path (4x8, 1x16, scalar edges)', async () => {
    const k = await wasmKernels();
    const ref = tsKernels(32);
    const cases = [
      [1, 256, 64],
      [3, 40, 17],
      [5, 24, 300],
      [7, 9, 5],
      [64, 256, 64],
      [2, 16, 3],
      [1, 10, 256],
    ] as const;
    const bufs = k.allocate(cases.flatMap(([m, n, kk]) => [m * kk, kk * n, m * n])) as Float32Array[];
    cases.forEach(([m, n, kk], ci) => {
      const [a, b, c] = bufs.slice(ci * 3, ci * 3 + 3) as [Float32Array, Float32Array, Float32Array];
      a.forEach((_, i) => (a[i] = Math.sin(i * 1.3)));
      b.forEach((_, i) => (b[i] = Math.cos(i * 0.7)));
      c.fill(0.5);
      const expected = Float32Array.from(c);
      k.gemm(a, b, c, m, n, kk, true);
      ref.gemm(a, b, expected, m, n, kk, true);
      let worst = 0;
      for (let i = 0; i < c.length; i++)
        worst = Math.max(worst, Math.abs(c[i]! - expected[i]!) / (1 + Math.abs(expected[i]!)));
      expect(worst, `gemm ${m}x${n}x${kk}`).toBeLessThan(2e-6);
      k.gemm(a, b, c, m, n, kk, false);
      ref.gemm(a, b, expected, m, n, kk, false);
      expect(Math.abs(c[c.length - 1]! - expected[c.length - 1]!)).toBeLessThan(1e-4);
    });
  });

  it('wasm tanh agrees with Math.tanh to 2e-7 over [-12, 12]', async () => {
    const k = await wasmKernels();
    const [src, dst] = k.allocate([4000, 4000]) as [Float32Array, Float32Array];
    for (let i = 0; i < 4000; i++) src[i] = -12 + (24 * i) / 3999;
    k.tanhArray(src, dst, 4000);
    let worst = 0;
    for (let i = 0; i < 4000; i++) worst = Math.max(worst, Math.abs(dst[i]! - Math.tanh(src[i]!)));
    expect(worst).toBeLessThan(2e-7);
  });
});
