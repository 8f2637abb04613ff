/**
 * Exact bigint quote of a route for an input amount: the amount entering each hop and the final output, plus the
 * pool states after the trade. A V3 hop that cannot take the whole input (it would hit the price limit) makes the
 * route unquotable at that size: it throws InsufficientLiquidityError, which size searches treat as "too big".
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { Pool } from '../pool.ts';
import { MAX_UINT112 } from '../v2/poolV2.ts';
import { swapV2 } from '../v2/swapV2.ts';
import type { PoolV3 } from '../v3/poolV3.ts';
import { swapV3 } from '../v3/swapV3.ts';
import { getSqrtRatioAtTick, MAX_SQRT_RATIO, MIN_SQRT_RATIO } from '../v3/tickMath.ts';
import type { Route } from './route.ts';

export class InsufficientLiquidityError extends InvalidInputError {
  override name = 'InsufficientLiquidityError';
}

export interface HopSwap {
  amountOut: bigint;
  pool: Pool;
}

/** One exact-input hop on any pool kind. */
export function swapExactIn(pool: Pool, zeroForOne: boolean, amountIn: bigint): HopSwap {
  if (pool.kind === 'v2') {
    if (amountIn <= 0n) throw new InsufficientLiquidityError(`pool ${pool.address}: input must be > 0`);
    const reserveIn = zeroForOne ? pool.reserve0 : pool.reserve1;
    if (reserveIn + amountIn > MAX_UINT112)
      throw new InsufficientLiquidityError(`pool ${pool.address}: input overflows the uint112 reserve`);
    const r = swapV2({ pool, zeroForOne, amountIn });
    if (r.amountOut <= 0n) throw new InsufficientLiquidityError(`pool ${pool.address}: output rounds to zero`);
    return { amountOut: r.amountOut, pool: r.pool };
  }
  if (amountIn <= 0n) throw new InsufficientLiquidityError(`pool ${pool.address}: input must be > 0`);
  const r = swapV3({
    pool,
    zeroForOne,
    amountSpecified: amountIn,
    sqrtPriceLimitX96: lastLiquidPriceV3(pool, zeroForOne),
  });
  const used = zeroForOne ? r.amount0 : r.amount1;
  if (used !== amountIn)
    throw new InsufficientLiquidityError(`pool ${pool.address}: price limit reached after ${used} of ${amountIn}`);
  return { amountOut: -(zeroForOne ? r.amount1 : r.amount0), pool: r.pool };
}

/**
 * The price at the last initialised tick in the swap's direction when no liquidity lies beyond it (a consistent
 * tick list). Stopping there changes nothing for a swap that fills, and spares an oversized quote a walk over
 * every empty bitmap word to the end of the price range. Undefined (no limit) otherwise.
 */
export function lastLiquidPriceV3(pool: PoolV3, zeroForOne: boolean): bigint | undefined {
  const ticks = pool.ticks;
  let liquidity = pool.liquidity;
  let edge: number | undefined;
  if (zeroForOne) {
    for (let i = ticks.length - 1; i >= 0; i--) {
      if (ticks[i].index > pool.tick) continue;
      liquidity -= ticks[i].liquidityNet;
      edge = ticks[i].index;
    }
  } else {
    for (const t of ticks) {
      if (t.index <= pool.tick) continue;
      liquidity += t.liquidityNet;
      edge = t.index;
    }
  }
  if (liquidity !== 0n) return undefined;
  if (edge === undefined)
    throw new InsufficientLiquidityError(`pool ${pool.address}: no liquidity in the swap direction`);
  const limit = getSqrtRatioAtTick(edge);
  // The limit must lie strictly beyond the current price and inside the valid range.
  const inRange = zeroForOne
    ? limit < pool.sqrtPriceX96 && limit > MIN_SQRT_RATIO
    : limit > pool.sqrtPriceX96 && limit < MAX_SQRT_RATIO;
  return inRange ? limit : undefined;
}

export interface RouteQuoteAmounts {
  /** amounts[0] = input; amounts[i + 1] = output of hop i; the last is the route's output. */
  amounts: bigint[];
  /** Pool states after each hop. */
  pools: Pool[];
}

export function quoteRoute(route: Route, amountIn: bigint): RouteQuoteAmounts {
  const amounts = [amountIn];
  const pools: Pool[] = [];
  let amount = amountIn;
  for (const hop of route.hops) {
    const r = swapExactIn(hop.pool, hop.zeroForOne, amount);
    amount = r.amountOut;
    amounts.push(amount);
    pools.push(r.pool);
  }
  return { amounts, pools };
}

/** Final output only, or undefined when the route cannot take this size. */
export function routeOutput(route: Route, amountIn: bigint): bigint | undefined {
  try {
    const { amounts } = quoteRoute(route, amountIn);
    return amounts[amounts.length - 1];
  } catch (e) {
    if (e instanceof InsufficientLiquidityError) return undefined;
    throw e;
  }
}
