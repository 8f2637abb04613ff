/**
 * sqrtPriceX96 for a price given as a ratio of token amounts (token1 per token0, in base units):
 * floor(sqrt(amount1/amount0) * 2^96), computed exactly with an integer square root.
 */
import { InvalidInputError } from '../../core/errors.ts';

/** floor(sqrt(n)) for n >= 0 (Newton's method on bigint). */
export function sqrtBigint(n: bigint): bigint {
  if (n < 0n) throw new InvalidInputError('square root of a negative number');
  if (n < 2n) return n;
  // One Newton step from any positive start lands at or above the root (AM-GM); from there the iteration
  // decreases monotonically to floor(sqrt(n)).
  const start = BigInt(Math.floor(Math.sqrt(Number(n)))) + 1n;
  let x = (start + n / start) >> 1n;
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) break;
    x = y;
  }
  while (x * x > n) x--;
  return x;
}

export function encodeSqrtPriceX96(amount1: bigint, amount0: bigint): bigint {
  if (amount0 <= 0n || amount1 <= 0n) throw new InvalidInputError('encodeSqrtPriceX96: amounts must be > 0');
  return sqrtBigint((amount1 << 192n) / amount0);
}
