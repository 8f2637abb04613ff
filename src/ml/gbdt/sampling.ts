/**
 * Seeded row and column sampling per tree (XGBoost's subsample and colsample_bytree; our own random stream, so
 * sampled models are reproducible here but not bit-equal to XGBoost's).
 */
import type { Rng } from '../../core/random.ts';

/** Writes the rows of this tree, ascending, into `rows`; returns how many. All rows when subsample is 1. */
export function sampleRows(rows: Int32Array, n: number, subsample: number, rng: Rng): number {
  let count = 0;
  if (subsample >= 1) {
    for (let i = 0; i < n; i++) rows[i] = i;
    return n;
  }
  for (let i = 0; i < n; i++) if (rng.next() < subsample) rows[count++] = i;
  if (count === 0) rows[count++] = rng.int(n);
  return count;
}

/** The features this tree may split on, ascending: max(1, round(colsample * n)) of them. */
export function sampleFeatures(n: number, colsample: number, rng: Rng): Int32Array {
  const all = Int32Array.from({ length: n }, (_, i) => i);
  if (colsample >= 1) return all;
  const k = Math.max(1, Math.round(colsample * n));
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = all[i];
    all[i] = all[j];
    all[j] = t;
  }
  return all.slice(0, k).sort();
}
