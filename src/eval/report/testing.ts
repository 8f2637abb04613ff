/**
 * A seeded BacktestResult for report tests: plausible metrics and series of the sizes a real run produces
 * (thousands of slippage pairs, curves per retrain, a gas series, cumulative profit per decider).
 */
import { createRng } from '../../core/random.ts';
import { DECIDER_NAMES, type BacktestResult, type DeciderMetrics } from '../backtestResult.ts';

const DAY = 86_400_000;

export function sampleBacktestResult(seed = 1, options: { empty?: boolean } = {}): BacktestResult {
  const rng = createRng(seed);
  const start = Date.UTC(2021, 11, 10);
  const metrics = (executed: number, success: number, avg: number, oracleTotal: number): DeciderMetrics => ({
    executed,
    slippage_mae_bps: Number((0.5 + rng.next()).toFixed(4)),
    success_rate: success,
    false_positive_rate: Number((1 - success).toFixed(6)),
    avg_profit_eth: avg,
    total_profit_eth: Number((avg * executed).toFixed(9)),
    missed_profit_eth: Number((10 * rng.next()).toFixed(9)),
    pct_of_oracle: Number(((avg * executed) / oracleTotal).toFixed(6)),
  });
  const oracleTotal = 100;
  const deciders = {
    heuristic: { ...metrics(749, 0.62, 0.0371, oracleTotal), slippage_mae_bps: 49.78 },
    ml_slippage: metrics(10_442, 0.88, 0.0051, oracleTotal),
    ml: metrics(24_526, 0.917, 0.0038, oracleTotal),
    oracle: {
      ...metrics(16_253, 1, 0.00615, oracleTotal),
      slippage_mae_bps: null,
      false_positive_rate: 0,
      missed_profit_eth: 0,
    },
  };
  const n = options.empty ? 0 : 2_000;
  const predicted = Array.from({ length: n }, () => Math.abs(3 * rng.normal()));
  const cumulative = (total: number) => {
    const timeMs = Array.from({ length: options.empty ? 0 : 500 }, (_, i) => start + i * ((16 * DAY) / 500));
    return { timeMs, profitEth: timeMs.map((_, i) => Number(((total * (i + 1)) / timeMs.length).toFixed(9))) };
  };
  const gasTimes = Array.from({ length: options.empty ? 0 : 16 * 288 }, (_, i) => start + i * 300_000);
  const actual = gasTimes.map((_, i) => 80 + 30 * Math.sin(i / 50) + 5 * rng.normal());
  return {
    days: 30,
    seed,
    evalStartMs: start,
    evalEndMs: start + 16 * DAY,
    trainDays: 14,
    retrainEveryDays: 7,
    market: 'model',
    deciders,
    retrains: [0, 7, 14].map((d) => ({
      atMs: start + d * DAY,
      windowStartMs: start - 14 * DAY,
      windowEndMs: start + d * DAY,
      slippage: { samples: 40_000 + d * 3_000, holdout_mae_bps: 0.7 },
      gas: { bins: 4032 + d * 288, holdout_mae_gwei: null },
      rl: { episodes: 15_000 + d * 1_000, curve: [] },
    })),
    series: {
      slippage: { predicted, actual: predicted.map((p) => Math.max(0, p + rng.normal())) },
      rlCurves: options.empty
        ? []
        : [0, 7, 14].map((d) => ({
            atMs: start + d * DAY,
            curve: Array.from(
              { length: 100 },
              (_, i) => [(i + 1) * 100, 0.001 * (1 - Math.exp(-i / 20)) + 0.0002 * rng.normal()] as [number, number],
            ),
          })),
      gas: options.empty
        ? null
        : { horizonMin: 5, timeMs: gasTimes, actual, forecast: actual.map((a) => a + 3 * rng.normal()), mae_gwei: 2.4 },
      cumulativeProfit: Object.fromEntries(
        DECIDER_NAMES.map((k) => [k, cumulative(deciders[k].total_profit_eth)]),
      ) as BacktestResult['series']['cumulativeProfit'],
    },
    seconds: 191.4,
  };
}
