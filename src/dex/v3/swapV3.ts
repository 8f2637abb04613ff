/**
 * A Uniswap V3 swap on an immutable pool state, step for step as UniswapV3Pool.swap does it: move toward the next
 * initialised tick (or word edge, see nextInitializedTick), cross it and apply its liquidityNet, until the amount
 * is used up or the price limit is reached. amountSpecified > 0 is an exact input, < 0 an exact output. Signs of
 * the result follow the pool: positive = paid into the pool, negative = paid out. Protocol fee is off.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { MAX_INT256, MIN_INT256 } from './fullMath.ts';
import { addDelta } from './liquidityMath.ts';
import { nextInitializedTick } from './nextInitializedTick.ts';
import { withSwapStateV3, type PoolV3 } from './poolV3.ts';
import { computeSwapStep } from './swapMath.ts';
import {
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
} from './tickMath.ts';

export interface SwapV3Options {
  pool: PoolV3;
  /** true: token0 in, token1 out (price goes down). */
  zeroForOne: boolean;
  amountSpecified: bigint;
  /** Default: as far as the pool allows (MIN_SQRT_RATIO + 1 or MAX_SQRT_RATIO - 1). */
  sqrtPriceLimitX96?: bigint;
}

export interface SwapV3Result {
  amount0: bigint;
  amount1: bigint;
  pool: PoolV3;
  /** Initialised ticks crossed (their liquidityNet was applied). */
  ticksCrossed: number;
}

function checkLimit(pool: PoolV3, zeroForOne: boolean, limit: bigint): void {
  const ok = zeroForOne
    ? limit < pool.sqrtPriceX96 && limit > MIN_SQRT_RATIO
    : limit > pool.sqrtPriceX96 && limit < MAX_SQRT_RATIO;
  if (!ok)
    throw new InvalidInputError(`UniswapV3Pool: SPL (price limit ${limit} invalid for the swap direction)`, {
      meta: { pool: pool.address },
    });
}

export function swapV3({ pool, zeroForOne, amountSpecified, sqrtPriceLimitX96 }: SwapV3Options): SwapV3Result {
  if (amountSpecified === 0n) throw new InvalidInputError('UniswapV3Pool: AS (amountSpecified is zero)');
  if (amountSpecified > MAX_INT256 || amountSpecified < MIN_INT256)
    throw new InvalidInputError('amountSpecified out of int256 range');
  const limit = sqrtPriceLimitX96 ?? (zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n);
  checkLimit(pool, zeroForOne, limit);
  const exactInput = amountSpecified > 0n;
  let remaining = amountSpecified;
  let calculated = 0n;
  let sqrtPrice = pool.sqrtPriceX96;
  let tick = pool.tick;
  let liquidity = pool.liquidity;
  let ticksCrossed = 0;

  while (remaining !== 0n && sqrtPrice !== limit) {
    const start = sqrtPrice;
    const next = nextInitializedTick({ ticks: pool.ticks, tick, tickSpacing: pool.tickSpacing, lte: zeroForOne });
    const tickNext = Math.min(MAX_TICK, Math.max(MIN_TICK, next.tickNext));
    const sqrtPriceNext = getSqrtRatioAtTick(tickNext);
    const target = (zeroForOne ? sqrtPriceNext < limit : sqrtPriceNext > limit) ? limit : sqrtPriceNext;
    const step = computeSwapStep(sqrtPrice, target, liquidity, remaining, pool.feePips);
    sqrtPrice = step.sqrtRatioNextX96;
    if (exactInput) {
      remaining -= step.amountIn + step.feeAmount;
      calculated -= step.amountOut;
    } else {
      remaining += step.amountOut;
      calculated += step.amountIn + step.feeAmount;
    }
    if (sqrtPrice === sqrtPriceNext) {
      if (next.initialized) {
        const net = pool.ticks[next.listIndex].liquidityNet;
        liquidity = addDelta(liquidity, zeroForOne ? -net : net);
        ticksCrossed++;
      }
      tick = zeroForOne ? tickNext - 1 : tickNext;
    } else if (sqrtPrice !== start) {
      tick = getTickAtSqrtRatio(sqrtPrice);
    }
  }
  const specifiedUsed = amountSpecified - remaining;
  const [amount0, amount1] = zeroForOne === exactInput ? [specifiedUsed, calculated] : [calculated, specifiedUsed];
  return { amount0, amount1, pool: withSwapStateV3(pool, sqrtPrice, tick, liquidity), ticksCrossed };
}
