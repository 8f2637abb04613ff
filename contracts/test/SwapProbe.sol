// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IV3SwapCallback} from "../interfaces/IV3Pool.sol";
import {V2Math} from "../libraries/V2Math.sol";
import {TestERC20} from "./TestERC20.sol";
import {TestV2Pair} from "./TestV2Pair.sol";
import {TestV3Pool} from "./TestV3Pool.sol";

/// @notice Test harness meant for eth_call (nothing it does persists): loads a state into a deployed pool, swaps
/// through the real pool contract, and reports what the pool paid out. Tokens must be TestERC20 (it mints).
contract SwapProbe is IV3SwapCallback {
    error PairNotEmpty();

    struct V2Result {
        /// @dev What the pair paid out for the Solidity getAmountOut quote.
        uint256 amountOut;
        /// @dev The pair's K check rejected one wei more.
        bool plusOneRejected;
        uint112 reserve0After;
        uint112 reserve1After;
    }

    /// @notice Loads reserves into an empty pair (mint + sync), sends amountIn, asks the pair for getAmountOut + 1
    /// (must revert) and then getAmountOut (must pay).
    function probeV2(TestV2Pair pair, uint112 reserve0, uint112 reserve1, bool zeroForOne, uint256 amountIn)
        external
        returns (V2Result memory r)
    {
        (TestERC20 tokenIn, TestERC20 tokenOut) = _loadV2(pair, reserve0, reserve1, zeroForOne);
        tokenIn.mint(address(pair), amountIn);
        uint256 quoted = zeroForOne
            ? V2Math.getAmountOut(amountIn, reserve0, reserve1, pair.feeBps())
            : V2Math.getAmountOut(amountIn, reserve1, reserve0, pair.feeBps());
        try pair.swap(zeroForOne ? 0 : quoted + 1, zeroForOne ? quoted + 1 : 0, address(this), "") {
            return r; // accepted one wei too many: plusOneRejected stays false
        } catch {
            r.plusOneRejected = true;
        }
        uint256 before = tokenOut.balanceOf(address(this));
        pair.swap(zeroForOne ? 0 : quoted, zeroForOne ? quoted : 0, address(this), "");
        r.amountOut = tokenOut.balanceOf(address(this)) - before;
        (r.reserve0After, r.reserve1After,) = pair.getReserves();
    }

    function _loadV2(TestV2Pair pair, uint112 reserve0, uint112 reserve1, bool zeroForOne)
        private
        returns (TestERC20 tokenIn, TestERC20 tokenOut)
    {
        TestERC20 t0 = TestERC20(pair.token0());
        TestERC20 t1 = TestERC20(pair.token1());
        if (t0.balanceOf(address(pair)) != 0 || t1.balanceOf(address(pair)) != 0) revert PairNotEmpty();
        t0.mint(address(pair), reserve0);
        t1.mint(address(pair), reserve1);
        pair.sync();
        (tokenIn, tokenOut) = zeroForOne ? (t0, t1) : (t1, t0);
    }

    struct V3Result {
        int256 amount0;
        int256 amount1;
        uint160 sqrtPriceX96;
        int24 tick;
        uint128 liquidity;
        uint32 ticksCrossed;
        /// @dev Token balance the recipient actually received (the negative delta).
        uint256 received;
    }

    /// @notice Loads a state with setState, gives the pool enough of both tokens to pay out, swaps, and pays the
    /// callback by minting exactly what the pool asks.
    function probeV3(
        TestV3Pool pool,
        uint160 sqrtPriceX96,
        int24 tick,
        uint128 liquidity,
        TestV3Pool.Tick[] calldata ticks,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96
    ) external returns (V3Result memory r) {
        pool.setState(sqrtPriceX96, tick, liquidity, ticks);
        TestERC20 tokenOut = TestERC20(zeroForOne ? pool.token1() : pool.token0());
        tokenOut.mint(address(pool), type(uint256).max - tokenOut.totalSupply());
        uint256 before = tokenOut.balanceOf(address(this));
        (r.amount0, r.amount1) = pool.swap(address(this), zeroForOne, amountSpecified, sqrtPriceLimitX96, "");
        r.received = tokenOut.balanceOf(address(this)) - before;
        r.sqrtPriceX96 = pool.sqrtPriceX96();
        r.tick = pool.tick();
        r.liquidity = pool.liquidity();
        r.ticksCrossed = pool.lastTicksCrossed();
    }

    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external override {
        TestV3Pool pool = TestV3Pool(msg.sender);
        if (amount0Delta > 0) TestERC20(pool.token0()).mint(msg.sender, uint256(amount0Delta));
        if (amount1Delta > 0) TestERC20(pool.token1()).mint(msg.sender, uint256(amount1Delta));
    }
}
