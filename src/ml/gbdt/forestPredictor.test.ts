import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { GbdtModel } from './gbdtModel.ts';
import { RegressionTree } from './regressionTree.ts';
import { trainGbdt } from './trainGbdt.ts';

const f = Math.fround;

/** Reference: walk every tree node by node, float32 sums in tree order. */
function reference(model: GbdtModel, row: Float32Array): number {
  let s = f(model.baseScore);
  for (const t of model.trees) s = f(s + t.predictRow(row));
  return s;
}

describe('ForestPredictor (8-row branch-free walk)', () => {
  const rng = createRng(21);
  const rows = 1203; // not a multiple of 8: the remainder path runs too
  const data = new Float32Array(rows * 4);
  const y = new Float64Array(rows);
  for (let r = 0; r < rows; r++) {
    const v = [rng.next(), rng.next() * 10, rng.next() < 0.2 ? NaN : rng.next(), rng.int(3)];
    data.set(v, r * 4);
    y[r] = v[0] * 3 + Math.log1p(v[1]) + (Number.isNaN(v[2]) ? 2 : v[2]) + v[3];
  }
  const matrix = { data, rows, cols: 4 };
  const model = trainGbdt({ matrix, labels: y, params: { numRounds: 30, maxDepth: 5 } });

  it('matches the node-by-node walk bit for bit, with and without missing values', () => {
    const fast = model.predict(matrix);
    for (let r = 0; r < rows; r++) expect(fast[r]).toBe(reference(model, data.subarray(r * 4, r * 4 + 4)));
    const dense = { data: data.map((v) => (Number.isNaN(v) ? 0.5 : v)), rows, cols: 4 };
    const fastDense = model.predict(dense);
    for (let r = 0; r < rows; r += 7)
      expect(fastDense[r]).toBe(reference(model, dense.data.subarray(r * 4, r * 4 + 4)));
  });

  it('predicts one row the same way, rounding number inputs to float32', () => {
    for (let r = 0; r < 50; r++) {
      const row = Array.from(data.subarray(r * 4, r * 4 + 4));
      expect(model.predictRow(row)).toBe(reference(model, Float32Array.from(row)));
    }
    expect(() => model.predictRow([1, 2])).toThrow(/2 features/);
  });

  it('falls back to a pointer walk for trees deeper than the perfect layout', () => {
    const n = 29; // a chain of 14 splits: depth 14
    const left = new Int32Array(n).fill(-1),
      right = new Int32Array(n).fill(-1),
      parent = new Int32Array(n);
    const value = new Float32Array(n);
    for (let i = 0; i < 14; i++) {
      const node = 2 * i;
      left[node] = node + 1;
      right[node] = node + 2;
      parent[node + 1] = node;
      parent[node + 2] = node;
      value[node] = i;
      value[node + 1] = i * 10;
    }
    value[28] = 999;
    const z = () => new Float32Array(n);
    const tree = new RegressionTree(
      {
        left,
        right,
        parent,
        feature: new Int32Array(n),
        value,
        defaultLeft: new Uint8Array(n),
        baseWeight: z(),
        sumHessian: z(),
        lossChange: z(),
      },
      1,
    );
    expect(tree.depth).toBe(14);
    const deep = new GbdtModel({
      trees: [tree],
      baseScore: 0,
      objective: 'reg:squarederror',
      huberSlope: 1,
      numFeatures: 1,
    });
    expect(Array.from(deep.predict({ data: Float32Array.from([-1, 0.5, 3.5, 100]), rows: 4, cols: 1 }))).toEqual([
      0, 10, 40, 999,
    ]);
  });

  it('rejects a malformed tree instead of looping', () => {
    const one = (v: number[]) => Int32Array.from(v);
    const z = () => new Float32Array(3);
    const fields = {
      left: one([1, 0, -1]),
      right: one([2, -1, -1]),
      parent: one([0, 0, 0]),
      feature: one([0, 0, 0]),
      value: z(),
      defaultLeft: new Uint8Array(3),
      baseWeight: z(),
      sumHessian: z(),
      lossChange: z(),
    };
    expect(() => new RegressionTree(fields, 1)).toThrow(/repeated|one child/);
    expect(() => new RegressionTree({ ...fields, left: one([1, -1, -1]), feature: one([5, 0, 0]) }, 1)).toThrow(
      /feature 5/,
    );
  });
});
