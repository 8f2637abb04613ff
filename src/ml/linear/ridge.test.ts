import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { fitRidge, predictRidge } from './ridge.ts';

describe('fitRidge', () => {
  it('recovers known coefficients of a noiseless linear model with tiny lambda', () => {
    const rng = createRng(1);
    const n = 200,
      cols = 3;
    const x = new Float64Array(n * cols).map(() => rng.normal() * 3 + 1);
    const y = Array.from({ length: n }, (_, i) => 2 + 0.5 * x[i * 3]! - 1.5 * x[i * 3 + 1]! + 0.25 * x[i * 3 + 2]!);
    const rows = Array.from({ length: n }, (_, i) => i);
    const m = fitRidge({ x, cols, rows, y, lambda: 1e-9 });
    for (const i of [0, 17, 199]) expect(predictRidge(m, x, cols, i)).toBeCloseTo(y[i]!, 8);
    expect(m.coef[0]! / m.scale[0]!).toBeCloseTo(0.5, 8);
    expect(m.coef[1]! / m.scale[1]!).toBeCloseTo(-1.5, 8);
  });

  it('shrinks coefficients towards zero as lambda grows', () => {
    const rng = createRng(2);
    const n = 50;
    const x = new Float64Array(n).map(() => rng.normal());
    const y = Array.from(x, (v) => 3 * v + 0.1 * rng.normal());
    const rows = Array.from({ length: n }, (_, i) => i);
    const small = fitRidge({ x, cols: 1, rows, y, lambda: 0.01 });
    const big = fitRidge({ x, cols: 1, rows, y, lambda: 50 });
    // closed form in standardised units: coef = sum(z*y) / (n + lambda)
    expect(big.coef[0]! / small.coef[0]!).toBeCloseTo((n + 0.01) / (n + 50), 6);
  });
});

describe('fitRidge with missing values', () => {
  it('imputes a NaN with the training mean: the fit equals the one on the mean-filled matrix', () => {
    const x = [1, 10, 2, NaN, 3, 30, 4, 40, 5, 20];
    const filled = [1, 10, 2, 25, 3, 30, 4, 40, 5, 20];
    const y = [3, 5, 9, 12, 11];
    const withNaN = fitRidge({ x, cols: 2, y, lambda: 0.5 });
    const onFilled = fitRidge({ x: filled, cols: 2, y, lambda: 0.5 });
    expect(withNaN.mean).toEqual([3, 25]);
    expect(predictRidge(withNaN, [2, NaN], 2)).toBeCloseTo(predictRidge(withNaN, [2, 25], 2), 12);
    expect(withNaN.intercept).toBe(onFilled.intercept);
    expect(() => fitRidge({ x: [1, 2], cols: 2, y: [1], lambda: 1 })).toThrow(/at least 2 rows/);
  });
});
