/**
 * The metadata written beside the slippage model (`slippage_xgb.meta.json`): what it is, when and on what it was
 * trained, and how it scored on its holdout.
 */
export interface TrainingWindow {
  /** ISO timestamps of the first and last training sample. */
  from: string;
  to: string;
}

export interface SlippageMetrics {
  samples: number;
  train_rows: number;
  validation_rows: number;
  holdout_rows: number;
  holdout_mae_bps: number;
  /** MAE of always assuming 50 bps. */
  static_mae_bps: number;
  /** MAE of the ridge baseline fitted on the same training rows. */
  linear_mae_bps: number;
  /** Trees kept (after early stopping). */
  rounds: number;
}

export interface SlippageMeta {
  model: 'slippage';
  format: 'xgboost-json';
  version: string;
  trained_at: string;
  training_window: TrainingWindow | null;
  features: string[];
  target: 'actual_slippage_bps';
  params: Record<string, unknown>;
  metrics: SlippageMetrics;
  feature_importance_gain: Record<string, number>;
}
