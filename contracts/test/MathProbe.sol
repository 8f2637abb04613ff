// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FullMath} from "../libraries/FullMath.sol";
import {SqrtPriceMath} from "../libraries/SqrtPriceMath.sol";
import {SwapMath} from "../libraries/SwapMath.sol";
import {TickMath} from "../libraries/TickMath.sol";
import {V2Math} from "../libraries/V2Math.sol";

/// @notice Exposes the math libraries so tests can compare them with the TypeScript engine function by function.
contract MathProbe {
    function mulDiv(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FullMath.mulDiv(a, b, d);
    }

    function mulDivRoundingUp(uint256 a, uint256 b, uint256 d) external pure returns (uint256) {
        return FullMath.mulDivRoundingUp(a, b, d);
    }

    function getSqrtRatioAtTick(int24 tick) external pure returns (uint160) {
        return TickMath.getSqrtRatioAtTick(tick);
    }

    function getTickAtSqrtRatio(uint160 sqrtPriceX96) external pure returns (int24) {
        return TickMath.getTickAtSqrtRatio(sqrtPriceX96);
    }

    /// @notice Many ticks in one call: sqrt ratios of ticks[i], and the tick of each prices[i].
    function tickMathBatch(int24[] calldata ticks, uint160[] calldata prices)
        external
        pure
        returns (uint160[] memory ratios, int24[] memory ticksOfPrices)
    {
        ratios = new uint160[](ticks.length);
        for (uint256 i = 0; i < ticks.length; i++) ratios[i] = TickMath.getSqrtRatioAtTick(ticks[i]);
        ticksOfPrices = new int24[](prices.length);
        for (uint256 i = 0; i < prices.length; i++) ticksOfPrices[i] = TickMath.getTickAtSqrtRatio(prices[i]);
    }

    function getNextSqrtPriceFromInput(uint160 sqrtP, uint128 liquidity, uint256 amountIn, bool zeroForOne)
        external
        pure
        returns (uint160)
    {
        return SqrtPriceMath.getNextSqrtPriceFromInput(sqrtP, liquidity, amountIn, zeroForOne);
    }

    function getNextSqrtPriceFromOutput(uint160 sqrtP, uint128 liquidity, uint256 amountOut, bool zeroForOne)
        external
        pure
        returns (uint160)
    {
        return SqrtPriceMath.getNextSqrtPriceFromOutput(sqrtP, liquidity, amountOut, zeroForOne);
    }

    function getAmount0Delta(uint160 a, uint160 b, uint128 liquidity, bool roundUp) external pure returns (uint256) {
        return SqrtPriceMath.getAmount0Delta(a, b, liquidity, roundUp);
    }

    function getAmount1Delta(uint160 a, uint160 b, uint128 liquidity, bool roundUp) external pure returns (uint256) {
        return SqrtPriceMath.getAmount1Delta(a, b, liquidity, roundUp);
    }

    function computeSwapStep(uint160 current, uint160 target, uint128 liquidity, int256 amountRemaining, uint24 feePips)
        external
        pure
        returns (SwapMath.Step memory)
    {
        return SwapMath.computeSwapStep(current, target, liquidity, amountRemaining, feePips);
    }

    function getAmountOutV2(uint256 amountIn, uint256 reserveIn, uint256 reserveOut, uint256 feeBps)
        external
        pure
        returns (uint256)
    {
        return V2Math.getAmountOut(amountIn, reserveIn, reserveOut, feeBps);
    }

    function getAmountInV2(uint256 amountOut, uint256 reserveIn, uint256 reserveOut, uint256 feeBps)
        external
        pure
        returns (uint256)
    {
        return V2Math.getAmountIn(amountOut, reserveIn, reserveOut, feeBps);
    }
}
