import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import type { CexParams } from '../params.ts';
import { fitCex } from './fitCex.ts';
import { simulateCex } from './simulateCex.ts';

describe('fitCex', () => {
  it('recovers the volatility scale and jump rate of a simulated 60-day path', () => {
    const truth: CexParams = {
      sigma: 0.001,
      logVolStd: 0.35,
      logVolPersistence: 0.995,
      jumpProbability: 0.003,
      jumpStd: 0.008,
      startPrice: 2_000,
    };
    const path = simulateCex({ rng: rngFor(11, 'test/fit'), startMs: 0, minutes: 60 * 1440, params: truth });
    const fit = fitCex(path.minutePrices);
    expect(fit.startPrice).toBeCloseTo(2_000, 9);
    expect(fit.sigma / truth.sigma).toBeGreaterThan(0.85);
    expect(fit.sigma / truth.sigma).toBeLessThan(1.15);
    expect(fit.jumpProbability / truth.jumpProbability).toBeGreaterThan(0.6);
    expect(fit.jumpProbability / truth.jumpProbability).toBeLessThan(1.6);
    expect(fit.logVolStd).toBeGreaterThan(0.25);
    expect(fit.logVolStd).toBeLessThan(0.45);
    expect(fit.logVolPersistence).toBeGreaterThan(0.99);
  });

  it('rejects less than a day of minutes', () => {
    expect(() => fitCex(new Float64Array(100).fill(1))).toThrow(/one day/);
  });
});
