// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Ticks and Q64.96 sqrt prices: sqrtPriceX96(tick) = sqrt(1.0001^tick) * 2^96, rounded up.
/// getSqrtRatioAtTick multiplies the Q128.128 factors 1/sqrt(1.0001)^(2^i) for each set bit of |tick| (the
/// published constants of the whitepaper's tick math), inverts for positive ticks and rounds up to Q96.
/// getTickAtSqrtRatio is defined as the greatest tick whose sqrt ratio is <= the price; we find it by binary
/// search over getSqrtRatioAtTick, optionally within known bounds, so it equals the definition by construction.
library TickMath {
    int24 internal constant MIN_TICK = -887272;
    int24 internal constant MAX_TICK = 887272;
    uint160 internal constant MIN_SQRT_RATIO = 4295128739;
    uint160 internal constant MAX_SQRT_RATIO = 1461446703485210103287273052203988822378723970342;

    error TickOutOfRange(int24 tick);
    error SqrtRatioOutOfRange(uint160 sqrtPriceX96);

    function getSqrtRatioAtTick(int24 tick) internal pure returns (uint160) {
        uint256 absTick = tick < 0 ? uint256(-int256(tick)) : uint256(int256(tick));
        if (absTick > uint256(int256(MAX_TICK))) revert TickOutOfRange(tick);
        uint256 r = absTick & 0x1 != 0 ? 0xfffcb933bd6fad37aa2d162d1a594001 : 0x100000000000000000000000000000000;
        if (absTick & 0x2 != 0) r = (r * 0xfff97272373d413259a46990580e213a) >> 128;
        if (absTick & 0x4 != 0) r = (r * 0xfff2e50f5f656932ef12357cf3c7fdcc) >> 128;
        if (absTick & 0x8 != 0) r = (r * 0xffe5caca7e10e4e61c3624eaa0941cd0) >> 128;
        if (absTick & 0x10 != 0) r = (r * 0xffcb9843d60f6159c9db58835c926644) >> 128;
        if (absTick & 0x20 != 0) r = (r * 0xff973b41fa98c081472e6896dfb254c0) >> 128;
        if (absTick & 0x40 != 0) r = (r * 0xff2ea16466c96a3843ec78b326b52861) >> 128;
        if (absTick & 0x80 != 0) r = (r * 0xfe5dee046a99a2a811c461f1969c3053) >> 128;
        if (absTick & 0x100 != 0) r = (r * 0xfcbe86c7900a88aedcffc83b479aa3a4) >> 128;
        if (absTick & 0x200 != 0) r = (r * 0xf987a7253ac413176f2b074cf7815e54) >> 128;
        if (absTick & 0x400 != 0) r = (r * 0xf3392b0822b70005940c7a398e4b70f3) >> 128;
        if (absTick & 0x800 != 0) r = (r * 0xe7159475a2c29b7443b29c7fa6e889d9) >> 128;
        if (absTick & 0x1000 != 0) r = (r * 0xd097f3bdfd2022b8845ad8f792aa5825) >> 128;
        if (absTick & 0x2000 != 0) r = (r * 0xa9f746462d870fdf8a65dc1f90e061e5) >> 128;
        if (absTick & 0x4000 != 0) r = (r * 0x70d869a156d2a1b890bb3df62baf32f7) >> 128;
        if (absTick & 0x8000 != 0) r = (r * 0x31be135f97d08fd981231505542fcfa6) >> 128;
        if (absTick & 0x10000 != 0) r = (r * 0x9aa508b5b7a84e1c677de54f3e99bc9) >> 128;
        if (absTick & 0x20000 != 0) r = (r * 0x5d6af8dedb81196699c329225ee604) >> 128;
        if (absTick & 0x40000 != 0) r = (r * 0x2216e584f5fa1ea926041bedfe98) >> 128;
        if (absTick & 0x80000 != 0) r = (r * 0x48a170391f7dc42444e8fa2) >> 128;
        if (tick > 0) r = type(uint256).max / r;
        // Q128.128 -> Q64.96, rounding up.
        return uint160((r >> 32) + (r & 0xffffffff == 0 ? 0 : 1));
    }

    /// @return The greatest tick t with getSqrtRatioAtTick(t) <= sqrtPriceX96.
    function getTickAtSqrtRatio(uint160 sqrtPriceX96) internal pure returns (int24) {
        if (sqrtPriceX96 < MIN_SQRT_RATIO || sqrtPriceX96 >= MAX_SQRT_RATIO) revert SqrtRatioOutOfRange(sqrtPriceX96);
        return tickAtSqrtRatioWithin(sqrtPriceX96, MIN_TICK, MAX_TICK);
    }

    /// @notice The greatest tick t in [lo, hi] with getSqrtRatioAtTick(t) <= sqrtPriceX96; the caller guarantees
    /// getSqrtRatioAtTick(lo) <= sqrtPriceX96 (else lo is returned).
    function tickAtSqrtRatioWithin(uint160 sqrtPriceX96, int24 lo, int24 hi) internal pure returns (int24) {
        while (lo < hi) {
            // Upper midpoint, so the loop always makes progress when lo is kept.
            int24 mid = int24((int256(lo) + int256(hi) + 1) >> 1);
            if (getSqrtRatioAtTick(mid) <= sqrtPriceX96) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }
}
