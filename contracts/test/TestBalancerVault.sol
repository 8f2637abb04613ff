// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Minimal} from "../interfaces/IERC20Minimal.sol";
import {IBalancerFlashRecipient, IBalancerVault} from "../interfaces/IFlashLenders.sol";

/// @notice A Balancer-V2-Vault-style flash loan: tokens strictly ascending, the vault sends the amounts, calls
/// receiveFlashLoan, then checks its balance of each token grew back by at least the fee. The fee is
/// ceil(amount * feeBps / 1e4); Balancer charges 0 today, which is the default here.
contract TestBalancerVault is IBalancerVault {
    uint16 public immutable feeBps;
    bool private locked;

    event FlashLoan(address indexed recipient, address indexed token, uint256 amount, uint256 feeAmount);

    error Locked();
    error UnsortedTokens();
    error LengthMismatch();
    error InsufficientFlashLoanBalance(address token, uint256 available, uint256 amount);
    error InsufficientFlashLoanFeeAmount(address token, uint256 received, uint256 fee);

    constructor(uint16 feeBps_) {
        feeBps = feeBps_;
    }

    function flashLoan(address recipient, address[] calldata tokens, uint256[] calldata amounts, bytes calldata userData)
        external
        override
    {
        if (locked) revert Locked();
        locked = true;
        if (tokens.length != amounts.length) revert LengthMismatch();
        uint256[] memory fees = new uint256[](tokens.length);
        uint256[] memory pre = new uint256[](tokens.length);
        address previous = address(0);
        for (uint256 i = 0; i < tokens.length; i++) {
            if (tokens[i] <= previous) revert UnsortedTokens();
            previous = tokens[i];
            pre[i] = IERC20Minimal(tokens[i]).balanceOf(address(this));
            if (pre[i] < amounts[i]) revert InsufficientFlashLoanBalance(tokens[i], pre[i], amounts[i]);
            fees[i] = (amounts[i] * feeBps + 9_999) / 10_000;
            IERC20Minimal(tokens[i]).transfer(recipient, amounts[i]);
        }
        IBalancerFlashRecipient(recipient).receiveFlashLoan(tokens, amounts, fees, userData);
        for (uint256 i = 0; i < tokens.length; i++) {
            uint256 post = IERC20Minimal(tokens[i]).balanceOf(address(this));
            uint256 received = post > pre[i] ? post - pre[i] : 0;
            if (post < pre[i] || received < fees[i]) revert InsufficientFlashLoanFeeAmount(tokens[i], received, fees[i]);
            emit FlashLoan(recipient, tokens[i], amounts[i], received);
        }
        locked = false;
    }
}
