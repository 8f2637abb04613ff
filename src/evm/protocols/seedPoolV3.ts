/**
 * Creates a real V3 pool at a whole-number price (quote per base) and gives it a full-range position plus a
 * concentrated one of +-100 tick spacings, the concentrated one holding about `usdDepth` worth of liquidity.
 */
import type { Address } from 'viem';
import type { Token } from '../../dex/types.ts';
import { encodeSqrtPriceX96 } from '../../dex/v3/encodeSqrtPriceX96.ts';
import { getTickAtSqrtRatio, MAX_TICK, MIN_TICK } from '../../dex/v3/tickMath.ts';
import { artifactOf, type Artifacts } from '../compile.ts';
import type { ProtocolContext } from './deployArtifact.ts';
import { createPoolV3, mintPositionV3 } from './deployUniswap.ts';

export const TICK_SPACING: Readonly<Record<number, number>> = { 100: 1, 500: 10, 3000: 60, 10000: 200 };

export interface SeedPoolV3Options {
  ctx: ProtocolContext;
  artifacts: Artifacts;
  factory: Address;
  helper: Address;
  base: Token;
  quote: Token;
  /** Whole quote tokens per whole base token. */
  price: bigint;
  feePips: number;
  usdDepth: bigint;
}

export async function seedPoolV3(o: SeedPoolV3Options): Promise<Address> {
  const baseOne = 10n ** BigInt(o.base.decimals);
  const quoteAmount = o.price * 10n ** BigInt(o.quote.decimals);
  const baseIs0 = o.base.address < o.quote.address;
  const sqrtPriceX96 = baseIs0 ? encodeSqrtPriceX96(quoteAmount, baseOne) : encodeSqrtPriceX96(baseOne, quoteAmount);
  const pool = await createPoolV3(
    o.ctx,
    o.factory,
    o.base.address as Address,
    o.quote.address as Address,
    o.feePips,
    sqrtPriceX96,
  );
  const s = TICK_SPACING[o.feePips];
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  const center = Math.floor(tick / s) * s;
  // Liquidity L of a range is about amount1 / (sqrt(p_upper) - sqrt(p_lower)); for a small range of w ticks around
  // the price, sqrt(p) * w/2 * 1e-4 per side. Depth in token1 units: usdDepth of token1 at the pool price.
  const token1PerUsd = baseIs0 ? 10n ** BigInt(o.quote.decimals) : baseOne / o.price;
  const depth1 = o.usdDepth * token1PerUsd;
  const widthTicks = BigInt(200 * s);
  const concentrated = (depth1 * 2n ** 96n * 20_000n) / (sqrtPriceX96 * widthTicks);
  const helperAbi = artifactOf(o.artifacts, 'V3LiquidityHelper').abi;
  const mint = (tickLower: number, tickUpper: number, liquidity: bigint) =>
    mintPositionV3({ ctx: o.ctx, helper: o.helper, helperAbi, pool, tickLower, tickUpper, liquidity });
  await mint(Math.ceil(MIN_TICK / s) * s, Math.floor(MAX_TICK / s) * s, concentrated / 20n + 1n);
  await mint(center - 100 * s, center + 100 * s, concentrated);
  return pool;
}
