import { describe, expect, it } from 'vitest';
import { blendWeights } from './blendWeights.ts';

describe('blendWeights', () => {
  it('recovers exact non-negative weights', () => {
    const a = [1, 2, 3, 4, 5],
      b = [2, -1, 0, 3, 1],
      c = [0, 1, 1, 0, 2];
    const y = a.map((v, i) => 0.6 * v + 0.3 * b[i]! + 0.1 * c[i]!);
    const w = blendWeights(y, [a, b, c]);
    expect(w[0]).toBeCloseTo(0.6, 10);
    expect(w[1]).toBeCloseTo(0.3, 10);
    expect(w[2]).toBeCloseTo(0.1, 10);
  });

  it('drops a component whose least-squares weight would be negative', () => {
    const a = [1, 2, 3, 4],
      b = [1, 2, 3, 5];
    const y = a.map((v, i) => 2 * v - 0.5 * b[i]!);
    const w = blendWeights(y, [a, b]);
    expect(w[1]).toBe(0);
    // a alone: w = sum(a*y)/sum(a*a)
    const ay = a.reduce((s, v, i) => s + v * y[i]!, 0),
      aa = a.reduce((s, v) => s + v * v, 0);
    expect(w[0]).toBeCloseTo(ay / aa, 12);
  });
});
