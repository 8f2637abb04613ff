// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Minimal} from "../interfaces/IERC20Minimal.sol";
import {IAaveFlashLender, IAaveFlashReceiver} from "../interfaces/IFlashLenders.sol";

/// @notice An Aave-V3-style flashLoanSimple: premium = percentMul(amount, premiumBps), i.e.
/// (amount * bps + 5000) / 10000 (rounded half up, as Aave's PercentageMath). The lender holds the liquidity
/// itself (no aTokens) and pulls amount + premium from the receiver after executeOperation returns true.
contract TestAaveLender is IAaveFlashLender {
    uint256 private constant PERCENTAGE_FACTOR = 1e4;
    uint256 private constant HALF_PERCENTAGE_FACTOR = 0.5e4;

    uint16 public immutable premiumBps;
    bool private locked;

    event FlashLoan(address indexed receiver, address indexed initiator, address indexed asset, uint256 amount, uint256 premium, uint16 referralCode);

    error Locked();
    error InsufficientLiquidity(uint256 available, uint256 amount);
    error InvalidExecutorReturn();

    constructor(uint16 premiumBps_) {
        premiumBps = premiumBps_;
    }

    function premiumFor(uint256 amount) public view returns (uint256) {
        return (amount * premiumBps + HALF_PERCENTAGE_FACTOR) / PERCENTAGE_FACTOR;
    }

    function flashLoanSimple(address receiver, address asset, uint256 amount, bytes calldata params, uint16 referralCode)
        external
        override
    {
        if (locked) revert Locked();
        locked = true;
        uint256 available = IERC20Minimal(asset).balanceOf(address(this));
        if (available < amount) revert InsufficientLiquidity(available, amount);
        uint256 premium = premiumFor(amount);
        IERC20Minimal(asset).transfer(receiver, amount);
        if (!IAaveFlashReceiver(receiver).executeOperation(asset, amount, premium, msg.sender, params)) {
            revert InvalidExecutorReturn();
        }
        IERC20Minimal(asset).transferFrom(receiver, address(this), amount + premium);
        emit FlashLoan(receiver, msg.sender, asset, amount, premium, referralCode);
        locked = false;
    }
}
