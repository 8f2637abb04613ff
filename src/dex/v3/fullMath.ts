/**
 * 512-bit-exact multiply-then-divide as Uniswap V3's FullMath does it, in bigint. bigint never overflows, so only
 * the contract's guards remain: a zero denominator, or a result that does not fit in uint256, reverts.
 */
import { InvalidInputError } from '../../core/errors.ts';

export const MAX_UINT256 = (1n << 256n) - 1n;
export const MAX_UINT160 = (1n << 160n) - 1n;
export const MAX_UINT128 = (1n << 128n) - 1n;
export const MAX_INT128 = (1n << 127n) - 1n;
export const MIN_INT128 = -(1n << 127n);
export const MAX_INT256 = (1n << 255n) - 1n;
export const MIN_INT256 = -(1n << 255n);
export const Q96 = 1n << 96n;

/** floor(a*b/denominator); throws when denominator is 0 or the result exceeds uint256. */
export function mulDiv(a: bigint, b: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new InvalidInputError('FullMath: denominator must be > 0');
  const result = (a * b) / denominator;
  if (result > MAX_UINT256) throw new InvalidInputError('FullMath: result overflows uint256');
  return result;
}

/** ceil(a*b/denominator); throws like mulDiv, and when rounding up would overflow uint256. */
export function mulDivRoundingUp(a: bigint, b: bigint, denominator: bigint): bigint {
  let result = mulDiv(a, b, denominator);
  if ((a * b) % denominator > 0n) {
    if (result >= MAX_UINT256) throw new InvalidInputError('FullMath: rounding up overflows uint256');
    result++;
  }
  return result;
}

/** ceil(x/y) for y > 0 (UnsafeMath.divRoundingUp). */
export function divRoundingUp(x: bigint, y: bigint): bigint {
  const q = x / y;
  return x % y > 0n ? q + 1n : q;
}
