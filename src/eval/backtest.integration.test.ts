/**
 * The walk-forward backtest on a small market-model path: the JSON contract's metrics for all four deciders, the
 * docs/metrics.md identities between them, the same result for the same seed, and retrain points on schedule.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createMarket } from '../market/market.ts';
import { backtest, modelsInForce, retrainPoints, type BacktestRun } from './backtest.ts';
import { DECIDER_NAMES } from './backtestResult.ts';

const DAY = 86_400_000;
const run = (): Promise<BacktestRun> =>
  backtest({
    market: () => createMarket({ seed: 4, days: 2 }),
    days: 2,
    seed: 4,
    trainDays: 1,
    retrainEveryDays: 0.5,
    rlEpisodes: 500,
    lstm: false,
  });

describe('backtest', () => {
  let a: BacktestRun, b: BacktestRun;
  beforeAll(async () => {
    a = await run();
    b = await run();
  }, 180_000);

  it('schedules retrains from the evaluation start and picks the latest model in force', () => {
    expect(retrainPoints(0, 3 * DAY, DAY)).toEqual([0, DAY, 2 * DAY]);
    const models = [{ atMs: 10 }, { atMs: 20 }];
    expect(modelsInForce(models, 5)).toBeNull();
    expect(modelsInForce(models, 10)).toBe(models[0]);
    expect(modelsInForce(models, 25)).toBe(models[1]);
    const start = a.result.evalStartMs;
    expect(a.models.map((m) => m.atMs)).toEqual([start, start + DAY / 2]);
  });

  it('reports every decider with the JSON contract fields and docs/metrics.md identities', () => {
    const d = a.result.deciders;
    expect(Object.keys(d).sort()).toEqual([...DECIDER_NAMES].sort());
    for (const name of DECIDER_NAMES) {
      const m = d[name];
      expect(Object.keys(m).sort()).toEqual([
        'avg_profit_eth',
        'executed',
        'false_positive_rate',
        'missed_profit_eth',
        'pct_of_oracle',
        'slippage_mae_bps',
        'success_rate',
        'total_profit_eth',
      ]);
      expect(m.executed).toBeGreaterThan(0);
      expect(m.success_rate + m.false_positive_rate).toBeCloseTo(1, 6);
      expect(m.avg_profit_eth).toBeCloseTo(m.total_profit_eth / m.executed, 6);
      expect(m.pct_of_oracle).toBeCloseTo(
        d.oracle.total_profit_eth > 0 ? m.total_profit_eth / d.oracle.total_profit_eth : 0,
        4,
      );
    }
    expect(d.oracle.success_rate).toBe(1);
    expect(d.oracle.total_profit_eth).toBeGreaterThan(0);
    expect(d.heuristic.executed).toBeGreaterThan(0);
    expect(d.ml.executed).toBeGreaterThan(0);
    // The heuristic assumes 50 bps; the models predict what they learnt.
    expect(d.heuristic.slippage_mae_bps!).toBeGreaterThan(d.ml.slippage_mae_bps!);
    // Rows are only those detected in the evaluated window.
    for (const rows of Object.values(a.rows))
      for (const r of rows) expect(r.timestamp.getTime()).toBeGreaterThanOrEqual(a.result.evalStartMs);
    expect(a.rows.heuristic.filter((r) => r.executed).length).toBe(d.heuristic.executed);
  });

  it('is reproducible: the same seed gives the same result', () => {
    expect({ ...b.result, seconds: 0 }).toEqual({ ...a.result, seconds: 0 });
  });

  it('feeds the report: cumulative profit ends at each decider total, ML slippage pairs, RL curves per retrain', () => {
    const s = a.result.series;
    for (const name of ['heuristic', 'ml_slippage', 'ml'] as const) {
      const c = s.cumulativeProfit[name];
      expect(c.profitEth.length).toBeGreaterThan(0);
      expect(c.profitEth[c.profitEth.length - 1]!).toBeCloseTo(a.result.deciders[name].total_profit_eth, 6);
    }
    expect(s.slippage.predicted.length).toBe(s.slippage.actual.length);
    expect(s.slippage.predicted.length).toBeGreaterThan(0);
    expect(s.rlCurves.length).toBe(2);
    expect(s.rlCurves[0]!.curve.length).toBe(5);
  });
});
