/**
 * The token graph of one chain's pools for the incremental scan: pools by index, and for each ordered token pair
 * the pools that connect it. `cyclesThrough` lists every 2-hop (A->B->A on two pools) and 3-hop (A->B->C->A)
 * cycle that uses at least one of the changed pools, each once: a cycle is a ring of directed hops, stored
 * rotated so that its lowest pool index comes first (which token to borrow is chosen when it is priced).
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { Pool } from '../pool.ts';
import { tokenKey } from '../types.ts';

export interface CycleGraph {
  readonly poolCount: number;
  /** Token ids (dense) of each pool's token0 and token1. */
  readonly token0: Int32Array;
  readonly token1: Int32Array;
  /** neighbours[a] = tokens sharing a pool with a; pairs.get(a * tokens + b) = pools connecting a and b. */
  readonly neighbours: readonly (readonly number[])[];
  readonly pairs: ReadonlyMap<number, readonly number[]>;
  readonly tokenCount: number;
}

/** A cycle: hop i sells through pool `pools[i]` in direction `zeroForOne[i]`. */
export interface Cycle {
  readonly pools: readonly number[];
  readonly zeroForOne: readonly boolean[];
}

export function buildCycleGraph(pools: readonly Pool[]): CycleGraph {
  if (pools.length >= 1 << 16)
    throw new InvalidInputError(`a cycle graph holds at most 65535 pools, got ${pools.length}`);
  const ids = new Map<string, number>();
  const id = (k: string): number => ids.get(k) ?? (ids.set(k, ids.size), ids.size - 1);
  const token0 = new Int32Array(pools.length);
  const token1 = new Int32Array(pools.length);
  pools.forEach((p, i) => {
    token0[i] = id(tokenKey(p.token0));
    token1[i] = id(tokenKey(p.token1));
  });
  const n = ids.size;
  const pairs = new Map<number, number[]>();
  const neighbours: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  const add = (a: number, b: number, i: number): void => {
    const k = a * n + b;
    if (!pairs.has(k)) pairs.set(k, []);
    pairs.get(k)!.push(i);
    neighbours[a].add(b);
  };
  for (let i = 0; i < pools.length; i++) {
    add(token0[i], token1[i], i);
    add(token1[i], token0[i], i);
  }
  return {
    poolCount: pools.length,
    token0,
    token1,
    neighbours: neighbours.map((s) => [...s].sort((a, b) => a - b)),
    pairs,
    tokenCount: n,
  };
}

const SENTINEL = (1 << 17) - 1;

/** Canonical numeric key of a ring of hop codes (pool * 2 + direction), rotated to start at its lowest pool. */
export function cycleKey(codes: readonly number[]): number {
  let start = 0;
  for (let i = 1; i < codes.length; i++) if (codes[i] < codes[start]) start = i;
  const c = (i: number): number => codes[(start + i) % codes.length];
  return (c(0) * 2 ** 17 + c(1)) * 2 ** 17 + (codes.length === 3 ? c(2) : SENTINEL);
}

export function cycleFromKey(key: number): Cycle {
  const c2 = key % 2 ** 17;
  const rest = (key - c2) / 2 ** 17;
  const c1 = rest % 2 ** 17;
  const c0 = (rest - c1) / 2 ** 17;
  const codes = c2 === SENTINEL ? [c0, c1] : [c0, c1, c2];
  return { pools: codes.map((c) => c >> 1), zeroForOne: codes.map((c) => (c & 1) === 1) };
}

export interface CyclesThroughOptions {
  changed: Iterable<number>;
  maxHops?: 2 | 3;
  /** log of each directed hop's spot rate after fees, by hop code (pool * 2 + 1 for zeroForOne). With it, only
   * cycles whose log rates sum above `minLogRate` (the log screen) are kept. */
  logRate?: Float64Array;
  minLogRate?: number;
  /** Receives the number of cycles enumerated (through any changed pool, before the screen and deduplication). */
  counted?: { cycles: number };
}

/** Keys of every 2- and 3-hop cycle through at least one changed pool (that passes the log screen when given). */
export function cyclesThrough(graph: CycleGraph, options: CyclesThroughOptions): Set<number> {
  const { changed, maxHops = 3, minLogRate = -Infinity } = options;
  const logRate = options.logRate ?? new Float64Array(graph.poolCount * 2);
  let enumerated = 0;
  const keys = new Set<number>();
  const n = graph.tokenCount;
  const none: readonly number[] = [];
  const code = (pool: number, from: number): number => pool * 2 + (graph.token0[pool] === from ? 1 : 0);
  for (const p of changed) {
    for (const [u, v] of [
      [graph.token0[p], graph.token1[p]],
      [graph.token1[p], graph.token0[p]],
    ]) {
      const first = code(p, u);
      const l1 = logRate[first];
      for (const q of graph.pairs.get(v * n + u) ?? none) {
        if (q === p) continue;
        enumerated++;
        const cq = code(q, v);
        if (l1 + logRate[cq] > minLogRate) keys.add(cycleKey([first, cq]));
      }
      if (maxHops < 3) continue;
      for (const w of graph.neighbours[v]) {
        if (w === u) continue;
        const back = graph.pairs.get(w * n + u);
        if (!back) continue;
        for (const q of graph.pairs.get(v * n + w)!) {
          const cq = code(q, v);
          const l2 = l1 + logRate[cq];
          enumerated += back.length;
          for (const r of back) {
            const cr = code(r, w);
            if (l2 + logRate[cr] > minLogRate) keys.add(cycleKey([first, cq, cr]));
          }
        }
      }
    }
  }
  if (options.counted) options.counted.cycles = enumerated;
  return keys;
}
