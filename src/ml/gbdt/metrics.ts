/** Regression errors (float64 sums), as XGBoost's eval metrics compute them. */
export function rmse(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) {
    const d = predictions[i] - labels[i];
    s += d * d;
  }
  return Math.sqrt(s / labels.length);
}

export function mae(predictions: ArrayLike<number>, labels: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < labels.length; i++) s += Math.abs(predictions[i] - labels[i]);
  return s / labels.length;
}
