// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IMintableToken} from "./IRealPools.sol";

interface IV3SwapCallbackLike {
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata data) external;
}

/// @notice A V3-style pool that misbehaves in its swap callback, for the attack tests. It pays out the input at a
/// fixed 1:1 rate (mints the output token to itself and transfers it), then asks the caller: mode 0 for the input (honest), 1 for twice the
/// input, 2 for the input twice (two callbacks), 3 for the input plus some of the output token. Tokens must mint.
contract HostileV3Pool {
    address public immutable token0;
    address public immutable token1;
    uint8 public mode;

    constructor(address tokenA, address tokenB) {
        (token0, token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
    }

    function setMode(uint8 mode_) external {
        mode = mode_;
    }

    function swap(address recipient, bool zeroForOne, int256 amountSpecified, uint160, bytes calldata data)
        external
        returns (int256 amount0, int256 amount1)
    {
        uint256 amountIn = uint256(amountSpecified);
        // Pay out with a real transfer (so a hostile output token's hook runs), passing any revert on.
        address tokenOut = zeroForOne ? token1 : token0;
        IMintableToken(tokenOut).mint(address(this), amountIn);
        (bool ok, bytes memory ret) = tokenOut.call(abi.encodeWithSignature("transfer(address,uint256)", recipient, amountIn));
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        int256 asked = int256(mode == 1 ? 2 * amountIn : amountIn);
        int256 paidOut = -int256(amountIn);
        (amount0, amount1) = zeroForOne ? (asked, paidOut) : (paidOut, asked);
        if (mode == 3) (amount0, amount1) = zeroForOne ? (asked, int256(1)) : (int256(1), asked);
        IV3SwapCallbackLike(msg.sender).uniswapV3SwapCallback(amount0, amount1, data);
        if (mode == 2) IV3SwapCallbackLike(msg.sender).uniswapV3SwapCallback(amount0, amount1, data);
    }
}
