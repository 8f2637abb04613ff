import { describe, expect, it } from 'vitest';
import { createRng, rngFor } from './random.ts';

describe('seeded random streams', () => {
  it('same seed gives the same sequence, bit for bit', () => {
    const a = createRng(42),
      b = createRng(42);
    const xs = Array.from({ length: 5 }, () => a.next());
    const ys = Array.from({ length: 5 }, () => b.next());
    expect(xs).toEqual(ys);
    expect(createRng(43).next()).not.toBe(xs[0]);
  });

  it('named streams are independent of each other', () => {
    expect(rngFor(1, 'market/gas').next()).not.toBe(rngFor(1, 'market/cex').next());
    expect(rngFor(1, 'market/gas').next()).toBe(rngFor(1, 'market/gas').next());
  });

  it('uniform values stay in [0,1) and normals have unit variance', () => {
    const r = createRng(7);
    let sum = 0,
      sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.03);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.05);
  });

  it('int(n) covers 0..n-1', () => {
    const r = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(r.int(4));
    expect([...seen].sort()).toEqual([0, 1, 2, 3]);
  });
});
