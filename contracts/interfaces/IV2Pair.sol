// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice A Uniswap-V2-style pair as FlashArb uses it. `feeBps` is this project's extension (forks charge
/// different fees); a pair without it is treated by its deployer, who passes the fee in the route.
interface IV2Pair {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function feeBps() external view returns (uint16);
    function getReserves() external view returns (uint112 reserve0, uint112 reserve1, uint32 blockTimestampLast);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
}

/// @notice Called on `to` by a V2 pair's swap when `data` is not empty (a flash swap).
interface IV2Callee {
    function uniswapV2Call(address sender, uint256 amount0, uint256 amount1, bytes calldata data) external;
}
