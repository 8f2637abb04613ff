/**
 * One step of a V3 swap inside a single liquidity range (SwapMath.computeSwapStep): how far the price moves toward
 * the target given the remaining amount, the amounts in and out, and the fee. amountRemaining > 0 is an exact
 * input still to spend (fee included); < 0 an exact output still to receive. feePips is in hundredths of a bip
 * (3000 = 0.3%).
 */
import { InvalidInputError } from '../../core/errors.ts';
import { mulDiv, mulDivRoundingUp } from './fullMath.ts';
import {
  getAmount0Delta,
  getAmount1Delta,
  getNextSqrtPriceFromInput,
  getNextSqrtPriceFromOutput,
} from './sqrtPriceMath.ts';

export const FEE_DENOMINATOR = 1_000_000n;

export interface SwapStep {
  sqrtRatioNextX96: bigint;
  amountIn: bigint;
  amountOut: bigint;
  feeAmount: bigint;
}

export function computeSwapStep(
  sqrtRatioCurrentX96: bigint,
  sqrtRatioTargetX96: bigint,
  liquidity: bigint,
  amountRemaining: bigint,
  feePips: number,
): SwapStep {
  if (!Number.isInteger(feePips) || feePips < 0 || feePips >= 1_000_000)
    throw new InvalidInputError(`feePips must be in [0, 1e6), got ${feePips}`);
  const fee = BigInt(feePips);
  const zeroForOne = sqrtRatioCurrentX96 >= sqrtRatioTargetX96;
  const exactIn = amountRemaining >= 0n;
  const inDelta = (from: bigint, to: bigint, roundUp: boolean): bigint =>
    zeroForOne ? getAmount0Delta(to, from, liquidity, roundUp) : getAmount1Delta(from, to, liquidity, roundUp);
  const outDelta = (from: bigint, to: bigint, roundUp: boolean): bigint =>
    zeroForOne ? getAmount1Delta(to, from, liquidity, roundUp) : getAmount0Delta(from, to, liquidity, roundUp);

  let sqrtRatioNextX96: bigint;
  let amountIn = 0n;
  let amountOut = 0n;
  if (exactIn) {
    const amountRemainingLessFee = mulDiv(amountRemaining, FEE_DENOMINATOR - fee, FEE_DENOMINATOR);
    amountIn = inDelta(sqrtRatioCurrentX96, sqrtRatioTargetX96, true);
    sqrtRatioNextX96 =
      amountRemainingLessFee >= amountIn
        ? sqrtRatioTargetX96
        : getNextSqrtPriceFromInput(sqrtRatioCurrentX96, liquidity, amountRemainingLessFee, zeroForOne);
  } else {
    amountOut = outDelta(sqrtRatioCurrentX96, sqrtRatioTargetX96, false);
    sqrtRatioNextX96 =
      -amountRemaining >= amountOut
        ? sqrtRatioTargetX96
        : getNextSqrtPriceFromOutput(sqrtRatioCurrentX96, liquidity, -amountRemaining, zeroForOne);
  }
  const reachedTarget = sqrtRatioNextX96 === sqrtRatioTargetX96;
  if (!(reachedTarget && exactIn)) amountIn = inDelta(sqrtRatioCurrentX96, sqrtRatioNextX96, true);
  if (!(reachedTarget && !exactIn)) amountOut = outDelta(sqrtRatioCurrentX96, sqrtRatioNextX96, false);
  // An exact output never pays out more than asked, even when the price rounding would allow it.
  if (!exactIn && amountOut > -amountRemaining) amountOut = -amountRemaining;
  const feeAmount =
    exactIn && !reachedTarget ? amountRemaining - amountIn : mulDivRoundingUp(amountIn, fee, FEE_DENOMINATOR - fee);
  return { sqrtRatioNextX96, amountIn, amountOut, feeAmount };
}
