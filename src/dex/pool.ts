/**
 * Any pool the engine can route through, and the token-side helpers every hop needs.
 */
import type { PoolV2 } from './v2/poolV2.ts';
import type { PoolV3 } from './v3/poolV3.ts';
import { sameToken, type Token } from './types.ts';
import { InvalidInputError } from '../core/errors.ts';

export type Pool = PoolV2 | PoolV3;

export function tokenIn(pool: Pool, zeroForOne: boolean): Token {
  return zeroForOne ? pool.token0 : pool.token1;
}

export function tokenOut(pool: Pool, zeroForOne: boolean): Token {
  return zeroForOne ? pool.token1 : pool.token0;
}

/** The direction that sells `token` into the pool. */
export function zeroForOneSelling(pool: Pool, token: Token): boolean {
  if (sameToken(pool.token0, token)) return true;
  if (sameToken(pool.token1, token)) return false;
  throw new InvalidInputError(`pool ${pool.address} does not hold token ${token.symbol}`);
}
