// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FullMath} from "./FullMath.sol";
import {SqrtPriceMath} from "./SqrtPriceMath.sol";

/// @notice One step of a concentrated-liquidity swap inside a range of constant liquidity: move the price from
/// `current` toward `target` until the remaining amount runs out or the target is reached. The fee (in
/// hundredths of a bip) is taken from the input. amountRemaining > 0 is exact input, < 0 exact output.
library SwapMath {
    uint256 internal constant PIPS = 1e6;

    struct Step {
        uint160 sqrtRatioNextX96;
        uint256 amountIn;
        uint256 amountOut;
        uint256 feeAmount;
    }

    function computeSwapStep(
        uint160 current,
        uint160 target,
        uint128 liquidity,
        int256 amountRemaining,
        uint24 feePips
    ) internal pure returns (Step memory s) {
        bool zeroForOne = current >= target;
        bool exactIn = amountRemaining >= 0;
        if (exactIn) {
            uint256 lessFee = FullMath.mulDiv(uint256(amountRemaining), PIPS - feePips, PIPS);
            s.amountIn = zeroForOne
                ? SqrtPriceMath.getAmount0Delta(target, current, liquidity, true)
                : SqrtPriceMath.getAmount1Delta(current, target, liquidity, true);
            s.sqrtRatioNextX96 = lessFee >= s.amountIn
                ? target
                : SqrtPriceMath.getNextSqrtPriceFromInput(current, liquidity, lessFee, zeroForOne);
        } else {
            s.amountOut = zeroForOne
                ? SqrtPriceMath.getAmount1Delta(target, current, liquidity, false)
                : SqrtPriceMath.getAmount0Delta(current, target, liquidity, false);
            s.sqrtRatioNextX96 = uint256(-amountRemaining) >= s.amountOut
                ? target
                : SqrtPriceMath.getNextSqrtPriceFromOutput(current, liquidity, uint256(-amountRemaining), zeroForOne);
        }
        bool reachedTarget = s.sqrtRatioNextX96 == target;
        uint160 next = s.sqrtRatioNextX96;
        // Recompute whichever amounts the branch above did not fix, for the price actually reached.
        if (zeroForOne) {
            if (!(reachedTarget && exactIn)) s.amountIn = SqrtPriceMath.getAmount0Delta(next, current, liquidity, true);
            if (!(reachedTarget && !exactIn)) s.amountOut = SqrtPriceMath.getAmount1Delta(next, current, liquidity, false);
        } else {
            if (!(reachedTarget && exactIn)) s.amountIn = SqrtPriceMath.getAmount1Delta(current, next, liquidity, true);
            if (!(reachedTarget && !exactIn)) s.amountOut = SqrtPriceMath.getAmount0Delta(current, next, liquidity, false);
        }
        // Exact output never pays out more than asked.
        if (!exactIn && s.amountOut > uint256(-amountRemaining)) s.amountOut = uint256(-amountRemaining);
        // Exact input that stops short keeps the whole remainder as fee; otherwise the fee is on amountIn.
        s.feeAmount = exactIn && next != target
            ? uint256(amountRemaining) - s.amountIn
            : FullMath.mulDivRoundingUp(s.amountIn, feePips, PIPS - feePips);
    }
}
