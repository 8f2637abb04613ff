// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice A Uniswap-V3-style pool as FlashArb uses it.
interface IV3Pool {
    function token0() external view returns (address);
    function token1() external view returns (address);
    /// @return amount0 amount1 Signed deltas of the pool's balances: positive = paid in, negative = paid out.
    function swap(address recipient, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96, bytes calldata data)
        external
        returns (int256 amount0, int256 amount1);
}

/// @notice Called on msg.sender by a V3 pool's swap: pay the positive delta to the pool before returning.
interface IV3SwapCallback {
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata data) external;
}
