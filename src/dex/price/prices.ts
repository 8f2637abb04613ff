/**
 * Prices as floats (quote per base, in whole tokens with decimals applied), execution price, price impact and
 * slippage in bps. These are features and statistics; money decisions use the bigint quotes.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { sameToken, type Token } from '../types.ts';
import type { PoolV2 } from '../v2/poolV2.ts';
import type { PoolV3 } from '../v3/poolV3.ts';
import type { Pool } from '../pool.ts';
import { toDecimal } from './units.ts';

function baseIsToken0(pool: Pool, base: Token): boolean {
  if (sameToken(pool.token0, base)) return true;
  if (sameToken(pool.token1, base)) return false;
  throw new InvalidInputError(`pool ${pool.address} has no token ${base.symbol}`);
}

/** V2 mid price: quote reserve over base reserve, in whole tokens (e.g. USDC per WETH with base = WETH). */
export function midPriceV2(pool: PoolV2, base: Token): number {
  const p01 = toDecimal(pool.reserve1, pool.token1.decimals) / toDecimal(pool.reserve0, pool.token0.decimals);
  return baseIsToken0(pool, base) ? p01 : 1 / p01;
}

/** V3 mid price: (sqrtPriceX96 / 2^96)^2 token1 per token0 in base units, scaled by decimals. */
export function midPriceV3(pool: PoolV3, base: Token): number {
  const sqrt = Number(pool.sqrtPriceX96) / 2 ** 96;
  const p01 = sqrt * sqrt * 10 ** (pool.token0.decimals - pool.token1.decimals);
  return baseIsToken0(pool, base) ? p01 : 1 / p01;
}

export interface ExecutionPriceOptions {
  amountIn: bigint;
  amountOut: bigint;
  tokenIn: Token;
  tokenOut: Token;
}

/** Whole tokenOut received per whole tokenIn paid. */
export function executionPrice({ amountIn, amountOut, tokenIn, tokenOut }: ExecutionPriceOptions): number {
  if (amountIn <= 0n) throw new InvalidInputError('executionPrice: amountIn must be > 0');
  return toDecimal(amountOut, tokenOut.decimals) / toDecimal(amountIn, tokenIn.decimals);
}

/** How much worse than the mid price a trade executes, in bps (fee included); both prices tokenOut per tokenIn. */
export function priceImpactBps({
  midPrice: mid,
  executionPrice: exec,
}: {
  midPrice: number;
  executionPrice: number;
}): number {
  if (!(mid > 0)) throw new InvalidInputError('priceImpactBps: midPrice must be > 0');
  return ((mid - exec) / mid) * 1e4;
}

/** (quoted - executed) / quoted in bps; positive = worse than quoted (docs/metrics.md, actual_slippage_bps). */
export function slippageBps({ quotedOut, executedOut }: { quotedOut: bigint; executedOut: bigint }): number {
  if (quotedOut <= 0n) throw new InvalidInputError('slippageBps: quotedOut must be > 0');
  // Exact difference first, then one float division.
  return (Number(quotedOut - executedOut) / Number(quotedOut)) * 1e4;
}
