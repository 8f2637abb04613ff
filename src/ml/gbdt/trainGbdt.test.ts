import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { mae } from '../../core/statistics.ts';
import { trainGbdt } from './trainGbdt.ts';
import { wasmKernelsAvailable } from './wasmGrowthKernels.ts';
import { toXgboostJson, xgboostJsonText } from './xgboostJson.ts';

const column = (values: number[]) => ({ data: Float32Array.from(values), rows: values.length, cols: 1 });

describe('trainGbdt', () => {
  it('finds the exact step of a step function and the exact leaf values', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => (v < 5 ? 1 : 3));
    const model = trainGbdt({ matrix: column(x), labels: y, params: { numRounds: 1, maxDepth: 1, eta: 1, lambda: 0 } });
    const tree = model.trees[0];
    expect(tree.numNodes).toBe(3);
    expect(tree.value[0]).toBe(5); // x < 5 goes left
    expect(Array.from(model.predict(column([4.99, 5, -1e9])))).toEqual([1, 3, 1]);
    expect(tree.lossChange[0]).toBe(10); // (G^2/H) left 1.25 + right 31.25 - root 22.5
    expect(tree.sumHessian[0]).toBe(10);
  });

  it('learns the default direction for missing values', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, NaN, NaN, NaN, NaN];
    const y = [1, 1, 1, 1, 1, 3, 3, 3, 3, 3, 1, 1, 1, 1];
    const model = trainGbdt({ matrix: column(x), labels: y, params: { numRounds: 1, maxDepth: 1, eta: 1, lambda: 0 } });
    expect(model.trees[0].defaultLeft[0]).toBe(1);
    expect(Array.from(model.predict(column([NaN, 7])))).toEqual([1, 3]);
    const right = trainGbdt({
      matrix: column(x),
      labels: y.map((v, i) => (i >= 10 ? 3 : v)),
      params: { numRounds: 1, maxDepth: 1, eta: 1, lambda: 0 },
    });
    expect(right.trees[0].defaultLeft[0]).toBe(0);
    expect(right.predictRow([NaN])).toBe(3);
  });

  it('gamma blocks splits whose gain is below it', () => {
    const x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const y = x.map((v) => (v < 5 ? 1 : 3));
    const model = trainGbdt({
      matrix: column(x),
      labels: y,
      params: { numRounds: 1, maxDepth: 3, eta: 1, lambda: 0, gamma: 10.5 },
    });
    expect(model.trees[0].numNodes).toBe(1);
    expect(model.predictRow([0])).toBe(2); // 0.5 + mean residual 1.5
  });

  const rng = createRng(11);
  const rows = 3000;
  const data = new Float32Array(rows * 3);
  const clean = new Float64Array(rows);
  const noisy = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const a = rng.next() * 4,
      b = rng.next(),
      c = rng.next();
    data.set([a, b, c], r * 3);
    clean[r] = Math.sin(a) * 10 + (b > 0.5 ? 5 : 0);
    noisy[r] = clean[r] + (r % 50 === 0 ? 400 : rng.normal() * 0.5);
  }
  const matrix = { data, rows, cols: 3 };

  it('pseudo-Huber resists outliers that pull squared error', () => {
    const params = { numRounds: 60, maxDepth: 4, eta: 0.3 };
    const sq = trainGbdt({ matrix, labels: noisy, params });
    const hub = trainGbdt({
      matrix,
      labels: noisy,
      params: { ...params, objective: 'reg:pseudohubererror', huberSlope: 5, numRounds: 100, baseScore: 5 },
    });
    const sqMae = mae(clean, sq.predict(matrix));
    const hubMae = mae(clean, hub.predict(matrix));
    expect(sqMae).toBeGreaterThan(5);
    expect(hubMae).toBeLessThan(0.5);
  });

  it('ranks the informative features by gain and never uses the noise feature much', () => {
    const model = trainGbdt({
      matrix,
      labels: clean,
      params: { numRounds: 20, maxDepth: 3 },
      featureNames: ['a', 'b', 'noise'],
    });
    const total = model.featureImportance('total_gain');
    expect(total.a).toBeGreaterThan(total.b);
    expect(total.noise ?? 0).toBeLessThan(total.b / 100);
  });

  it('stops early on a validation set and keeps the trees up to the best round', () => {
    const valid = { matrix, labels: noisy.map((v, i) => v + (i % 2 ? 30 : -30)) };
    const model = trainGbdt({
      matrix,
      labels: noisy,
      validation: valid,
      params: { numRounds: 300, maxDepth: 6, eta: 0.5, earlyStoppingRounds: 5 },
    });
    expect(model.bestIteration).toBeDefined();
    expect(model.trees.length).toBe(model.bestIteration! + 1);
    expect(model.trees.length).toBeLessThan(300);
  });

  it('samples rows and columns reproducibly from the seed', () => {
    const params = { numRounds: 5, maxDepth: 3, subsample: 0.7, colsampleBytree: 0.67 };
    const a = JSON.stringify(toXgboostJson(trainGbdt({ matrix, labels: clean, params: { ...params, seed: 1 } })));
    const b = JSON.stringify(toXgboostJson(trainGbdt({ matrix, labels: clean, params: { ...params, seed: 1 } })));
    const c = JSON.stringify(toXgboostJson(trainGbdt({ matrix, labels: clean, params: { ...params, seed: 2 } })));
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('grows the same trees with the WebAssembly and the TypeScript loops', () => {
    const labels = noisy.map((v, i) => (i % 9 === 0 ? v : v * 0.5));
    const withNaN = { ...matrix, data: data.map((v, i) => (i % 17 === 0 ? NaN : v)) };
    for (const objective of ['reg:squarederror', 'reg:pseudohubererror'] as const) {
      const params = { numRounds: 15, maxDepth: 6, objective, huberSlope: 3, subsample: 0.9 };
      const wasm = trainGbdt({ matrix: withNaN, labels, params });
      const js = trainGbdt({ matrix: withNaN, labels, params, kernels: 'js' });
      expect(xgboostJsonText(wasm)).toBe(xgboostJsonText(js));
    }
    if (process.env.ARBML_GBDT_KERNELS !== 'js') expect(wasmKernelsAvailable()).toBe(true);
  });

  it('rejects bad input with the field named', () => {
    expect(() => trainGbdt({ matrix, labels: clean.slice(1) })).toThrow(/2999 labels for 3000 rows/);
    expect(() => trainGbdt({ matrix: column([1, Infinity]), labels: [1, 2] })).toThrow(/row 1 column 0 is infinite/);
    expect(() => trainGbdt({ matrix: column([1, 2]), labels: [1, NaN] })).toThrow(/label at row 1/);
    expect(() => trainGbdt({ matrix, labels: clean, params: { eta: 0 } })).toThrow(/"eta"/);
  });
});
