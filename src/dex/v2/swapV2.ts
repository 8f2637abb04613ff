/**
 * An exact-input swap on a V2 pool: the output and the pool's next state (the input joins the reserves in full,
 * fee included, as in the pair contract). The input pool is not changed.
 */
import { getAmountOutV2 } from './getAmountOutV2.ts';
import { withReservesV2, type PoolV2 } from './poolV2.ts';

export interface SwapV2Options {
  pool: PoolV2;
  /** true: token0 in, token1 out. */
  zeroForOne: boolean;
  amountIn: bigint;
}

export interface SwapV2Result {
  amountOut: bigint;
  pool: PoolV2;
}

export function swapV2({ pool, zeroForOne, amountIn }: SwapV2Options): SwapV2Result {
  const reserveIn = zeroForOne ? pool.reserve0 : pool.reserve1;
  const reserveOut = zeroForOne ? pool.reserve1 : pool.reserve0;
  const amountOut = getAmountOutV2({ amountIn, reserveIn, reserveOut, feeBps: pool.feeBps });
  const newIn = reserveIn + amountIn;
  const newOut = reserveOut - amountOut;
  const next = zeroForOne ? withReservesV2(pool, newIn, newOut) : withReservesV2(pool, newOut, newIn);
  return { amountOut, pool: next };
}
