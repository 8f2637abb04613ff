// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice A lender that takes the call and never lends nor calls back (FlashArb must refuse: LoanNotTaken).
contract SilentLender {
    function flashLoanSimple(address, address, uint256, bytes calldata, uint16) external {}

    function flashLoan(address, address[] calldata, uint256[] calldata, bytes calldata) external {}
}
