// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice The parts of the real Uniswap V2 / V3 contracts (npm @uniswap/v2-core, @uniswap/v3-core) the test
/// harnesses call, and the mint function every test token has.
interface IMintableToken {
    function mint(address to, uint256 amount) external;
    function balanceOf(address account) external view returns (uint256);
}

interface IRealV2Pair {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint112, uint112, uint32);
    function swap(uint256 amount0Out, uint256 amount1Out, address to, bytes calldata data) external;
    function sync() external;
    function mint(address to) external returns (uint256);
}

interface IRealV3Factory {
    function createPool(address tokenA, address tokenB, uint24 fee) external returns (address);
}

interface IRealV3Pool {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function initialize(uint160 sqrtPriceX96) external;
    function mint(address recipient, int24 tickLower, int24 tickUpper, uint128 amount, bytes calldata data)
        external
        returns (uint256, uint256);
    function swap(address recipient, bool zeroForOne, int256 amountSpecified, uint160 sqrtPriceLimitX96, bytes calldata data)
        external
        returns (int256, int256);
    function slot0() external view returns (uint160, int24, uint16, uint16, uint16, uint8, bool);
    function liquidity() external view returns (uint128);
}
