/**
 * A seeded random holdout: a shuffled `fraction` of row indices (at least one) held out, the rest for training,
 * both ascending. Same seed and size, same split.
 */
import { rngFor } from '../core/random.ts';

export interface HoldoutSplitOptions {
  rows: number;
  fraction: number;
  seed: number;
}

export function holdoutSplit({ rows, fraction, seed }: HoldoutSplitOptions): {
  train: Uint32Array;
  holdout: Uint32Array;
} {
  const rng = rngFor(seed, 'slippage/holdout');
  const order = Uint32Array.from({ length: rows }, (_, i) => i);
  for (let i = rows - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = order[i];
    order[i] = order[j];
    order[j] = t;
  }
  const nHold = Math.min(rows - 1, Math.max(1, Math.round(rows * fraction)));
  return { holdout: order.slice(0, nHold).sort(), train: order.slice(nHold).sort() };
}
