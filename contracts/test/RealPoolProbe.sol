// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMintableToken, IRealV2Pair, IRealV3Factory, IRealV3Pool} from "./IRealPools.sol";

/// @notice eth_call harness (nothing it does persists) for the real Uniswap V2 pair and V3 pool bytecode: loads a
/// state into a real pair / creates a real pool through the real factory with given positions, swaps, and reports
/// what the pool paid. Tokens must have an open `mint` (test tokens).
contract RealPoolProbe {
    error PairNotEmpty();
    error NotThePool();

    struct V2Result {
        /// @dev The pair paid `amountOut` for `amountIn` (its K check passed).
        bool accepted;
        /// @dev The pair's K check refused amountOut + 1.
        bool plusOneRejected;
        /// @dev Tokens this harness actually received.
        uint256 received;
        uint112 reserve0After;
        uint112 reserve1After;
    }

    struct Position {
        int24 tickLower;
        int24 tickUpper;
        uint128 liquidity;
    }

    struct V3Result {
        int256 amount0;
        int256 amount1;
        uint160 sqrtPriceX96;
        int24 tick;
        uint128 liquidity;
        uint256 received;
    }

    address private transient _pool;

    /// @notice Loads reserves into an empty real pair (mint + sync), sends amountIn, asks for amountOut + 1 (the
    /// K check must refuse) and then amountOut.
    function probeV2(IRealV2Pair pair, uint112 reserve0, uint112 reserve1, bool zeroForOne, uint256 amountIn, uint256 amountOut)
        external
        returns (V2Result memory r)
    {
        IMintableToken t0 = IMintableToken(pair.token0());
        IMintableToken t1 = IMintableToken(pair.token1());
        if (t0.balanceOf(address(pair)) != 0 || t1.balanceOf(address(pair)) != 0) revert PairNotEmpty();
        t0.mint(address(pair), reserve0);
        t1.mint(address(pair), reserve1);
        pair.sync();
        (IMintableToken tokenIn, IMintableToken tokenOut) = zeroForOne ? (t0, t1) : (t1, t0);
        tokenIn.mint(address(pair), amountIn);
        try pair.swap(zeroForOne ? 0 : amountOut + 1, zeroForOne ? amountOut + 1 : 0, address(this), "") {}
        catch {
            r.plusOneRejected = true;
        }
        if (!r.plusOneRejected) return r;
        uint256 before = tokenOut.balanceOf(address(this));
        try pair.swap(zeroForOne ? 0 : amountOut, zeroForOne ? amountOut : 0, address(this), "") {
            r.accepted = true;
        } catch {
            return r;
        }
        r.received = tokenOut.balanceOf(address(this)) - before;
        (r.reserve0After, r.reserve1After,) = pair.getReserves();
    }

    /// @notice Creates a real pool through the real factory, initialises it at sqrtPriceX96, mints the positions
    /// (paying by minting tokens) and swaps; the swap callback mints exactly what the pool asks.
    function probeV3(
        IRealV3Factory factory,
        address tokenA,
        address tokenB,
        uint24 fee,
        uint160 sqrtPriceX96,
        Position[] calldata positions,
        bool zeroForOne,
        int256 amountSpecified,
        uint160 sqrtPriceLimitX96
    ) external returns (V3Result memory r) {
        IRealV3Pool pool = IRealV3Pool(factory.createPool(tokenA, tokenB, fee));
        pool.initialize(sqrtPriceX96);
        _pool = address(pool);
        for (uint256 i = 0; i < positions.length; i++) {
            pool.mint(address(this), positions[i].tickLower, positions[i].tickUpper, positions[i].liquidity, "");
        }
        IMintableToken tokenOut = IMintableToken(zeroForOne ? pool.token1() : pool.token0());
        uint256 before = tokenOut.balanceOf(address(this));
        (r.amount0, r.amount1) = pool.swap(address(this), zeroForOne, amountSpecified, sqrtPriceLimitX96, "");
        r.received = tokenOut.balanceOf(address(this)) - before;
        (r.sqrtPriceX96, r.tick,,,,,) = pool.slot0();
        r.liquidity = pool.liquidity();
        _pool = address(0);
    }

    /// @notice Swaps on an existing real pool (eth_call: nothing persists), paying by minting; returns the deltas.
    function swapV3(IRealV3Pool pool, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96)
        external
        returns (int256 amount0, int256 amount1)
    {
        _pool = address(pool);
        (amount0, amount1) = pool.swap(address(this), zeroForOne, amountSpecified, sqrtPriceLimitX96, "");
        _pool = address(0);
    }

    function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes calldata) external {
        _pay(amount0Owed, amount1Owed);
    }

    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external {
        _pay(amount0Delta > 0 ? uint256(amount0Delta) : 0, amount1Delta > 0 ? uint256(amount1Delta) : 0);
    }

    function _pay(uint256 amount0, uint256 amount1) private {
        if (msg.sender != _pool) revert NotThePool();
        if (amount0 > 0) IMintableToken(IRealV3Pool(msg.sender).token0()).mint(msg.sender, amount0);
        if (amount1 > 0) IMintableToken(IRealV3Pool(msg.sender).token1()).mint(msg.sender, amount1);
    }
}
