/**
 * A Uniswap-V3-style pool's state: an immutable value, validated when created. Only initialised ticks are listed,
 * sorted ascending, each with its liquidityNet (the liquidity added when the price crosses it left to right).
 * Protocol fees are taken as off (as on most pools), so the whole fee stays with liquidity providers.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { sameToken, type Chain, type Token } from '../types.ts';
import { MAX_INT128, MAX_UINT128, MIN_INT128 } from './fullMath.ts';
import {
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
} from './tickMath.ts';

export interface TickV3 {
  readonly index: number;
  readonly liquidityNet: bigint;
}

export interface PoolV3 {
  readonly kind: 'v3';
  readonly chain: Chain;
  readonly dex: string;
  readonly address: string;
  readonly token0: Token;
  readonly token1: Token;
  /** Fee in hundredths of a bip: 100, 500, 3000, 10000. */
  readonly feePips: number;
  readonly tickSpacing: number;
  readonly sqrtPriceX96: bigint;
  readonly tick: number;
  /** Active (in-range) liquidity. */
  readonly liquidity: bigint;
  readonly ticks: readonly TickV3[];
}

export type PoolV3Input = Omit<PoolV3, 'kind'> & { kind?: 'v3' };

function fail(address: string, message: string): never {
  throw new InvalidInputError(`pool ${address}: ${message}`);
}

function validateTicks(input: PoolV3Input): void {
  let previous = -Infinity;
  for (const [i, t] of input.ticks.entries()) {
    if (!Number.isInteger(t.index) || t.index < MIN_TICK || t.index > MAX_TICK)
      fail(input.address, `ticks[${i}].index out of range`);
    if (t.index % input.tickSpacing !== 0)
      fail(input.address, `ticks[${i}].index ${t.index} is not a multiple of tickSpacing ${input.tickSpacing}`);
    if (t.index <= previous) fail(input.address, `ticks[${i}].index ${t.index} is not strictly ascending`);
    if (typeof t.liquidityNet !== 'bigint' || t.liquidityNet < MIN_INT128 || t.liquidityNet > MAX_INT128)
      fail(input.address, `ticks[${i}].liquidityNet must be an int128 bigint`);
    previous = t.index;
  }
}

/** Validates and freezes a V3 pool state. Throws InvalidInputError naming the pool and field. */
export function createPoolV3(input: PoolV3Input): PoolV3 {
  const a = input.address;
  if (!a) throw new InvalidInputError('pool address is required');
  if (sameToken(input.token0, input.token1)) fail(a, 'token0 and token1 are the same token');
  if (!Number.isInteger(input.feePips) || input.feePips < 0 || input.feePips >= 1_000_000)
    fail(a, 'feePips must be an integer in [0, 1e6)');
  if (!Number.isInteger(input.tickSpacing) || input.tickSpacing < 1 || input.tickSpacing > 16384)
    fail(a, 'tickSpacing must be an integer in [1, 16384]');
  if (
    typeof input.sqrtPriceX96 !== 'bigint' ||
    input.sqrtPriceX96 < MIN_SQRT_RATIO ||
    input.sqrtPriceX96 >= MAX_SQRT_RATIO
  ) {
    fail(a, 'sqrtPriceX96 must be a bigint in [MIN_SQRT_RATIO, MAX_SQRT_RATIO)');
  }
  if (typeof input.liquidity !== 'bigint' || input.liquidity < 0n || input.liquidity > MAX_UINT128)
    fail(a, 'liquidity must be a uint128 bigint');
  // After a zeroForOne swap that ends exactly on a tick the pool stores tick = that tick - 1.
  const exactTick = getTickAtSqrtRatio(input.sqrtPriceX96);
  const onBoundary = input.tick === exactTick - 1 && getSqrtRatioAtTick(exactTick) === input.sqrtPriceX96;
  if (input.tick !== exactTick && !onBoundary)
    fail(a, `tick ${input.tick} does not match sqrtPriceX96 (tick ${exactTick})`);
  validateTicks(input);
  return Object.freeze({
    kind: 'v3' as const,
    chain: input.chain,
    dex: input.dex,
    address: input.address,
    token0: Object.freeze({ ...input.token0 }),
    token1: Object.freeze({ ...input.token1 }),
    feePips: input.feePips,
    tickSpacing: input.tickSpacing,
    sqrtPriceX96: input.sqrtPriceX96,
    tick: input.tick,
    liquidity: input.liquidity,
    ticks: Object.freeze(input.ticks.map((t) => Object.freeze({ index: t.index, liquidityNet: t.liquidityNet }))),
  });
}

/** Active liquidity implied by the tick list at a tick: the sum of liquidityNet of ticks at or below it. */
export function liquidityAtTick(ticks: readonly TickV3[], tick: number): bigint {
  let sum = 0n;
  for (const t of ticks) if (t.index <= tick) sum += t.liquidityNet;
  return sum;
}

/** The same pool after a swap. Internal to the swap: the inputs come from a valid state and exact math. */
export function withSwapStateV3(pool: PoolV3, sqrtPriceX96: bigint, tick: number, liquidity: bigint): PoolV3 {
  return Object.freeze({ ...pool, sqrtPriceX96, tick, liquidity });
}
