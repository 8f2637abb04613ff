import { describe, expect, it } from 'vitest';
import { createRng } from '../core/random.ts';
import { RidgeRegressor } from './ridgeRegressor.ts';

describe('RidgeRegressor (linear baseline)', () => {
  it('recovers a known linear law with tiny regularisation', () => {
    const rng = createRng(4);
    const rows = 2000;
    const data = new Float32Array(rows * 3);
    const labels = new Float64Array(rows);
    for (let r = 0; r < rows; r++) {
      const a = rng.next() * 10,
        b = rng.normal(),
        c = rng.next();
      data.set([a, b, c], r * 3);
      labels[r] = 3 + 2 * a - 5 * b + 0 * c;
    }
    const model = new RidgeRegressor(1e-9).fit({ matrix: { data, rows, cols: 3 }, labels });
    expect(model.predictRow([1, 1, 0.5])).toBeCloseTo(3 + 2 - 5, 3);
    expect(model.predictRow([4, -2, 0.1])).toBeCloseTo(3 + 8 + 10, 3);
    expect(model.predictRow([4, NaN, 0.1])).toBeCloseTo(
      3 + 8 - 5 * (data.filter((_, i) => i % 3 === 1).reduce((s, v) => s + v, 0) / rows),
      2,
    );
  });
});
