import { describe, expect, it } from 'vitest';
import { autocorrelation, errorMetrics, logChanges, mae, mean, quantile, rmse, std } from './statistics.ts';

describe('statistics', () => {
  it('mean, population std and numpy-style quantiles', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(mean(xs)).toBe(4);
    expect(std(xs)).toBeCloseTo(Math.sqrt((9 + 4 + 1 + 0 + 36) / 5), 12);
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantile(xs, 0.25)).toBe(2);
    expect(quantile(xs, 0.9)).toBeCloseTo(4 + 0.6 * 6, 12);
    expect(quantile([5, 1], 1)).toBe(5);
  });

  it('autocorrelation of an alternating series is -1 at lag 1 (up to the end effect) and +1 at lag 2', () => {
    const xs = Array.from({ length: 1000 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    expect(autocorrelation(xs, 1)).toBeCloseTo(-0.999, 3);
    expect(autocorrelation(xs, 2)).toBeCloseTo(0.998, 3);
  });

  it('log changes', () => {
    expect(Array.from(logChanges([1, Math.E, 1]))).toEqual([1, -1]);
  });

  it('rejects empty series', () => {
    expect(() => mean([])).toThrow(/empty/);
    expect(() => quantile([], 0.5)).toThrow(/empty/);
  });

  it('error metrics take (actual, predicted): RMSE, MAE and R^2 of a known case', () => {
    const actual = [1, 2, 3, 4];
    const predicted = [1, 2, 3, 6];
    expect(rmse(actual, predicted)).toBe(1);
    expect(mae(actual, predicted)).toBe(0.5);
    expect(errorMetrics(actual, predicted)).toEqual({ rmse: 1, mae: 0.5, r2: 1 - 4 / 5, n: 4 });
    expect(() => rmse([1, 2], [1])).toThrow(/2 actual values but 1 predictions/);
  });
});

describe('meanCi95', () => {
  it('is the Student t interval of the mean', async () => {
    const { meanCi95 } = await import('./statistics.ts');
    const c = meanCi95([1, 2, 3, 4, 5]);
    // mean 3, sample std sqrt(2.5), t(4) = 2.776
    expect(c.mean).toBe(3);
    expect(c.ci95[0]).toBeCloseTo(3 - 2.776 * Math.sqrt(2.5 / 5), 9);
    expect(c.ci95[1]).toBeCloseTo(3 + 2.776 * Math.sqrt(2.5 / 5), 9);
    expect(meanCi95([2]).ci95).toEqual([2, 2]);
    expect(meanCi95(Array.from({ length: 200 }, (_, i) => i % 2)).ci95[1]).toBeCloseTo(
      0.5 + 1.96 * Math.sqrt((0.5 * 0.5 * 200) / 199 / 200),
      6,
    );
  });
});
