// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Minimal} from "./interfaces/IERC20Minimal.sol";
import {IAaveFlashLender, IAaveFlashReceiver, IBalancerFlashRecipient, IBalancerVault} from "./interfaces/IFlashLenders.sol";
import {IV2Callee, IV2Pair} from "./interfaces/IV2Pair.sol";
import {IV3Pool, IV3SwapCallback} from "./interfaces/IV3Pool.sol";
import {TickMath} from "./libraries/TickMath.sol";
import {V2Math} from "./libraries/V2Math.sol";

/// @title FlashArb
/// @notice Borrows `amount` of `asset` with a flash loan (Aave-style flashLoanSimple, Balancer-style vault, or a
/// Uniswap-V2-style flash swap), runs a closed route of V2 and V3 pool swaps that starts and ends in `asset`,
/// repays the loan and sends the profit to the owner. Every hop has a minimum output (HopOutputTooLow), and the
/// whole trade reverts with InsufficientProfit unless profit after repayment is at least minProfit, so a route
/// that went bad between quote and inclusion costs only gas.
/// Security: only the owner starts a loan. A loan callback is accepted only from the lender this contract just
/// called, only once, and only for the exact (asset, amount, route) it started (hash kept in transient storage,
/// so nothing survives the transaction); a V3 swap callback only from the pool being swapped at that moment.
/// Profit accounting: profit = final output - (amount + fee); tokens already held by the contract are never
/// used. A V3 hop that hits its price limit can leave unspent input here; the owner can withdraw it.
contract FlashArb is IAaveFlashReceiver, IBalancerFlashRecipient, IV2Callee, IV3SwapCallback {
    enum LenderKind {
        Aave,
        Balancer,
        UniswapV2
    }

    struct Loan {
        LenderKind kind;
        /// @dev Aave pool, Balancer vault, or the V2 pair to flash-swap from (must not be a pool of the route).
        address lender;
        address asset;
        uint256 amount;
        /// @dev UniswapV2 only: the lending pair's swap fee in basis points (the flash swap repays through it).
        uint16 v2FeeBps;
    }

    struct Hop {
        address pool;
        bool isV3;
        /// @dev true: pool token0 in, token1 out.
        bool zeroForOne;
        /// @dev V2 only: the pair's swap fee in basis points (30 for Uniswap V2).
        uint16 feeBps;
        /// @dev V3 only: price limit, 0 for none.
        uint160 sqrtPriceLimitX96;
        /// @dev Revert with HopOutputTooLow if this hop yields less.
        uint256 minOut;
    }

    address public immutable owner;

    address private transient _lender;
    bytes32 private transient _loanHash;
    address private transient _activeV3Pool;
    int256 private transient _profit;
    uint16 private transient _v2FeeBps;

    event ArbExecuted(LenderKind indexed kind, address indexed asset, uint256 amount, uint256 amountOut, uint256 fee, int256 profit);

    error NotOwner();
    error UnauthorizedCallback();
    error LoanInFlight();
    error LoanNotTaken();
    error EmptyRoute();
    error AssetNotInPair(address asset, address pair);
    error HopTokenMismatch(uint256 hop, address expected, address actual);
    error HopOutputTooLow(uint256 hop, uint256 out, uint256 minOut);
    error RouteNotClosed(address endToken, address asset);
    error InsufficientProfit(int256 profit, uint256 minProfit);
    error AmountTooLarge();
    error FeeTooHigh(uint16 feeBps);
    error TransferFailed(address token);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    /// @notice Takes the loan and runs the route; returns the profit sent to the owner (use with eth_call to
    /// simulate). Reverts with a named error on any failed guard.
    function execute(Loan calldata loan, Hop[] calldata hops, uint256 minProfit) external onlyOwner returns (int256 profit) {
        if (_lender != address(0)) revert LoanInFlight();
        if (hops.length == 0) revert EmptyRoute();
        if (loan.amount > uint256(type(int256).max)) revert AmountTooLarge();
        bytes memory data = abi.encode(hops, minProfit);
        _lender = loan.lender;
        _loanHash = keccak256(abi.encode(loan.asset, loan.amount, data));
        if (loan.kind == LenderKind.Aave) {
            IAaveFlashLender(loan.lender).flashLoanSimple(address(this), loan.asset, loan.amount, data, 0);
        } else if (loan.kind == LenderKind.Balancer) {
            address[] memory tokens = new address[](1);
            uint256[] memory amounts = new uint256[](1);
            (tokens[0], amounts[0]) = (loan.asset, loan.amount);
            IBalancerVault(loan.lender).flashLoan(address(this), tokens, amounts, data);
        } else {
            IV2Pair pair = IV2Pair(loan.lender);
            bool isToken0 = pair.token0() == loan.asset;
            if (!isToken0 && pair.token1() != loan.asset) revert AssetNotInPair(loan.asset, loan.lender);
            if (loan.v2FeeBps >= 10_000) revert FeeTooHigh(loan.v2FeeBps);
            _v2FeeBps = loan.v2FeeBps;
            pair.swap(isToken0 ? loan.amount : 0, isToken0 ? 0 : loan.amount, address(this), data);
        }
        if (_loanHash != bytes32(0)) revert LoanNotTaken();
        _lender = address(0);
        profit = _profit;
        _profit = 0;
    }

    /// @notice Aave-style callback: the lender pulls amount + premium after this returns.
    function executeOperation(address asset, uint256 amount, uint256 premium, address initiator, bytes calldata params)
        external
        override
        returns (bool)
    {
        if (initiator != address(this)) revert UnauthorizedCallback();
        _authorize(asset, amount, params);
        uint256 owed = amount + premium;
        _runAndPayOwner(LenderKind.Aave, asset, amount, owed, params);
        if (!IERC20Minimal(asset).approve(msg.sender, owed)) revert TransferFailed(asset);
        return true;
    }

    /// @notice Balancer-style callback: repay amount + fee to the vault before returning.
    function receiveFlashLoan(
        address[] calldata tokens,
        uint256[] calldata amounts,
        uint256[] calldata feeAmounts,
        bytes calldata userData
    ) external override {
        if (tokens.length != 1 || amounts.length != 1 || feeAmounts.length != 1) revert UnauthorizedCallback();
        _authorize(tokens[0], amounts[0], userData);
        uint256 owed = amounts[0] + feeAmounts[0];
        _runAndPayOwner(LenderKind.Balancer, tokens[0], amounts[0], owed, userData);
        _send(tokens[0], msg.sender, owed);
    }

    /// @notice V2 flash-swap callback: repay the same token, enough for the pair's fee-adjusted K check:
    /// owed = ceil(amount * 1e4 / (1e4 - feeBps)).
    function uniswapV2Call(address sender, uint256 amount0, uint256 amount1, bytes calldata data) external override {
        // Check the caller before calling back into it (an EOA or a hostile contract must not be queried).
        if (_lender == address(0) || msg.sender != _lender) revert UnauthorizedCallback();
        if (sender != address(this) || (amount0 == 0) == (amount1 == 0)) revert UnauthorizedCallback();
        IV2Pair pair = IV2Pair(msg.sender);
        (address asset, uint256 amount) = amount0 > 0 ? (pair.token0(), amount0) : (pair.token1(), amount1);
        _authorize(asset, amount, data);
        uint256 fee = _v2FeeBps;
        uint256 owed = (amount * 10_000 + (10_000 - fee) - 1) / (10_000 - fee);
        _runAndPayOwner(LenderKind.UniswapV2, asset, amount, owed, data);
        _send(asset, msg.sender, owed);
    }

    /// @notice V3 swap callback: pay what the pool being swapped asks, to that pool only.
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external override {
        address pool = _activeV3Pool;
        if (pool == address(0) || msg.sender != pool) revert UnauthorizedCallback();
        if (amount0Delta > 0) _send(IV3Pool(pool).token0(), pool, uint256(amount0Delta));
        if (amount1Delta > 0) _send(IV3Pool(pool).token1(), pool, uint256(amount1Delta));
    }

    /// @notice Owner-only recovery of tokens held by the contract (e.g. unspent input of a limited V3 hop).
    function withdraw(address token, address to, uint256 amount) external onlyOwner {
        _send(token, to, amount);
    }

    function _authorize(address asset, uint256 amount, bytes calldata data) private {
        address lender = _lender;
        if (lender == address(0) || msg.sender != lender) revert UnauthorizedCallback();
        if (_loanHash != keccak256(abi.encode(asset, amount, data))) revert UnauthorizedCallback();
        _loanHash = bytes32(0); // one callback per loan
    }

    function _runAndPayOwner(LenderKind kind, address asset, uint256 amount, uint256 owed, bytes calldata data) private {
        (Hop[] memory hops, uint256 minProfit) = abi.decode(data, (Hop[], uint256));
        uint256 out = _runRoute(asset, amount, hops);
        int256 profit = int256(out) - int256(owed);
        if (profit < 0 || uint256(profit) < minProfit) revert InsufficientProfit(profit, minProfit);
        _profit = profit;
        if (profit > 0) _send(asset, owner, uint256(profit));
        emit ArbExecuted(kind, asset, amount, out, owed - amount, profit);
    }

    function _runRoute(address asset, uint256 amount, Hop[] memory hops) private returns (uint256) {
        address token = asset;
        uint256 amt = amount;
        for (uint256 i = 0; i < hops.length; i++) {
            Hop memory h = hops[i];
            address t0 = IV2Pair(h.pool).token0();
            address t1 = IV2Pair(h.pool).token1();
            (address tokenIn, address tokenOut) = h.zeroForOne ? (t0, t1) : (t1, t0);
            if (tokenIn != token) revert HopTokenMismatch(i, token, tokenIn);
            uint256 out = h.isV3 ? _swapV3(h, amt) : _swapV2(h, amt, tokenIn);
            if (out < h.minOut) revert HopOutputTooLow(i, out, h.minOut);
            (token, amt) = (tokenOut, out);
        }
        if (token != asset) revert RouteNotClosed(token, asset);
        return amt;
    }

    function _swapV2(Hop memory h, uint256 amountIn, address tokenIn) private returns (uint256 out) {
        IV2Pair pair = IV2Pair(h.pool);
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (uint256 reserveIn, uint256 reserveOut) = h.zeroForOne ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        out = V2Math.getAmountOut(amountIn, reserveIn, reserveOut, h.feeBps);
        _send(tokenIn, address(pair), amountIn);
        pair.swap(h.zeroForOne ? 0 : out, h.zeroForOne ? out : 0, address(this), "");
    }

    function _swapV3(Hop memory h, uint256 amountIn) private returns (uint256) {
        if (amountIn > uint256(type(int256).max)) revert AmountTooLarge();
        uint160 limit = h.sqrtPriceLimitX96 != 0
            ? h.sqrtPriceLimitX96
            : (h.zeroForOne ? TickMath.MIN_SQRT_RATIO + 1 : TickMath.MAX_SQRT_RATIO - 1);
        _activeV3Pool = h.pool;
        (int256 a0, int256 a1) = IV3Pool(h.pool).swap(address(this), h.zeroForOne, int256(amountIn), limit, "");
        _activeV3Pool = address(0);
        int256 received = h.zeroForOne ? a1 : a0;
        return received < 0 ? uint256(-received) : 0;
    }

    function _send(address token, address to, uint256 amount) private {
        if (!IERC20Minimal(token).transfer(to, amount)) revert TransferFailed(token);
    }
}
