/**
 * The `arbml evaluate` summary from per-seed results (evaluateSeed.ts): per decider the mean and 95% t interval
 * over seeds of total profit, success, false positives, average per trade and pct_of_bound; ML (the full decider)
 * against the best baseline (the baseline with the highest mean total profit) as the paired per-seed profit ratio
 * with its interval; the seed's table like for like (means over seeds); pooled slippage error quantiles.
 */
import { meanCi95, quantile } from '../core/statistics.ts';
import { BASELINES, EVALUATED_DECIDERS, type SeedResult, type SeedTableRow } from './evaluateSeed.ts';

export interface Interval {
  mean: number;
  ci95: [number, number];
}

export interface MlVsBaseline {
  baseline: string;
  profit_ratio: Interval;
  /** Seeds with a ratio (the baseline's total > 0). */
  seeds: number;
}

export interface ScenarioSummary {
  seeds: number;
  deciders: Record<
    string,
    Record<'total_profit_eth' | 'success_rate' | 'false_positive_rate' | 'avg_profit_eth' | 'pct_of_bound', Interval>
  >;
  ml_vs_best_baseline: MlVsBaseline;
  seed_table: { heuristic: SeedTableRow; ml_filter: SeedTableRow };
  bound_respected: boolean;
  slippage: {
    p50: number;
    p90: number;
    p99: number;
    mae_bps: Record<'model' | 'zero' | 'static50' | 'ridge', number> | null;
  };
}

const r = (x: number): number => Number(x.toFixed(6));
const interval = (xs: number[]): Interval => {
  if (xs.length === 0) return { mean: 0, ci95: [0, 0] };
  const c = meanCi95(xs);
  return { mean: r(c.mean), ci95: [r(c.ci95[0]), r(c.ci95[1])] };
};
const avg = (xs: (number | null)[]): number | null => {
  const v = xs.filter((x): x is number => x !== null);
  return v.length ? r(v.reduce((s, x) => s + x, 0) / v.length) : null;
};

export function mlVsBestBaseline(seeds: readonly SeedResult[]): MlVsBaseline {
  const meanTotal = (n: string): number =>
    seeds.reduce((s, x) => s + x.deciders[n]!.total_profit_eth, 0) / Math.max(1, seeds.length);
  const baseline = [...BASELINES].sort((a, b) => meanTotal(b) - meanTotal(a))[0]!;
  const ratios = seeds
    .filter((s) => s.deciders[baseline]!.total_profit_eth > 0)
    .map((s) => s.deciders.ml!.total_profit_eth / s.deciders[baseline]!.total_profit_eth);
  return { baseline, profit_ratio: interval(ratios), seeds: ratios.length };
}

export function aggregateSeeds(seeds: readonly SeedResult[]): ScenarioSummary {
  const deciders: ScenarioSummary['deciders'] = {};
  for (const name of EVALUATED_DECIDERS) {
    const of = (
      k: 'total_profit_eth' | 'success_rate' | 'false_positive_rate' | 'avg_profit_eth' | 'pct_of_bound',
    ): Interval => interval(seeds.map((s) => s.deciders[name]![k]));
    deciders[name] = {
      total_profit_eth: of('total_profit_eth'),
      success_rate: of('success_rate'),
      false_positive_rate: of('false_positive_rate'),
      avg_profit_eth: of('avg_profit_eth'),
      pct_of_bound: of('pct_of_bound'),
    };
  }
  const table = (k: 'heuristic' | 'ml_filter'): SeedTableRow => ({
    slippage_error_bps: avg(seeds.map((s) => s.seed_table[k].slippage_error_bps)),
    success_rate: avg(seeds.map((s) => s.seed_table[k].success_rate)) ?? 0,
    avg_profit_eth: avg(seeds.map((s) => s.seed_table[k].avg_profit_eth)) ?? 0,
    false_positive_rate: avg(seeds.map((s) => s.seed_table[k].false_positive_rate)) ?? 0,
  });
  const errors = seeds.flatMap((s) => s.slippage.absErrors);
  const withMae = seeds.filter((s) => s.slippage.mae_bps !== null);
  const maeOf = (k: 'model' | 'zero' | 'static50' | 'ridge'): number =>
    avg(withMae.map((s) => s.slippage.mae_bps![k]))!;
  return {
    seeds: seeds.length,
    deciders,
    ml_vs_best_baseline: mlVsBestBaseline(seeds),
    seed_table: { heuristic: table('heuristic'), ml_filter: table('ml_filter') },
    bound_respected: seeds.every((s) => s.bound_respected),
    slippage: {
      p50: errors.length ? r(quantile(errors, 0.5)) : 0,
      p90: errors.length ? r(quantile(errors, 0.9)) : 0,
      p99: errors.length ? r(quantile(errors, 0.99)) : 0,
      mae_bps: withMae.length
        ? { model: maeOf('model'), zero: maeOf('zero'), static50: maeOf('static50'), ridge: maeOf('ridge') }
        : null,
    },
  };
}
