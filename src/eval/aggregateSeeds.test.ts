import { describe, expect, it } from 'vitest';
import { aggregateSeeds } from './aggregateSeeds.ts';
import { EVALUATED_DECIDERS, type SeedDeciderResult, type SeedResult } from './evaluateSeed.ts';
import { renderEvaluateReport, verdict } from './report/renderEvaluateReport.ts';

const d = (total: number): SeedDeciderResult => ({
  executed: 10,
  total_profit_eth: total,
  success_rate: 0.9,
  false_positive_rate: 0.1,
  avg_profit_eth: total / 10,
  slippage_mae_bps: 1,
  bound_eth: total * 2,
  pct_of_bound: 0.5,
});
const row = { slippage_error_bps: 2, success_rate: 0.9, avg_profit_eth: 0.05, false_positive_rate: 0.1 };

function seed(s: number, totals: Record<string, number>): SeedResult {
  return {
    seed: s,
    scenario: 'default',
    deciders: Object.fromEntries(EVALUATED_DECIDERS.map((n) => [n, d(totals[n] ?? 1)])),
    seed_table: { heuristic: row, ml_filter: { ...row, slippage_error_bps: null } },
    bound_respected: true,
    shadow_oracle_eth: 0,
    slippage: {
      n: 3,
      mae_bps: { model: 1, zero: 2, static50: 50, ridge: 3 },
      absErrors: [0, 1, 10],
      pairs: [
        [0, 0],
        [1, 2],
        [5, 4],
      ],
    },
    breakdown: [{ decider: 'ml', chain: 'polygon', size: '<10k', competitor: false, trades: 2, profit_eth: 0.5 }],
    seconds: 1,
    cpu_seconds: 1,
  };
}

describe('aggregateSeeds', () => {
  const seeds = [
    seed(1, { greedy: 4, heuristic: 2, ml: 6 }),
    seed(2, { greedy: 5, heuristic: 6, ml: 5 }),
    seed(3, { greedy: 6, heuristic: 1, ml: 9 }),
  ];
  const s = aggregateSeeds(seeds);

  it('picks the baseline with the best mean total and pairs ML with it seed by seed', () => {
    expect(s.ml_vs_best_baseline.baseline).toBe('greedy');
    const ratios = [6 / 4, 5 / 5, 9 / 6];
    const mean = ratios.reduce((a, b) => a + b) / 3;
    expect(s.ml_vs_best_baseline.profit_ratio.mean).toBeCloseTo(mean, 6);
    const sd = Math.sqrt(ratios.reduce((a, r) => a + (r - mean) ** 2, 0) / 2);
    expect(s.ml_vs_best_baseline.profit_ratio.ci95[0]).toBeCloseTo(mean - (4.303 * sd) / Math.sqrt(3), 5);
  });

  it('pools slippage errors and averages the seed table, skipping missing values', () => {
    expect(s.slippage.p50).toBe(1);
    expect(s.seed_table.ml_filter.slippage_error_bps).toBeNull();
    expect(s.seed_table.heuristic.slippage_error_bps).toBe(2);
    expect(s.deciders.ml!.total_profit_eth.mean).toBeCloseTo(20 / 3, 6);
  });

  it('the report says plainly where ML does not win', () => {
    expect(verdict({ mean: 1.3, ci95: [1.1, 1.5] })).toBe('ML wins');
    expect(verdict({ mean: 1.1, ci95: [0.9, 1.3] })).toMatch(/no clear winner/);
    expect(verdict({ mean: 0.8, ci95: [0.7, 0.9] })).toBe('ML loses');
    const html = renderEvaluateReport({ summary: s, scenarios: { default: s }, seeds, days: 2, seconds: 3 });
    expect(html).toContain('<table id="seed-table">');
    expect(html).toContain('<svg id="calibration"');
    expect(html).toContain('no clear winner');
  });
});
