import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import {
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
} from './tickMath.ts';

describe('tickMath', () => {
  it('matches the published boundary values', () => {
    expect(getSqrtRatioAtTick(0)).toBe(1n << 96n);
    expect(getSqrtRatioAtTick(MIN_TICK)).toBe(MIN_SQRT_RATIO);
    expect(getSqrtRatioAtTick(MIN_TICK + 1)).toBe(4295343490n);
    expect(getSqrtRatioAtTick(MAX_TICK - 1)).toBe(1461373636630004318706518188784493106690254656249n);
    expect(getSqrtRatioAtTick(MAX_TICK)).toBe(MAX_SQRT_RATIO);
    expect(MAX_SQRT_RATIO).toBe(1461446703485210103287273052203988822378723970342n);
  });

  it('tracks sqrt(1.0001^tick) within float precision', () => {
    for (const tick of [-500000, -50000, -150, -1, 1, 150, 50000, 500000]) {
      const exact = Number(getSqrtRatioAtTick(tick)) / 2 ** 96;
      expect(exact / Math.sqrt(1.0001 ** tick)).toBeCloseTo(1, 10);
    }
  });

  it('getTickAtSqrtRatio inverts getSqrtRatioAtTick at the boundaries', () => {
    expect(getTickAtSqrtRatio(MIN_SQRT_RATIO)).toBe(MIN_TICK);
    expect(getTickAtSqrtRatio(4295343490n)).toBe(MIN_TICK + 1);
    expect(getTickAtSqrtRatio(1461373636630004318706518188784493106690254656249n)).toBe(MAX_TICK - 1);
    expect(getTickAtSqrtRatio(MAX_SQRT_RATIO - 1n)).toBe(MAX_TICK - 1);
    expect(() => getTickAtSqrtRatio(MIN_SQRT_RATIO - 1n)).toThrow(/R/);
    expect(() => getTickAtSqrtRatio(MAX_SQRT_RATIO)).toThrow(/R/);
    expect(() => getSqrtRatioAtTick(MAX_TICK + 1)).toThrow(/T/);
  });

  it('returns the greatest tick whose ratio is <= the price, for random ticks and prices', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i++) {
      const tick = MIN_TICK + rng.int(MAX_TICK - MIN_TICK);
      const ratio = getSqrtRatioAtTick(tick);
      const next = getSqrtRatioAtTick(tick + 1);
      expect(getTickAtSqrtRatio(ratio)).toBe(tick);
      expect(getTickAtSqrtRatio(next - 1n)).toBe(tick);
      const inside = ratio + ((next - ratio) * BigInt(rng.int(1000))) / 1000n;
      expect(getTickAtSqrtRatio(inside)).toBe(tick);
    }
  });
});
