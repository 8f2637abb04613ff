/**
 * The next tick a V3 swap steps to, exactly as the core pool's TickBitmap.nextInitializedTickWithinOneWord finds
 * it, but from a sorted list of initialised ticks instead of a bitmap. The search never leaves the 256-tick-spacing
 * word of the current (compressed) tick: when no initialised tick lies in that word, it returns the word's edge as
 * an uninitialised tick. A swap therefore takes a step at each word edge, and those steps round like the real pool.
 */
import type { TickV3 } from './poolV3.ts';

export interface NextInitializedTickOptions {
  ticks: readonly TickV3[];
  tick: number;
  tickSpacing: number;
  /** true when the price moves down (zeroForOne): search at or below the current tick. */
  lte: boolean;
}

export interface NextTick {
  tickNext: number;
  initialized: boolean;
  /** Index into `ticks` when initialised, else -1. */
  listIndex: number;
}

/** First list index whose tick index is >= value (binary search). */
export function lowerBound(ticks: readonly TickV3[], value: number): number {
  let lo = 0;
  let hi = ticks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (ticks[mid].index < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function nextInitializedTick({ ticks, tick, tickSpacing, lte }: NextInitializedTickOptions): NextTick {
  // Round toward negative infinity, as the contract does for negative ticks.
  const compressed = Math.floor(tick / tickSpacing);
  if (lte) {
    const wordStart = compressed - (((compressed % 256) + 256) % 256);
    // Largest initialised tick <= compressed * tickSpacing.
    const i = lowerBound(ticks, compressed * tickSpacing + 1) - 1;
    if (i >= 0 && ticks[i].index >= wordStart * tickSpacing)
      return { tickNext: ticks[i].index, initialized: true, listIndex: i };
    return { tickNext: wordStart * tickSpacing, initialized: false, listIndex: -1 };
  }
  const start = compressed + 1;
  const wordEnd = start - (((start % 256) + 256) % 256) + 255;
  const i = lowerBound(ticks, start * tickSpacing);
  if (i < ticks.length && ticks[i].index <= wordEnd * tickSpacing)
    return { tickNext: ticks[i].index, initialized: true, listIndex: i };
  return { tickNext: wordEnd * tickSpacing, initialized: false, listIndex: -1 };
}
