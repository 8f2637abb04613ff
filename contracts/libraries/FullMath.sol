// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Multiply-then-divide with a full 512-bit intermediate product, so a*b may exceed 2^256 as long as the
/// result fits in 256 bits. Written from the standard derivation: the 512-bit product is formed with mulmod, the
/// remainder is subtracted, powers of two are factored out of the divisor, and the odd remainder of the divisor
/// is inverted modulo 2^256 by Newton-Raphson (each step doubles the number of correct bits).
library FullMath {
    error MulDivOverflow();
    error MulDivByZero();

    /// @return result floor(a*b/denominator); reverts if denominator is 0 or the result overflows uint256.
    function mulDiv(uint256 a, uint256 b, uint256 denominator) internal pure returns (uint256 result) {
        unchecked {
            uint256 low = a * b;
            uint256 mm = mulmod(a, b, type(uint256).max);
            uint256 high = mm - low - (mm < low ? 1 : 0);
            if (denominator == 0) revert MulDivByZero();
            if (high == 0) return low / denominator;
            if (denominator <= high) revert MulDivOverflow();

            // Make the 512-bit product exactly divisible by subtracting the remainder.
            uint256 remainder = mulmod(a, b, denominator);
            high -= remainder > low ? 1 : 0;
            low -= remainder;

            // Divide both the product and the denominator by the largest power of two dividing the denominator.
            uint256 twos = denominator & (~denominator + 1);
            denominator /= twos;
            low /= twos;
            // Shift the high word into the low: multiply by 2^256 / twos.
            uint256 flip = ((0 - twos) / twos) + 1;
            low |= high * flip;

            // Inverse of the (now odd) denominator modulo 2^256: start correct to 4 bits, double six times.
            uint256 inverse = (3 * denominator) ^ 2;
            inverse *= 2 - denominator * inverse; // 8 bits
            inverse *= 2 - denominator * inverse; // 16
            inverse *= 2 - denominator * inverse; // 32
            inverse *= 2 - denominator * inverse; // 64
            inverse *= 2 - denominator * inverse; // 128
            inverse *= 2 - denominator * inverse; // 256
            result = low * inverse;
        }
    }

    /// @return result ceil(a*b/denominator); reverts like mulDiv, and if rounding up overflows.
    function mulDivRoundingUp(uint256 a, uint256 b, uint256 denominator) internal pure returns (uint256 result) {
        result = mulDiv(a, b, denominator);
        if (mulmod(a, b, denominator) > 0) {
            if (result == type(uint256).max) revert MulDivOverflow();
            unchecked {
                result++;
            }
        }
    }

    /// @return ceil(x/y); y must be > 0 (division by zero reverts with a panic).
    function divRoundingUp(uint256 x, uint256 y) internal pure returns (uint256) {
        uint256 q = x / y;
        return x % y > 0 ? q + 1 : q;
    }
}
