/**
 * Uniswap V2 constant-product output for an exact input, with the fee as a parameter (Uniswap 30 bps; forks
 * differ). Integer math as in UniswapV2Library.getAmountOut, generalised from 997/1000 to (10000-fee)/10000,
 * which is identical for feeBps = 30 because 9970/10000 = 997/1000 and the floor division is of the same ratio.
 */
import { InvalidInputError } from '../../core/errors.ts';

export const BPS = 10_000n;

export interface GetAmountOutV2Options {
  amountIn: bigint;
  reserveIn: bigint;
  reserveOut: bigint;
  /** Swap fee in basis points, 0 <= feeBps < 10000. */
  feeBps: number | bigint;
}

export function feeBpsToBigint(feeBps: number | bigint): bigint {
  const fee = typeof feeBps === 'bigint' ? feeBps : Number.isInteger(feeBps) ? BigInt(feeBps) : -1n;
  if (fee < 0n || fee >= BPS) throw new InvalidInputError(`feeBps must be an integer in [0, 10000), got ${feeBps}`);
  return fee;
}

/** floor(amountIn*(1e4-fee)*reserveOut / (reserveIn*1e4 + amountIn*(1e4-fee))). */
export function getAmountOutV2({ amountIn, reserveIn, reserveOut, feeBps }: GetAmountOutV2Options): bigint {
  if (amountIn <= 0n) throw new InvalidInputError('UniswapV2: INSUFFICIENT_INPUT_AMOUNT', { meta: { amountIn } });
  if (reserveIn <= 0n || reserveOut <= 0n) {
    throw new InvalidInputError('UniswapV2: INSUFFICIENT_LIQUIDITY', { meta: { reserveIn, reserveOut } });
  }
  const amountInWithFee = amountIn * (BPS - feeBpsToBigint(feeBps));
  return (amountInWithFee * reserveOut) / (reserveIn * BPS + amountInWithFee);
}
