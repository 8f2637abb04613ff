/**
 * Ticks and sqrt prices (Q64.96): sqrtPriceX96 = sqrt(1.0001^tick) * 2^96, bit-exact with Uniswap V3's TickMath.
 * getSqrtRatioAtTick multiplies Q128.128 factors 1/sqrt(1.0001)^(2^i) for each set bit of |tick| (the published
 * constants), inverts for positive ticks and rounds up to Q96. getTickAtSqrtRatio is defined as the greatest tick
 * whose ratio is <= the input: we estimate it in float64 and settle it exactly with getSqrtRatioAtTick.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { MAX_UINT256 } from './fullMath.ts';

export const MIN_TICK = -887272;
export const MAX_TICK = 887272;
export const MIN_SQRT_RATIO = 4295128739n;
export const MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342n;

/** Q128.128 values of 1/sqrt(1.0001)^(2^i), i = 0..19, as published with TickMath. */
const BIT_FACTORS: readonly bigint[] = [
  0xfffcb933bd6fad37aa2d162d1a594001n,
  0xfff97272373d413259a46990580e213an,
  0xfff2e50f5f656932ef12357cf3c7fdccn,
  0xffe5caca7e10e4e61c3624eaa0941cd0n,
  0xffcb9843d60f6159c9db58835c926644n,
  0xff973b41fa98c081472e6896dfb254c0n,
  0xff2ea16466c96a3843ec78b326b52861n,
  0xfe5dee046a99a2a811c461f1969c3053n,
  0xfcbe86c7900a88aedcffc83b479aa3a4n,
  0xf987a7253ac413176f2b074cf7815e54n,
  0xf3392b0822b70005940c7a398e4b70f3n,
  0xe7159475a2c29b7443b29c7fa6e889d9n,
  0xd097f3bdfd2022b8845ad8f792aa5825n,
  0xa9f746462d870fdf8a65dc1f90e061e5n,
  0x70d869a156d2a1b890bb3df62baf32f7n,
  0x31be135f97d08fd981231505542fcfa6n,
  0x9aa508b5b7a84e1c677de54f3e99bc9n,
  0x5d6af8dedb81196699c329225ee604n,
  0x2216e584f5fa1ea926041bedfe98n,
  0x48a170391f7dc42444e8fa2n,
];
const ONE_Q128 = 1n << 128n;
const LOW_32 = (1n << 32n) - 1n;

/** Memo of getSqrtRatioAtTick (a pure function of the tick): swaps and quotes meet the same ticks again and again. */
const SQRT_RATIO_CACHE = new Map<number, bigint>();
const CACHE_LIMIT = 1 << 18;

export function getSqrtRatioAtTick(tick: number): bigint {
  const cached = SQRT_RATIO_CACHE.get(tick);
  if (cached !== undefined) return cached;
  const ratio = computeSqrtRatioAtTick(tick);
  if (SQRT_RATIO_CACHE.size >= CACHE_LIMIT) SQRT_RATIO_CACHE.clear();
  SQRT_RATIO_CACHE.set(tick, ratio);
  return ratio;
}

function computeSqrtRatioAtTick(tick: number): bigint {
  if (!Number.isInteger(tick) || tick < MIN_TICK || tick > MAX_TICK)
    throw new InvalidInputError(`TickMath: T (tick ${tick} out of range)`);
  const absTick = Math.abs(tick);
  let ratio = ONE_Q128;
  for (let bit = 0; bit < BIT_FACTORS.length; bit++) {
    if (absTick & (1 << bit)) ratio = (ratio * BIT_FACTORS[bit]) >> 128n;
  }
  if (tick > 0) ratio = MAX_UINT256 / ratio;
  // Q128.128 -> Q64.96, rounding up so getTickAtSqrtRatio of the result is consistent.
  return (ratio >> 32n) + ((ratio & LOW_32) === 0n ? 0n : 1n);
}

const LOG_SQRT_10001 = Math.log(1.0001) / 2;
const TWO_96 = 2 ** 96;

/** The greatest tick t with getSqrtRatioAtTick(t) <= sqrtPriceX96; input in [MIN_SQRT_RATIO, MAX_SQRT_RATIO). */
export function getTickAtSqrtRatio(sqrtPriceX96: bigint): number {
  if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) {
    throw new InvalidInputError(`TickMath: R (sqrtPriceX96 ${sqrtPriceX96} out of range)`);
  }
  const estimate = Math.floor(Math.log(Number(sqrtPriceX96) / TWO_96) / LOG_SQRT_10001);
  let tick = Math.min(MAX_TICK, Math.max(MIN_TICK, estimate));
  // The float estimate is within a tick or two; walk to the exact answer.
  while (tick > MIN_TICK && getSqrtRatioAtTick(tick) > sqrtPriceX96) tick--;
  while (tick < MAX_TICK && getSqrtRatioAtTick(tick + 1) <= sqrtPriceX96) tick++;
  return tick;
}
