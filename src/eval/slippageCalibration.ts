/**
 * Calibration of slippage predictions: (predicted, realised) pairs sorted by prediction and cut into equal-count
 * bins; per bin the mean predicted and the mean realised slippage (bps). A calibrated model lies on the diagonal.
 */
export interface CalibrationBin {
  predicted: number;
  realised: number;
  n: number;
}

export function slippageCalibration(pairs: readonly (readonly [number, number])[], bins = 10): CalibrationBin[] {
  const sorted = [...pairs].sort((a, b) => a[0] - b[0]);
  const out: CalibrationBin[] = [];
  const k = Math.min(bins, sorted.length);
  for (let b = 0; b < k; b++) {
    const part = sorted.slice(Math.floor((b * sorted.length) / k), Math.floor(((b + 1) * sorted.length) / k));
    if (part.length === 0) continue;
    const m = (i: 0 | 1): number => Number((part.reduce((s, p) => s + p[i], 0) / part.length).toFixed(4));
    out.push({ predicted: m(0), realised: m(1), n: part.length });
  }
  return out;
}
