/**
 * Seeded random pool states for property tests and benchmarks: WETH/USDC-style V2 pairs and V3 pools around a
 * reference price, with a relative price offset per pool so that routes between them have edges to find.
 */
import type { Rng } from '../../core/random.ts';
import type { Chain, Token } from '../types.ts';
import { createPoolV2, type PoolV2 } from '../v2/poolV2.ts';
import { encodeSqrtPriceX96 } from '../v3/encodeSqrtPriceX96.ts';
import { createPoolV3, liquidityAtTick, type PoolV3 } from '../v3/poolV3.ts';
import { getTickAtSqrtRatio } from '../v3/tickMath.ts';
import { ticksFromPositions, type PositionV3 } from '../v3/ticksFromPositions.ts';

export const WETH: Token = Object.freeze({
  address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2',
  symbol: 'WETH',
  decimals: 18,
});
export const USDC: Token = Object.freeze({
  address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48',
  symbol: 'USDC',
  decimals: 6,
});

export interface RandomPoolOptions {
  rng: Rng;
  address: string;
  /** USDC per WETH before the offset. */
  price?: number;
  /** Relative offset of this pool's price, e.g. 0.01 = 1% above. */
  offset?: number;
  chain?: Chain;
  dex?: string;
}

/** Integer from a float, through a decimal string (exact for the integer part). */
function big(x: number): bigint {
  return BigInt(Math.floor(x).toLocaleString('fullwide', { useGrouping: false }));
}

/** token0 = USDC, token1 = WETH (USDC's address sorts first, as on mainnet). */
export function randomPoolV2({
  rng,
  address,
  price = 3000,
  offset = 0,
  chain = 'ethereum',
  dex = 'uniswap-v2',
}: RandomPoolOptions): PoolV2 {
  const weth = 10 + rng.next() * 20_000;
  const reserve1 = big(weth * 1e18);
  const reserve0 = big(weth * price * (1 + offset) * 1e6);
  return createPoolV2({
    chain,
    dex,
    address,
    token0: USDC,
    token1: WETH,
    reserve0,
    reserve1,
    feeBps: [30, 30, 25, 20][rng.int(4)],
  });
}

/** A V3 USDC/WETH pool with a few random positions around the price, one of them covering it. */
export function randomPoolV3({
  rng,
  address,
  price = 3000,
  offset = 0,
  chain = 'ethereum',
  dex = 'uniswap-v3',
}: RandomPoolOptions): PoolV3 {
  const [feePips, tickSpacing] = [
    [500, 10],
    [3000, 60],
    [100, 1],
  ][rng.int(3)];
  // token1 (WETH base units) per token0 (USDC base units) = 1e12 / price.
  const p = price * (1 + offset);
  const sqrtPriceX96 = encodeSqrtPriceX96(10n ** 18n, big(p * 1e6));
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  const positions: PositionV3[] = [];
  const count = 1 + rng.int(5);
  for (let i = 0; i < count; i++) {
    const half = (1 + rng.int(300)) * tickSpacing;
    // The first position covers the current price (real pools almost always have liquidity there).
    const shift = i === 0 ? 0 : (rng.int(201) - 100) * tickSpacing;
    const center = Math.round((tick + shift) / tickSpacing) * tickSpacing;
    positions.push({
      tickLower: center - half,
      tickUpper: center + half,
      liquidity: big((1 + rng.next() * 50) * 1e17),
    });
  }
  const ticks = ticksFromPositions(positions);
  return createPoolV3({
    chain,
    dex,
    address,
    token0: USDC,
    token1: WETH,
    feePips,
    tickSpacing,
    sqrtPriceX96,
    tick,
    liquidity: liquidityAtTick(ticks, tick),
    ticks,
  });
}
