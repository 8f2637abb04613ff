/**
 * What a walk-forward backtest produces: the per-decider metrics of the JSON contract (docs/metrics.md definitions)
 * and the series the HTML report plots. Owned by src/eval/backtest; read by the report and the CLI.
 */

export const DECIDER_NAMES = ['heuristic', 'ml_slippage', 'ml', 'oracle'] as const;
export type BacktestDeciderName = (typeof DECIDER_NAMES)[number];

/** One decider's measurement over the evaluated part of the path (the JSON contract's `M`). */
export interface DeciderMetrics {
  executed: number;
  /** Mean |predicted (or assumed) - actual| slippage over executed trades with an actual slippage, bps; null if none. */
  slippage_mae_bps: number | null;
  success_rate: number;
  false_positive_rate: number;
  avg_profit_eth: number;
  total_profit_eth: number;
  missed_profit_eth: number;
  pct_of_oracle: number;
}

/** One retrain point: the models trained on data strictly before `atMs`. */
export interface RetrainPoint {
  atMs: number;
  /** Training window of the models, [startMs, endMs). */
  windowStartMs: number;
  windowEndMs: number;
  slippage: { samples: number; holdout_mae_bps: number | null };
  gas: { bins: number; holdout_mae_gwei: number | null; holdout_rmse_log?: number | null } | null;
  rl: { episodes: number; curve: [number, number][] };
}

export interface BacktestSeries {
  /** The full-ML decider's executed trades with an actual slippage: predicted and actual, bps. */
  slippage: { predicted: number[]; actual: number[] };
  /** RL learning curve of each retrain (average reward every 100 episodes, ETH). */
  rlCurves: { atMs: number; curve: [number, number][] }[];
  /** Gas forecast (horizon minutes ahead) against the value observed then, gwei, over the evaluated period. */
  gas: { horizonMin: number; timeMs: number[]; forecast: number[]; actual: number[]; mae_gwei: number | null } | null;
  /** Cumulative realised profit (ETH) per decider at each resolved executed trade, time-ordered. */
  cumulativeProfit: Record<BacktestDeciderName, { timeMs: number[]; profitEth: number[] }>;
}

export interface BacktestResult {
  days: number;
  seed: number;
  /** Evaluated period, [startMs, endMs). */
  evalStartMs: number;
  evalEndMs: number;
  trainDays: number;
  retrainEveryDays: number;
  /** `model` (calibrated market model) or `replay` (real files). */
  market: 'model' | 'replay';
  deciders: Record<BacktestDeciderName, DeciderMetrics>;
  retrains: RetrainPoint[];
  series: BacktestSeries;
  seconds: number;
}
