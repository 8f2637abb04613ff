// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FullMath} from "./FullMath.sol";

/// @notice Price movement and token amounts of concentrated liquidity, from the V3 whitepaper (section 6.2):
/// between sqrt prices a < b with liquidity L, token0 = L*(b-a)/(a*b) and token1 = L*(b-a). Rounding always
/// favours the pool: amounts paid in round up, amounts paid out round down, and the next price rounds so the
/// trader never gets more. Where an intermediate would overflow 256 bits we switch to an equivalent formula.
library SqrtPriceMath {
    uint256 internal constant Q96 = 0x1000000000000000000000000;
    uint256 internal constant MAX_UINT160 = type(uint160).max;

    error PriceOverflow();
    error NotEnoughLiquidity();
    error ZeroPriceOrLiquidity();

    function _toUint160(uint256 x) private pure returns (uint160) {
        if (x > MAX_UINT160) revert PriceOverflow();
        return uint160(x);
    }

    /// @notice Next price after adding (or removing) `amount` of token0: L*P/(L ± amount*P), rounded up.
    function getNextSqrtPriceFromAmount0RoundingUp(uint160 sqrtP, uint128 liquidity, uint256 amount, bool add)
        internal
        pure
        returns (uint160)
    {
        if (amount == 0) return sqrtP;
        uint256 numerator1 = uint256(liquidity) << 96;
        uint256 product;
        bool productFits;
        unchecked {
            product = amount * sqrtP;
            productFits = product / amount == sqrtP;
        }
        if (add) {
            if (productFits) {
                unchecked {
                    uint256 denominator = numerator1 + product;
                    if (denominator >= numerator1) {
                        return uint160(FullMath.mulDivRoundingUp(numerator1, sqrtP, denominator));
                    }
                }
            }
            // Equivalent form L / (L/P + amount), without the overflowing product (checked addition).
            return uint160(FullMath.divRoundingUp(numerator1, (numerator1 / sqrtP) + amount));
        }
        if (!productFits || numerator1 <= product) revert NotEnoughLiquidity();
        return _toUint160(FullMath.mulDivRoundingUp(numerator1, sqrtP, numerator1 - product));
    }

    /// @notice Next price after adding (or removing) `amount` of token1: P ± amount/L, rounded down.
    function getNextSqrtPriceFromAmount1RoundingDown(uint160 sqrtP, uint128 liquidity, uint256 amount, bool add)
        internal
        pure
        returns (uint160)
    {
        if (add) {
            uint256 quotient = amount <= MAX_UINT160 ? (amount << 96) / liquidity : FullMath.mulDiv(amount, Q96, liquidity);
            return _toUint160(uint256(sqrtP) + quotient);
        }
        uint256 q = amount <= MAX_UINT160
            ? FullMath.divRoundingUp(amount << 96, liquidity)
            : FullMath.mulDivRoundingUp(amount, Q96, liquidity);
        if (sqrtP <= q) revert NotEnoughLiquidity();
        return uint160(sqrtP - q);
    }

    function getNextSqrtPriceFromInput(uint160 sqrtP, uint128 liquidity, uint256 amountIn, bool zeroForOne)
        internal
        pure
        returns (uint160)
    {
        if (sqrtP == 0 || liquidity == 0) revert ZeroPriceOrLiquidity();
        return zeroForOne
            ? getNextSqrtPriceFromAmount0RoundingUp(sqrtP, liquidity, amountIn, true)
            : getNextSqrtPriceFromAmount1RoundingDown(sqrtP, liquidity, amountIn, true);
    }

    function getNextSqrtPriceFromOutput(uint160 sqrtP, uint128 liquidity, uint256 amountOut, bool zeroForOne)
        internal
        pure
        returns (uint160)
    {
        if (sqrtP == 0 || liquidity == 0) revert ZeroPriceOrLiquidity();
        return zeroForOne
            ? getNextSqrtPriceFromAmount1RoundingDown(sqrtP, liquidity, amountOut, false)
            : getNextSqrtPriceFromAmount0RoundingUp(sqrtP, liquidity, amountOut, false);
    }

    /// @return token0 between the two prices: L*2^96*(b-a)/b/a.
    function getAmount0Delta(uint160 a, uint160 b, uint128 liquidity, bool roundUp) internal pure returns (uint256) {
        if (a > b) (a, b) = (b, a);
        if (a == 0) revert ZeroPriceOrLiquidity();
        uint256 numerator1 = uint256(liquidity) << 96;
        uint256 numerator2 = b - a;
        return roundUp
            ? FullMath.divRoundingUp(FullMath.mulDivRoundingUp(numerator1, numerator2, b), a)
            : FullMath.mulDiv(numerator1, numerator2, b) / a;
    }

    /// @return token1 between the two prices: L*(b-a)/2^96.
    function getAmount1Delta(uint160 a, uint160 b, uint128 liquidity, bool roundUp) internal pure returns (uint256) {
        if (a > b) (a, b) = (b, a);
        return roundUp ? FullMath.mulDivRoundingUp(liquidity, b - a, Q96) : FullMath.mulDiv(liquidity, b - a, Q96);
    }
}
