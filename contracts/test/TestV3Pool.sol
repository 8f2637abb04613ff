// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Minimal} from "../interfaces/IERC20Minimal.sol";
import {IV3SwapCallback} from "../interfaces/IV3Pool.sol";
import {SwapMath} from "../libraries/SwapMath.sol";
import {TickMath} from "../libraries/TickMath.sol";

/// @notice A Uniswap-V3-style pool whose swap follows the core pool's algorithm step for step (V3 whitepaper
/// section 6.3): walk to the next initialised tick, or to the edge of the current 256-tick-spacing bitmap word
/// when none lies in it (the real pool searches one bitmap word at a time, and those extra steps change the
/// rounding), cross it and apply its liquidityNet, until the amount is used or the price limit is reached.
/// Initialised ticks are kept as a sorted array instead of a bitmap; fee growth, oracle and protocol fee are
/// omitted because they never change swap amounts (protocol fee off). setState loads any state: test-only.
contract TestV3Pool {
    struct Tick {
        int24 index;
        int128 liquidityNet;
    }

    address public immutable token0;
    address public immutable token1;
    uint24 public immutable fee;
    int24 public immutable tickSpacing;

    uint160 public sqrtPriceX96;
    int24 public tick;
    uint128 public liquidity;
    /// @notice Initialised ticks crossed by the last swap (test instrumentation).
    uint32 public lastTicksCrossed;
    bool private locked;
    Tick[] private ticks;

    event Swap(address indexed sender, address indexed recipient, int256 amount0, int256 amount1, uint160 sqrtPriceX96, uint128 liquidity, int24 tick);
    event StateSet(uint160 sqrtPriceX96, int24 tick, uint128 liquidity, uint256 tickCount);

    error Locked();
    error AmountSpecifiedZero();
    error PriceLimitInvalid(uint160 limit, uint160 sqrtPriceX96);
    error InsufficientInputAmount(uint256 paid, uint256 owed);
    error BadState(string reason);
    error LiquidityUnderflow();
    error LiquidityOverflow();
    error AmountOverflow();

    modifier lock() {
        if (locked) revert Locked();
        locked = true;
        _;
        locked = false;
    }

    constructor(address token0_, address token1_, uint24 fee_, int24 tickSpacing_) {
        if (token0_ >= token1_) revert BadState("token0 must be the lower address");
        if (fee_ >= 1e6) revert BadState("fee");
        if (tickSpacing_ < 1 || tickSpacing_ > 16384) revert BadState("tickSpacing");
        token0 = token0_;
        token1 = token1_;
        fee = fee_;
        tickSpacing = tickSpacing_;
    }

    /// @notice Test-only: replace price, tick, active liquidity and the initialised ticks (sorted ascending).
    function setState(uint160 sqrtPriceX96_, int24 tick_, uint128 liquidity_, Tick[] calldata ticks_) external lock {
        if (sqrtPriceX96_ < TickMath.MIN_SQRT_RATIO || sqrtPriceX96_ >= TickMath.MAX_SQRT_RATIO) revert BadState("sqrtPriceX96");
        if (tick_ < TickMath.MIN_TICK || tick_ >= TickMath.MAX_TICK) revert BadState("tick");
        // The tick is the price's floor tick, or one below when a downward swap ended exactly on a tick.
        if (TickMath.getSqrtRatioAtTick(tick_) > sqrtPriceX96_ || TickMath.getSqrtRatioAtTick(tick_ + 1) < sqrtPriceX96_) {
            revert BadState("tick does not match sqrtPriceX96");
        }
        delete ticks;
        for (uint256 i = 0; i < ticks_.length; i++) {
            Tick calldata t = ticks_[i];
            if (t.index % tickSpacing != 0 || t.index < TickMath.MIN_TICK || t.index > TickMath.MAX_TICK) revert BadState("tick index");
            if (i > 0 && t.index <= ticks_[i - 1].index) revert BadState("ticks not ascending");
            ticks.push(t);
        }
        sqrtPriceX96 = sqrtPriceX96_;
        tick = tick_;
        liquidity = liquidity_;
        emit StateSet(sqrtPriceX96_, tick_, liquidity_, ticks_.length);
    }

    function tickCount() external view returns (uint256) {
        return ticks.length;
    }

    function tickAt(uint256 i) external view returns (int24 index, int128 liquidityNet) {
        Tick storage t = ticks[i];
        return (t.index, t.liquidityNet);
    }

    struct SwapState {
        int256 remaining;
        int256 calculated;
        uint160 sqrtPrice;
        int24 tick;
        uint128 liquidity;
        uint32 crossed;
    }

    function swap(address recipient, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96, bytes calldata data)
        external
        lock
        returns (int256 amount0, int256 amount1)
    {
        if (amountSpecified == 0) revert AmountSpecifiedZero();
        uint160 start = sqrtPriceX96;
        bool limitOk = zeroForOne
            ? sqrtPriceLimitX96 < start && sqrtPriceLimitX96 > TickMath.MIN_SQRT_RATIO
            : sqrtPriceLimitX96 > start && sqrtPriceLimitX96 < TickMath.MAX_SQRT_RATIO;
        if (!limitOk) revert PriceLimitInvalid(sqrtPriceLimitX96, start);

        SwapState memory s = SwapState(amountSpecified, 0, start, tick, liquidity, 0);
        bool exactInput = amountSpecified > 0;
        while (s.remaining != 0 && s.sqrtPrice != sqrtPriceLimitX96) {
            _step(s, zeroForOne, exactInput, sqrtPriceLimitX96);
        }
        (sqrtPriceX96, tick, liquidity, lastTicksCrossed) = (s.sqrtPrice, s.tick, s.liquidity, s.crossed);
        (amount0, amount1) = zeroForOne == exactInput
            ? (amountSpecified - s.remaining, s.calculated)
            : (s.calculated, amountSpecified - s.remaining);
        _settle(recipient, zeroForOne, amount0, amount1, data);
        emit Swap(msg.sender, recipient, amount0, amount1, s.sqrtPrice, s.liquidity, s.tick);
    }

    function _step(SwapState memory s, bool zeroForOne, bool exactInput, uint160 limit) private view {
        uint160 stepStart = s.sqrtPrice;
        (int24 tickNext, bool initialized, uint256 at) = _nextInitializedTickWithinOneWord(s.tick, zeroForOne);
        if (tickNext < TickMath.MIN_TICK) tickNext = TickMath.MIN_TICK;
        else if (tickNext > TickMath.MAX_TICK) tickNext = TickMath.MAX_TICK;
        uint160 sqrtNext = TickMath.getSqrtRatioAtTick(tickNext);
        uint160 target = (zeroForOne ? sqrtNext < limit : sqrtNext > limit) ? limit : sqrtNext;
        SwapMath.Step memory st = SwapMath.computeSwapStep(s.sqrtPrice, target, s.liquidity, s.remaining, fee);
        s.sqrtPrice = st.sqrtRatioNextX96;
        if (exactInput) {
            s.remaining -= _toInt256(st.amountIn + st.feeAmount);
            s.calculated -= _toInt256(st.amountOut);
        } else {
            s.remaining += _toInt256(st.amountOut);
            s.calculated += _toInt256(st.amountIn + st.feeAmount);
        }
        if (s.sqrtPrice == sqrtNext) {
            if (initialized) {
                int128 net = ticks[at].liquidityNet;
                s.liquidity = _addDelta(s.liquidity, zeroForOne ? -net : net);
                s.crossed++;
            }
            s.tick = zeroForOne ? tickNext - 1 : tickNext;
        } else if (s.sqrtPrice != stepStart) {
            // The new tick lies between the step's start tick and tickNext.
            (int24 lo, int24 hi) = s.tick < tickNext ? (s.tick, tickNext) : (tickNext, s.tick);
            s.tick = TickMath.tickAtSqrtRatioWithin(s.sqrtPrice, lo, hi);
        }
    }

    /// @dev The core pool's TickBitmap search on the sorted array: the nearest initialised tick at or below the
    /// current tick (lte) or above it, but never outside the current compressed tick's 256-spacing word.
    function _nextInitializedTickWithinOneWord(int24 tick_, bool lte) private view returns (int24 next, bool initialized, uint256 at) {
        int24 spacing = tickSpacing;
        int24 compressed = tick_ / spacing;
        if (tick_ < 0 && tick_ % spacing != 0) compressed--;
        if (lte) {
            int24 wordStart = compressed - int24(uint24(uint8(uint24(compressed) & 0xff)));
            uint256 i = _lowerBound(compressed * spacing + 1);
            if (i > 0 && ticks[i - 1].index >= wordStart * spacing) return (ticks[i - 1].index, true, i - 1);
            return (wordStart * spacing, false, 0);
        }
        int24 first = compressed + 1;
        int24 wordEnd = first - int24(uint24(uint8(uint24(first) & 0xff))) + 255;
        uint256 j = _lowerBound(first * spacing);
        if (j < ticks.length && ticks[j].index <= wordEnd * spacing) return (ticks[j].index, true, j);
        return (wordEnd * spacing, false, 0);
    }

    /// @dev First array position whose tick index is >= value.
    function _lowerBound(int24 value) private view returns (uint256 lo) {
        uint256 hi = ticks.length;
        while (lo < hi) {
            uint256 mid = (lo + hi) >> 1;
            if (ticks[mid].index < value) lo = mid + 1;
            else hi = mid;
        }
    }

    function _settle(address recipient, bool zeroForOne, int256 amount0, int256 amount1, bytes calldata data) private {
        (address tokenIn, address tokenOut) = zeroForOne ? (token0, token1) : (token1, token0);
        (int256 owed, int256 paidOut) = zeroForOne ? (amount0, amount1) : (amount1, amount0);
        if (paidOut < 0) IERC20Minimal(tokenOut).transfer(recipient, uint256(-paidOut));
        uint256 before = IERC20Minimal(tokenIn).balanceOf(address(this));
        IV3SwapCallback(msg.sender).uniswapV3SwapCallback(amount0, amount1, data);
        uint256 paid = IERC20Minimal(tokenIn).balanceOf(address(this)) - before;
        if (owed > 0 && paid < uint256(owed)) revert InsufficientInputAmount(paid, uint256(owed));
    }

    function _addDelta(uint128 x, int128 delta) private pure returns (uint128) {
        if (delta < 0) {
            uint128 d = uint128(-delta);
            if (d > x) revert LiquidityUnderflow();
            return x - d;
        }
        uint256 y = uint256(x) + uint128(delta);
        if (y > type(uint128).max) revert LiquidityOverflow();
        return uint128(y);
    }

    function _toInt256(uint256 x) private pure returns (int256) {
        if (x > uint256(type(int256).max)) revert AmountOverflow();
        return int256(x);
    }
}
