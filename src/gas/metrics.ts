/**
 * Forecast error metrics in gwei: RMSE, MAE and R² (1 - SSE/SST, SST around the mean of the actual values).
 */
export interface ErrorMetrics {
  rmse: number;
  mae: number;
  r2: number;
  n: number;
}

export function errorMetrics(actual: ArrayLike<number>, predicted: ArrayLike<number>): ErrorMetrics {
  const n = actual.length;
  let sse = 0, sae = 0, mean = 0;
  for (let i = 0; i < n; i++) mean += actual[i]! / n;
  let sst = 0;
  for (let i = 0; i < n; i++) {
    const e = actual[i]! - predicted[i]!;
    sse += e * e;
    sae += Math.abs(e);
    sst += (actual[i]! - mean) ** 2;
  }
  return { rmse: Math.sqrt(sse / n), mae: sae / n, r2: 1 - sse / sst, n };
}
