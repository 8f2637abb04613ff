import { describe, expect, it } from 'vitest';
import { pathBound, type BoundRow } from './pathBound.ts';

const row = (id: string, executed: boolean, v: number): BoundRow =>
  executed
    ? { id, executed, profitEth: v, counterfactualProfitEth: null }
    : { id, executed, profitEth: 0, counterfactualProfitEth: v };

describe('pathBound', () => {
  const episodeOf = new Map([
    ['a1', 'A'],
    ['a2', 'A'],
    ['a3', 'A'],
    ['b1', 'B'],
    ['c1', 'C'],
  ]);

  it('per episode: the larger of the own positive trades summed and the best single outcome', () => {
    const rows = [
      row('a1', true, 0.3),
      row('a2', true, 0.2),
      row('a3', false, 0.4),
      row('b1', false, 0.7),
      row('c1', true, -0.1),
    ];
    const b = pathBound(rows, episodeOf);
    expect(b.episodes).toBe(3);
    expect(b.bound_eth).toBeCloseTo(0.5 + 0.7 + 0, 12);
    expect(b.total_eth).toBeCloseTo(0.4, 12);
  });

  it('is at least the total on random rows (the property the evaluation asserts on every seed)', () => {
    let s = 7;
    const rnd = (): number => (s = (s * 48271) % 2147483647) / 2147483647;
    for (let t = 0; t < 200; t++) {
      const rows = Array.from({ length: 30 }, (_, i) => row(`r${i}`, rnd() < 0.5, rnd() - 0.4));
      const ep = new Map(rows.map((r, i) => [r.id, `e${i % 7}`]));
      const b = pathBound(rows, ep);
      expect(b.total_eth).toBeLessThanOrEqual(b.bound_eth + 1e-12);
    }
  });
});
