// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Aave V3 Pool's single-asset flash loan: the receiver gets `amount`, its executeOperation is called and
/// must return true, then the pool pulls amount + premium with transferFrom (the receiver approves it).
interface IAaveFlashLender {
    function flashLoanSimple(address receiver, address asset, uint256 amount, bytes calldata params, uint16 referralCode)
        external;
}

interface IAaveFlashReceiver {
    function executeOperation(address asset, uint256 amount, uint256 premium, address initiator, bytes calldata params)
        external
        returns (bool);
}

/// @notice Balancer V2 Vault flash loan: the recipient gets the amounts, receiveFlashLoan is called and must
/// transfer amount + fee back to the vault before returning.
interface IBalancerVault {
    function flashLoan(address recipient, address[] calldata tokens, uint256[] calldata amounts, bytes calldata userData)
        external;
}

interface IBalancerFlashRecipient {
    function receiveFlashLoan(
        address[] calldata tokens,
        uint256[] calldata amounts,
        uint256[] calldata feeAmounts,
        bytes calldata userData
    ) external;
}
