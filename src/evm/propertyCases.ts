/**
 * Seeded random pool states and trade sizes for the TS-against-EVM property tests. Values are spread
 * log-uniformly over many orders of magnitude so tiny, huge, balanced and lopsided pools all occur.
 */
import type { Rng } from '../core/random.ts';
import {
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
} from '../dex/v3/tickMath.ts';
import { ticksFromPositions, type PositionV3 } from '../dex/v3/ticksFromPositions.ts';
import type { TickV3 } from '../dex/v3/poolV3.ts';

/** A bigint log-uniform in [2^minLog2, 2^maxLog2), with 52 random significant bits. */
export function logUniformBigint(rng: Rng, minLog2: number, maxLog2: number): bigint {
  const e = minLog2 + rng.next() * (maxLog2 - minLog2);
  const whole = Math.floor(e);
  const mantissa = BigInt(Math.floor(2 ** (e - whole) * 2 ** 52));
  return whole >= 52 ? mantissa << BigInt(whole - 52) : mantissa >> BigInt(52 - whole);
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(items.length)];
}

export interface CaseV2 {
  feeBps: number;
  reserve0: bigint;
  reserve1: bigint;
  zeroForOne: boolean;
  amountIn: bigint;
}

export const V2_FEES = [0, 1, 5, 25, 30, 100, 300] as const;
const MAX_RESERVE_LOG2 = 111;

export function randomCaseV2(rng: Rng): CaseV2 {
  const reserve0 = logUniformBigint(rng, 10, MAX_RESERVE_LOG2);
  const reserve1 = logUniformBigint(rng, 10, MAX_RESERVE_LOG2);
  const zeroForOne = rng.next() < 0.5;
  const reserveIn = zeroForOne ? reserve0 : reserve1;
  // From a dust trade to ~8x the reserve; at least 1 wei.
  const log2In = Math.log2(Number(reserveIn));
  const amountIn = logUniformBigint(rng, Math.max(0, log2In - 40), log2In + 3) + 1n;
  return { feeBps: pick(rng, V2_FEES), reserve0, reserve1, zeroForOne, amountIn };
}

export interface CaseV3 {
  feePips: number;
  tickSpacing: number;
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  ticks: TickV3[];
  /** The positions the ticks come from (to mint them into a real pool). */
  positions: PositionV3[];
  zeroForOne: boolean;
  amountSpecified: bigint;
  /** undefined: no limit (the pool's extreme). */
  sqrtPriceLimitX96?: bigint;
}

export const V3_FEE_TIERS = [
  { feePips: 100, tickSpacing: 1 },
  { feePips: 500, tickSpacing: 10 },
  { feePips: 3000, tickSpacing: 60 },
  { feePips: 10000, tickSpacing: 200 },
] as const;

/** A random multiple of `spacing` within `width` spacings of `center`, clamped to the tick range. */
function tickNear(rng: Rng, center: number, spacing: number, width: number): number {
  const t = Math.round(center / spacing + (rng.next() * 2 - 1) * width) * spacing;
  const lo = Math.ceil(MIN_TICK / spacing) * spacing;
  const hi = Math.floor(MAX_TICK / spacing) * spacing;
  return Math.min(hi, Math.max(lo, t));
}

/** A full-range position's ticks for a spacing (the widest range a position can have). */
function fullRange(spacing: number): [number, number] {
  return [Math.ceil(MIN_TICK / spacing) * spacing, Math.floor(MAX_TICK / spacing) * spacing];
}

/**
 * A pool made of random positions around a random price: several ranges overlap the current tick and many lie
 * within a few bitmap words, so swaps cross several initialised ticks and word edges. Half the pools also have a
 * full-range position (as most real pools do). Swap sizes are set relative to the liquidity, from dust to moves
 * of the sqrt price by up to 2x. A swap that can run out of liquidity, or that may walk far in a pool with small
 * words (tick spacing 1 or 10), always gets a price limit: without one the pool walks word by word toward the end
 * of the tick range (thousands of steps), which is slow on the EVM and no different in kind from the steps the
 * other cases test.
 */
