/**
 * Stable, branch-free partition of a node's rows by a split: each row is written to both the left cursor and a
 * scratch buffer, and only the matching cursor advances, so there is no data-dependent branch to mispredict.
 * Left rows stay in place (in order), right rows are copied after them (in order), as XGBoost's partitioner
 * keeps them, so child histograms sum rows in the same order.
 */
import type { BinArray } from './binMatrix.ts';

export interface PartitionOptions {
  /** The split feature's column of bins. */
  column: BinArray;
  rows: Int32Array;
  scratch: Int32Array;
  begin: number;
  end: number;
  /** 1 where a bin (index) goes left; the feature's missing code included. */
  goesLeft: Uint8Array;
}

/** Returns the end of the left part (= start of the right part). */
export function partitionRows({ column, rows, scratch, begin, end, goesLeft }: PartitionOptions): number {
  let l = begin;
  let k = 0;
  for (let i = begin; i < end; i++) {
    const r = rows[i];
    const left = goesLeft[column[r]];
    rows[l] = r;
    scratch[k] = r;
    l += left;
    k += left ^ 1;
  }
  // A plain loop, not rows.set(scratch.subarray()): a property access after an OSR-compiled loop has no type
  // feedback and deoptimised this function on every call.
  for (let j = 0; j < k; j++) rows[l + j] = scratch[j];
  return l;
}

/** The goes-left table of a split on a feature with `binCount` bins (its missing code is `binCount`). */
export function goesLeftTable(binCount: number, binThreshold: number, defaultLeft: boolean): Uint8Array {
  const table = new Uint8Array(binCount + 1);
  for (let b = 0; b <= binThreshold && b < binCount; b++) table[b] = 1;
  table[binCount] = defaultLeft ? 1 : 0;
  return table;
}
