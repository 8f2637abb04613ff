/**
 * The modelled pools of one chain at a start price: V2 pairs sized by their USDC reserve, V3 pools with a ladder of
 * liquidity positions centred on the price (narrow ones hold most of it, a full-range one keeps every price
 * quotable) whose in-range sum gives the spec's depth (USD per unit log price) at the current price. recentreV3 re-centres the ladder (LPs follow the
 * price) without moving the price or the active liquidity.
 */
import type { Pool } from '../../dex/pool.ts';
import type { Chain } from '../../dex/types.ts';
import { createPoolV2 } from '../../dex/v2/poolV2.ts';
import { createPoolV3, type PoolV3 } from '../../dex/v3/poolV3.ts';
import { getSqrtRatioAtTick, getTickAtSqrtRatio, MAX_TICK, MIN_TICK } from '../../dex/v3/tickMath.ts';
import { ticksFromPositions, type PositionV3 } from '../../dex/v3/ticksFromPositions.ts';
import type { PoolSpec } from '../params.ts';
import { MARKET_TOKENS, poolAddress } from './marketTokens.ts';

/** Half-widths of the ladder's positions in ticks (0 = full range) and their shares of active liquidity. */
const LADDER: readonly [number, number][] = [
  [60, 0.35],
  [240, 0.3],
  [1200, 0.2],
  [5000, 0.1],
  [0, 0.05],
];

const TICK_SPACING: Readonly<Record<number, number>> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

function ladderPositions(tick: number, spacing: number, active: bigint): PositionV3[] {
  const floor = (t: number): number => Math.floor(t / spacing) * spacing;
  return LADDER.map(([half, share]) => {
    const liquidity = (active * BigInt(Math.round(share * 1000))) / 1000n;
    if (half === 0)
      return { tickLower: Math.ceil(MIN_TICK / spacing) * spacing, tickUpper: floor(MAX_TICK), liquidity };
    return { tickLower: floor(tick - half), tickUpper: floor(tick + half) + spacing, liquidity };
  });
}

function v3Pool(chain: Chain, spec: PoolSpec, sqrtPriceX96: bigint): PoolV3 {
  const tokens = MARKET_TOKENS[chain];
  const spacing = TICK_SPACING[spec.fee] ?? 60;
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  const positions = ladderPositions(tick, spacing, activeLiquidityForDepth(spec.size, sqrtPriceX96));
  const ticks = ticksFromPositions(positions);
  let liquidity = 0n;
  for (const p of positions) if (p.tickLower <= tick && tick < p.tickUpper) liquidity += p.liquidity;
  return createPoolV3({
    chain,
    dex: spec.dex,
    address: poolAddress(chain, spec.dex, spec.fee),
    token0: tokens.usdc,
    token1: tokens.weth,
    feePips: spec.fee,
    tickSpacing: spacing,
    sqrtPriceX96,
    tick,
    liquidity,
    ticks,
  });
}

/** Active liquidity L whose depth (half the virtual USDC reserve, USD per unit log price) is depthUsd. */
export function activeLiquidityForDepth(depthUsd: number, sqrtPriceX96: bigint): bigint {
  return BigInt(Math.round(2 * depthUsd * 1e6 * (Number(sqrtPriceX96) / 2 ** 96)));
}

/** USDC per WETH -> sqrtPriceX96 of a USDC(6)/WETH(18) pool. */
export function sqrtPriceX96ForPrice(price: number): bigint {
  const tick = Math.round(Math.log(1e12 / price) / Math.log(1.0001));
  return getSqrtRatioAtTick(tick);
}

export function createMarketPools(chain: Chain, specs: readonly PoolSpec[], price: number): Pool[] {
  const tokens = MARKET_TOKENS[chain];
  return specs.map((spec) => {
    if (spec.kind === 'v3') return v3Pool(chain, spec, sqrtPriceX96ForPrice(price));
    const reserve0 = BigInt(Math.round(spec.size * 1e6));
    const reserve1 = BigInt(Math.round((spec.size / price) * 1e6)) * 10n ** 12n;
    return createPoolV2({
      chain,
      dex: spec.dex,
      address: poolAddress(chain, spec.dex, spec.fee),
      token0: tokens.usdc,
      token1: tokens.weth,
      reserve0,
      reserve1,
      feeBps: spec.fee,
    });
  });
}

/** Same price and active liquidity, ladder re-centred on the current tick. */
export function recentreV3(pool: PoolV3, spec: PoolSpec): PoolV3 {
  return v3Pool(pool.chain, spec, pool.sqrtPriceX96);
}
