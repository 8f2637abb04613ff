/**
 * A chain's pool graph (tokens as nodes, pools as edges in both directions) and the closed routes through it:
 * 2-hop cross-pool routes (A->B on one pool, B->A on another) and 3-hop triangles (A->B->C->A), each on distinct
 * pools. Every rotation of a cycle is a different route because it borrows a different token.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { tokenIn, tokenOut, type Pool } from '../pool.ts';
import { tokenKey, type Chain, type Token } from '../types.ts';
import { createRoute, type Hop, type Route } from './route.ts';

export interface PoolGraph {
  readonly chain: Chain;
  readonly pools: readonly Pool[];
  /** token key -> hops that sell this token. */
  readonly sellers: ReadonlyMap<string, readonly Hop[]>;
}

export function buildPoolGraph({ chain, pools }: { chain: Chain; pools: readonly Pool[] }): PoolGraph {
  const onChain = pools.filter((p) => p.chain === chain);
  const seen = new Set<string>();
  const sellers = new Map<string, Hop[]>();
  for (const pool of onChain) {
    const key = pool.address.toLowerCase();
    if (seen.has(key)) throw new InvalidInputError(`pool ${pool.address} listed twice on ${chain}`);
    seen.add(key);
    for (const zeroForOne of [true, false]) {
      const k = tokenKey(tokenIn(pool, zeroForOne));
      if (!sellers.has(k)) sellers.set(k, []);
      sellers.get(k)!.push({ pool, zeroForOne });
    }
  }
  return { chain, pools: onChain, sellers };
}

export interface FindRoutesOptions {
  graph: PoolGraph;
  /** 2 = cross-pool pairs only; 3 = also triangles. Default 3. */
  maxHops?: 2 | 3;
  /** Only routes that borrow one of these tokens (default: every token). */
  borrowTokens?: readonly Token[];
}

export function findRoutes({ graph, maxHops = 3, borrowTokens }: FindRoutesOptions): Route[] {
  const starts = borrowTokens ? borrowTokens.map(tokenKey) : [...graph.sellers.keys()];
  const routes: Route[] = [];
  const sellersOf = (token: Token): readonly Hop[] => graph.sellers.get(tokenKey(token)) ?? [];
  for (const start of starts) {
    for (const h1 of graph.sellers.get(start) ?? []) {
      const b = tokenOut(h1.pool, h1.zeroForOne);
      for (const h2 of sellersOf(b)) {
        if (h2.pool === h1.pool) continue;
        const c = tokenOut(h2.pool, h2.zeroForOne);
        if (tokenKey(c) === start) {
          routes.push(createRoute([h1, h2]));
          continue;
        }
        if (maxHops < 3) continue;
        for (const h3 of sellersOf(c)) {
          if (h3.pool === h1.pool || h3.pool === h2.pool) continue;
          if (tokenKey(tokenOut(h3.pool, h3.zeroForOne)) === start) routes.push(createRoute([h1, h2, h3]));
        }
      }
    }
  }
  return routes;
}
