/**
 * Float views of a USDC/WETH pool (token0 USDC, token1 WETH) for the market's per-block checks, and exact swaps
 * (dex engine bigint math) that the market applies: a swap of an exact input, and a swap that moves the price to a
 * target (how an arbitrageur closes an edge).
 */
import type { Pool } from '../../dex/pool.ts';
import { swapV2 } from '../../dex/v2/swapV2.ts';
import { swapV3 } from '../../dex/v3/swapV3.ts';
import { MAX_SQRT_RATIO, MIN_SQRT_RATIO } from '../../dex/v3/tickMath.ts';

const Q96 = 2 ** 96;
const DECIMAL_SHIFT = 1e12; // 10^(18 - 6)
const HUGE_INPUT = 10n ** 30n;

/** USDC per WETH at the pool's mid price. */
export function poolPrice(pool: Pool): number {
  if (pool.kind === 'v2') return (Number(pool.reserve0) / Number(pool.reserve1)) * DECIMAL_SHIFT;
  const s = Number(pool.sqrtPriceX96) / Q96;
  return DECIMAL_SHIFT / (s * s);
}

/** USD of USDC that moves the price by one unit of log price (half the virtual USDC reserve). */
export function poolDepthUsd(pool: Pool): number {
  if (pool.kind === 'v2') return Number(pool.reserve0) / 1e6 / 2;
  const s = Number(pool.sqrtPriceX96) / Q96;
  return Number(pool.liquidity) / s / 1e6 / 2;
}

export function poolFee(pool: Pool): number {
  return pool.kind === 'v2' ? pool.feeBps / 1e4 : pool.feePips / 1e6;
}

export interface MarketSwap {
  pool: Pool;
  zeroForOne: boolean;
  amountIn: bigint;
  amountOut: bigint;
}

/** Exact-input swap; zeroForOne = USDC in. Returns null for a zero or unfillable amount. */
export function swapExactIn(pool: Pool, zeroForOne: boolean, amountIn: bigint): MarketSwap | null {
  if (amountIn <= 0n) return null;
  if (pool.kind === 'v2') {
    const r = swapV2({ pool, zeroForOne, amountIn });
    return r.amountOut > 0n ? { pool: r.pool, zeroForOne, amountIn, amountOut: r.amountOut } : null;
  }
  const r = swapV3({ pool, zeroForOne, amountSpecified: amountIn });
  const out = zeroForOne ? -r.amount1 : -r.amount0;
  return out > 0n ? { pool: r.pool, zeroForOne, amountIn: zeroForOne ? r.amount0 : r.amount1, amountOut: out } : null;
}

/**
 * Swap that moves the pool's mid price to targetPrice (USDC per WETH): USDC in when the pool is below it, WETH in
 * when above. V3 uses the price limit; V2 the constant-product input for that price (fee included).
 */
export function swapToPrice(pool: Pool, targetPrice: number): MarketSwap | null {
  const price = poolPrice(pool);
  if (!(targetPrice > 0) || targetPrice === price) return null;
  const zeroForOne = targetPrice > price; // USDC in raises the USDC-per-WETH price
  if (pool.kind === 'v3') {
    const limit = BigInt(Math.floor(Math.sqrt(DECIMAL_SHIFT / targetPrice) * Q96));
    const ok = zeroForOne
      ? limit < pool.sqrtPriceX96 && limit > MIN_SQRT_RATIO
      : limit > pool.sqrtPriceX96 && limit < MAX_SQRT_RATIO;
    if (!ok) return null;
    const r = swapV3({ pool, zeroForOne, amountSpecified: HUGE_INPUT, sqrtPriceLimitX96: limit });
    const amountIn = zeroForOne ? r.amount0 : r.amount1;
    const amountOut = zeroForOne ? -r.amount1 : -r.amount0;
    return amountIn > 0n && amountOut > 0n ? { pool: r.pool, zeroForOne, amountIn, amountOut } : null;
  }
  const k = Number(pool.reserve0) * Number(pool.reserve1);
  const gamma = 1 - pool.feeBps / 1e4;
  const target01 = targetPrice / DECIMAL_SHIFT; // raw USDC per raw WETH
  const in0 = zeroForOne
    ? Math.sqrt(k * target01) - Number(pool.reserve0)
    : Math.sqrt(k / target01) - Number(pool.reserve1);
  return swapExactIn(pool, zeroForOne, BigInt(Math.floor(Math.max(0, in0) / gamma)));
}
