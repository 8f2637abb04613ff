/**
 * A closed arbitrage route: ordered hops (pool + direction) that start and end in the borrowed token, each hop's
 * output token being the next hop's input. Validated and frozen when created.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { tokenIn, tokenOut, type Pool } from '../pool.ts';
import { sameToken, type Token } from '../types.ts';

export interface Hop {
  readonly pool: Pool;
  readonly zeroForOne: boolean;
}

export interface Route {
  readonly hops: readonly Hop[];
  /** The token borrowed, sold by the first hop and returned by the last. */
  readonly token: Token;
  /** Stable id: pool addresses and directions, e.g. "0xa>0xb<". */
  readonly id: string;
}

export function routeId(hops: readonly Hop[]): string {
  return hops.map((h) => `${h.pool.address.toLowerCase()}${h.zeroForOne ? '>' : '<'}`).join('');
}

export function createRoute(hops: readonly Hop[]): Route {
  if (hops.length < 2) throw new InvalidInputError('a route needs at least 2 hops');
  const seen = new Set<string>();
  for (const [i, hop] of hops.entries()) {
    const key = hop.pool.address.toLowerCase();
    if (seen.has(key)) throw new InvalidInputError(`route uses pool ${hop.pool.address} twice`);
    seen.add(key);
    const next = hops[(i + 1) % hops.length];
    if (!sameToken(tokenOut(hop.pool, hop.zeroForOne), tokenIn(next.pool, next.zeroForOne))) {
      throw new InvalidInputError(
        `route hop ${i} outputs ${tokenOut(hop.pool, hop.zeroForOne).symbol} but hop ${(i + 1) % hops.length} takes ${tokenIn(next.pool, next.zeroForOne).symbol}`,
      );
    }
    if (hop.pool.chain !== hops[0].pool.chain) throw new InvalidInputError('all pools of a route must be on one chain');
  }
  return Object.freeze({
    hops: Object.freeze([...hops]),
    token: tokenIn(hops[0].pool, hops[0].zeroForOne),
    id: routeId(hops),
  });
}

/** Token symbols along the route, e.g. "WETH>USDC>WETH". */
export function routePath(route: Route): string {
  return [route.token.symbol, ...route.hops.map((h) => tokenOut(h.pool, h.zeroForOne).symbol)].join('>');
}
