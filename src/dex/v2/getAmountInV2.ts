/**
 * Uniswap V2 input needed for an exact output (UniswapV2Library.getAmountIn with the fee as a parameter):
 * reserveIn*amountOut*1e4 / ((reserveOut-amountOut)*(1e4-fee)) + 1. The +1 always rounds up (even when exact),
 * as the library does, so the pair's K check passes.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { BPS, feeBpsToBigint } from './getAmountOutV2.ts';

export interface GetAmountInV2Options {
  amountOut: bigint;
  reserveIn: bigint;
  reserveOut: bigint;
  feeBps: number | bigint;
}

export function getAmountInV2({ amountOut, reserveIn, reserveOut, feeBps }: GetAmountInV2Options): bigint {
  if (amountOut <= 0n) throw new InvalidInputError('UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT', { meta: { amountOut } });
  if (reserveIn <= 0n || reserveOut <= 0n) {
    throw new InvalidInputError('UniswapV2: INSUFFICIENT_LIQUIDITY', { meta: { reserveIn, reserveOut } });
  }
  if (amountOut >= reserveOut) {
    throw new InvalidInputError('UniswapV2: INSUFFICIENT_LIQUIDITY (amountOut >= reserveOut)', {
      meta: { amountOut, reserveOut },
    });
  }
  const numerator = reserveIn * amountOut * BPS;
  const denominator = (reserveOut - amountOut) * (BPS - feeBpsToBigint(feeBps));
  return numerator / denominator + 1n;
}