export function randomCaseV3(rng: Rng): CaseV3 {
  const { feePips, tickSpacing } = pick(rng, V3_FEE_TIERS);
  const center = Math.round((rng.next() * 2 - 1) * 300_000);
  const width = pick(rng, [5, 30, 300, 1500]);
  const positions: PositionV3[] = [];
  const count = 1 + rng.int(12);
  for (let i = 0; i < count; i++) {
    const a = tickNear(rng, center, tickSpacing, width);
    const b = tickNear(rng, center, tickSpacing, width);
    if (a === b) continue;
    positions.push({
      tickLower: Math.min(a, b),
      tickUpper: Math.max(a, b),
      liquidity: logUniformBigint(rng, 20, 100) + 1n,
    });
  }
  if (positions.length === 0)
    positions.push({
      tickLower: center - (center % tickSpacing) - tickSpacing,
      tickUpper: center - (center % tickSpacing) + tickSpacing,
      liquidity: 10n ** 18n,
    });
  const span = [Math.min(...positions.map((p) => p.tickLower)), Math.max(...positions.map((p) => p.tickUpper))];
  const hasFullRange = rng.next() < 0.5;
  if (hasFullRange) {
    const [lo, hi] = fullRange(tickSpacing);
    positions.push({ tickLower: lo, tickUpper: hi, liquidity: logUniformBigint(rng, 20, 90) + 1n });
  }
  const ticks = ticksFromPositions(positions);
  // Price anywhere between the outer ticks of the narrow positions (or a little beyond), not only on ticks.
  const spanTicks = span[1] - span[0];
  const priceTick = Math.min(
    MAX_TICK - 1,
    Math.max(MIN_TICK, span[0] - Math.floor(spanTicks * 0.1) + rng.int(Math.floor(spanTicks * 1.2) + 1)),
  );
  const lower = getSqrtRatioAtTick(priceTick);
  const upper = getSqrtRatioAtTick(priceTick + 1);
  const sqrtPriceX96 =
    rng.next() < 0.1 ? lower : lower + (BigInt(Math.floor(rng.next() * 2 ** 40)) * (upper - lower)) / 2n ** 40n;
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  let liquidity = 0n;
  for (const t of ticks) if (t.index <= tick) liquidity += t.liquidityNet;
  const zeroForOne = rng.next() < 0.5;
  const amountSpecified = randomAmount(rng, positions, sqrtPriceX96, zeroForOne);
  const limit = randomLimit(rng, sqrtPriceX96, zeroForOne, !hasFullRange || tickSpacing < 60);
  return {
    feePips,
    tickSpacing,
    sqrtPriceX96,
    tick,
    liquidity,
    ticks,
    positions,
    zeroForOne,
    amountSpecified,
    sqrtPriceLimitX96: limit,
  };
}

const Q96 = 2n ** 96n;

/** Input (70%) or output amount that would move the sqrt price by a factor 2^-30..2 at the largest liquidity. */
function randomAmount(
  rng: Rng,
  positions: readonly { liquidity: bigint }[],
  sqrtPriceX96: bigint,
  zeroForOne: boolean,
): bigint {
  const maxL = positions.reduce((m, p) => (p.liquidity > m ? p.liquidity : m), 0n);
  const move = logUniformBigint(rng, 0, 31); // sqrt-price move in units of 2^-30
  const exactIn = rng.next() < 0.7;
  // token1 per unit of sqrt price is L/Q96; token0 is L*Q96/P^2 (times P for the move, so L*Q96/P).
  const token1 = (maxL * sqrtPriceX96 * move) / Q96 / 2n ** 30n;
  const token0 = (maxL * Q96 * move) / sqrtPriceX96 / 2n ** 30n;
  const amount = (exactIn === zeroForOne ? token0 : token1) + 1n;
  return exactIn ? amount : -amount;
}

/** A price limit 0.01% to 60% away from the price in the swap's direction: always when `required`, else 30%. */
function randomLimit(rng: Rng, sqrtPriceX96: bigint, zeroForOne: boolean, required: boolean): bigint | undefined {
  if (!required && rng.next() >= 0.3) return undefined;
  const moveBps = BigInt(1 + rng.int(6000));
  const limit = zeroForOne
    ? (sqrtPriceX96 * (10_000n - moveBps)) / 10_000n
    : (sqrtPriceX96 * (10_000n + moveBps)) / 10_000n;
  if (limit <= MIN_SQRT_RATIO) return MIN_SQRT_RATIO + 1n;
  if (limit >= MAX_SQRT_RATIO) return MAX_SQRT_RATIO - 1n;
  return limit;
}
