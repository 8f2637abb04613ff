/**
 * LiquidityMath.addDelta: liquidity (uint128) plus a signed liquidityNet (int128); under- or overflow reverts
 * ('LS' / 'LA' in the core pool).
 */
import { InvalidInputError } from '../../core/errors.ts';
import { MAX_UINT128 } from './fullMath.ts';

export function addDelta(liquidity: bigint, delta: bigint): bigint {
  const next = liquidity + delta;
  if (delta < 0n && next < 0n)
    throw new InvalidInputError('LiquidityMath: LS (liquidity would go below zero)', { meta: { liquidity, delta } });
  if (next > MAX_UINT128)
    throw new InvalidInputError('LiquidityMath: LA (liquidity overflows uint128)', { meta: { liquidity, delta } });
  return next;
}
