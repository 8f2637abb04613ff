// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMintableToken, IRealV3Pool} from "./IRealPools.sol";

/// @notice Adds liquidity to a real Uniswap V3 pool for tests: calls pool.mint and pays the mint callback by
/// minting the owed test tokens straight to the pool. The position belongs to this helper.
contract V3LiquidityHelper {
    error NotThePool();

    address private transient _pool;

    function mint(IRealV3Pool pool, int24 tickLower, int24 tickUpper, uint128 liquidity) external {
        _pool = address(pool);
        pool.mint(address(this), tickLower, tickUpper, liquidity, "");
        _pool = address(0);
    }

    function uniswapV3MintCallback(uint256 amount0Owed, uint256 amount1Owed, bytes calldata) external {
        if (msg.sender != _pool) revert NotThePool();
        IRealV3Pool pool = IRealV3Pool(msg.sender);
        if (amount0Owed > 0) IMintableToken(pool.token0()).mint(msg.sender, amount0Owed);
        if (amount1Owed > 0) IMintableToken(pool.token1()).mint(msg.sender, amount1Owed);
    }
}
