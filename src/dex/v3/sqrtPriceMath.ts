/**
 * Next sqrt price after adding or removing an amount of token0 or token1, and the token amounts between two sqrt
 * prices, with Uniswap V3's rounding: every rounding favours the pool (prices round so the trader gets no more,
 * amounts in round up, amounts out round down). Where the core contract switches formula because a uint256
 * intermediate would overflow, we switch at the same point, so results stay bit-exact.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { divRoundingUp, MAX_UINT160, MAX_UINT256, mulDiv, mulDivRoundingUp, Q96 } from './fullMath.ts';

function toUint160(x: bigint): bigint {
  if (x < 0n || x > MAX_UINT160) throw new InvalidInputError('SqrtPriceMath: price out of uint160 range');
  return x;
}

/** Token0 moves the price by L*P / (L ± amount*P), rounded up (the price moves less when adding). */
export function getNextSqrtPriceFromAmount0RoundingUp(
  sqrtPX96: bigint,
  liquidity: bigint,
  amount: bigint,
  add: boolean,
): bigint {
  if (amount === 0n) return sqrtPX96;
  const numerator1 = liquidity << 96n;
  const product = amount * sqrtPX96;
  if (add) {
    if (product <= MAX_UINT256 && numerator1 + product <= MAX_UINT256) {
      return mulDivRoundingUp(numerator1, sqrtPX96, numerator1 + product);
    }
    const denominator = numerator1 / sqrtPX96 + amount;
    if (denominator > MAX_UINT256) throw new InvalidInputError('SqrtPriceMath: add overflows');
    return divRoundingUp(numerator1, denominator);
  }
  if (product > MAX_UINT256 || numerator1 <= product)
    throw new InvalidInputError('SqrtPriceMath: not enough token0 liquidity for the output');
  return toUint160(mulDivRoundingUp(numerator1, sqrtPX96, numerator1 - product));
}

/** Token1 moves the price by amount/L, rounded down (the price moves less when adding, more when removing). */
export function getNextSqrtPriceFromAmount1RoundingDown(
  sqrtPX96: bigint,
  liquidity: bigint,
  amount: bigint,
  add: boolean,
): bigint {
  if (add) {
    const quotient = amount <= MAX_UINT160 ? (amount << 96n) / liquidity : mulDiv(amount, Q96, liquidity);
    return toUint160(sqrtPX96 + quotient);
  }
  const quotient =
    amount <= MAX_UINT160 ? divRoundingUp(amount << 96n, liquidity) : mulDivRoundingUp(amount, Q96, liquidity);
  if (sqrtPX96 <= quotient) throw new InvalidInputError('SqrtPriceMath: not enough token1 liquidity for the output');
  return sqrtPX96 - quotient;
}

function requirePriceAndLiquidity(sqrtPX96: bigint, liquidity: bigint): void {
  if (sqrtPX96 <= 0n) throw new InvalidInputError('SqrtPriceMath: sqrt price must be > 0');
  if (liquidity <= 0n) throw new InvalidInputError('SqrtPriceMath: liquidity must be > 0');
}

/** Price after an exact input of token0 (zeroForOne) or token1; never overshoots the target. */
export function getNextSqrtPriceFromInput(
  sqrtPX96: bigint,
  liquidity: bigint,
  amountIn: bigint,
  zeroForOne: boolean,
): bigint {
  requirePriceAndLiquidity(sqrtPX96, liquidity);
  return zeroForOne
    ? getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountIn, true)
    : getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountIn, true);
}

/** Price after an exact output of token1 (zeroForOne) or token0; passes the target rather than stops short. */
export function getNextSqrtPriceFromOutput(
  sqrtPX96: bigint,
  liquidity: bigint,
  amountOut: bigint,
  zeroForOne: boolean,
): bigint {
  requirePriceAndLiquidity(sqrtPX96, liquidity);
  return zeroForOne
    ? getNextSqrtPriceFromAmount1RoundingDown(sqrtPX96, liquidity, amountOut, false)
    : getNextSqrtPriceFromAmount0RoundingUp(sqrtPX96, liquidity, amountOut, false);
}

/** token0 between two prices: L * (sqrtB - sqrtA) / (sqrtA * sqrtB), in Q96. */
export function getAmount0Delta(
  sqrtRatioAX96: bigint,
  sqrtRatioBX96: bigint,
  liquidity: bigint,
  roundUp: boolean,
): bigint {
  const [lower, upper] =
    sqrtRatioAX96 > sqrtRatioBX96 ? [sqrtRatioBX96, sqrtRatioAX96] : [sqrtRatioAX96, sqrtRatioBX96];
  if (lower <= 0n) throw new InvalidInputError('SqrtPriceMath: sqrt price must be > 0');
  const numerator1 = liquidity << 96n;
  const numerator2 = upper - lower;
  return roundUp
    ? divRoundingUp(mulDivRoundingUp(numerator1, numerator2, upper), lower)
    : mulDiv(numerator1, numerator2, upper) / lower;
}

/** token1 between two prices: L * (sqrtB - sqrtA), in Q96. */
export function getAmount1Delta(
  sqrtRatioAX96: bigint,
  sqrtRatioBX96: bigint,
  liquidity: bigint,
  roundUp: boolean,
): bigint {
  const [lower, upper] =
    sqrtRatioAX96 > sqrtRatioBX96 ? [sqrtRatioBX96, sqrtRatioAX96] : [sqrtRatioAX96, sqrtRatioBX96];
  return roundUp ? mulDivRoundingUp(liquidity, upper - lower, Q96) : mulDiv(liquidity, upper - lower, Q96);
}
