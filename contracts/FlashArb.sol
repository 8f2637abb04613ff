// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {IERC20Minimal} from "./interfaces/IERC20Minimal.sol";
import {IAaveFlashLender, IAaveFlashReceiver, IBalancerFlashRecipient, IBalancerVault} from "./interfaces/IFlashLenders.sol";
import {IV2Callee, IV2Pair} from "./interfaces/IV2Pair.sol";
import {IV3Pool, IV3SwapCallback} from "./interfaces/IV3Pool.sol";
import {TickMath} from "./libraries/TickMath.sol";
import {V2Math} from "./libraries/V2Math.sol";

/// @title FlashArb
/// @notice Borrows `amount` of `asset` with a flash loan (Aave V3 flashLoanSimple, Balancer V2 vault, or a Uniswap
/// V2 flash swap), runs a closed route of V2 and V3 pool swaps that starts and ends in `asset`, repays the loan and
/// sends the profit to the owner (optionally a share of it to block.coinbase). Every hop has a minimum output
/// (HopOutputTooLow) and the trade reverts with InsufficientProfit unless the owner's profit is at least minProfit,
/// so a route that went bad between quote and inclusion costs only gas; past its deadline block it costs < 40k gas.
/// Security: only the owner starts a loan. A loan callback is accepted only from the lender this contract just
/// called, once, for the exact (asset, amount, route) it started (transient storage). A V3 swap callback is
/// accepted only from the pool being swapped, once per hop, for at most the hop's input of the hop's input token.
/// Tokens: transfers and approvals accept tokens that return nothing (USDT) and revert on a false return; every
/// amount moved on is measured by balance change (fee-on-transfer safe), so tokens the contract already held are
/// never spent; allowances are reset after repayment, and a call ends holding nothing it did not hold before.
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
        /// @dev Revert with HopOutputTooLow if this hop yields less (measured by balance change).
        uint256 minOut;
    }

    address public immutable owner;

    address private transient _lender;
    bytes32 private transient _loanHash;
    int256 private transient _profit;
    uint16 private transient _v2FeeBps;
    uint16 private transient _coinbaseBps;
    /// @dev Balance of the loan asset before the loan: never spent, never counted as profit.
    uint256 private transient _held;
    /// @dev The V3 hop in flight: pool, input token, direction, most it may take, whether it may still ask.
    address private transient _v3Pool;
    address private transient _v3TokenIn;
    bool private transient _v3ZeroForOne;
    bool private transient _v3Open;
    uint256 private transient _v3MaxIn;
    uint256 private transient _v3Paid;

    event ArbExecuted(LenderKind indexed kind, address indexed asset, uint256 amount, uint256 amountOut, uint256 fee, int256 profit);
    event CoinbasePaid(address indexed coinbase, address indexed asset, uint256 amount);

    error NotOwner();
    error Expired(uint256 deadline, uint256 blockNumber);
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
    error CoinbaseShareTooHigh(uint16 bps);
    error V3PaymentTooHigh(uint256 asked, uint256 maxIn);
    error TransferFailed(address token);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner();
        _;
    }

    constructor() {
        owner = msg.sender;
    }

    /// @notice Takes the loan and runs the route with no deadline and no coinbase payment; returns the owner's
    /// profit (use with eth_call to simulate).
    function execute(Loan calldata loan, Hop[] calldata hops, uint256 minProfit) external onlyOwner returns (int256) {
        return _execute(loan, hops, minProfit, 0);
    }

    /// @notice As execute, but reverts with Expired (first, so cheaply) once block.number > deadline, and pays
    /// coinbaseBps of the realised profit to block.coinbase in the borrowed token; minProfit applies to the rest.
    function executeWithDeadline(Loan calldata loan, Hop[] calldata hops, uint256 minProfit, uint256 deadline, uint16 coinbaseBps)
        external
        returns (int256)
    {
        if (block.number > deadline) revert Expired(deadline, block.number);
        if (msg.sender != owner) revert NotOwner();
        if (coinbaseBps > 10_000) revert CoinbaseShareTooHigh(coinbaseBps);
        return _execute(loan, hops, minProfit, coinbaseBps);
    }

    function _execute(Loan calldata loan, Hop[] calldata hops, uint256 minProfit, uint16 coinbaseBps) private returns (int256 profit) {
        if (_lender != address(0)) revert LoanInFlight();
        if (hops.length == 0) revert EmptyRoute();
        if (loan.amount > uint256(type(int256).max)) revert AmountTooLarge();
        bytes memory data = abi.encode(hops, minProfit);
        _lender = loan.lender;
        _loanHash = keccak256(abi.encode(loan.asset, loan.amount, data));
        _coinbaseBps = coinbaseBps;
        _held = _balanceOf(loan.asset);
        if (loan.kind == LenderKind.Aave) {
            IAaveFlashLender(loan.lender).flashLoanSimple(address(this), loan.asset, loan.amount, data, 0);
            // The pool pulled what it was owed; no allowance outlives the loan.
            if (IERC20Minimal(loan.asset).allowance(address(this), loan.lender) != 0) _approve(loan.asset, loan.lender, 0);
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

    /// @notice Aave callback: the pool pulls amount + premium after this returns.
    function executeOperation(address asset, uint256 amount, uint256 premium, address initiator, bytes calldata params)
        external
        override
        returns (bool)
    {
        if (initiator != address(this)) revert UnauthorizedCallback();
        _authorize(asset, amount, params);
        uint256 owed = amount + premium;
        _runAndPayOwner(LenderKind.Aave, asset, amount, owed, params);
        _approve(asset, msg.sender, owed);
        return true;
    }

    /// @notice Balancer callback: repay amount + fee to the vault before returning.
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

    /// @notice V3 swap callback: only the pool of the hop in flight, once, at most the hop's input, in its input token.
    function uniswapV3SwapCallback(int256 amount0Delta, int256 amount1Delta, bytes calldata) external override {
        address pool = _v3Pool;
        if (pool == address(0) || msg.sender != pool || !_v3Open) revert UnauthorizedCallback();
        _v3Open = false;
        (int256 asked, int256 other) = _v3ZeroForOne ? (amount0Delta, amount1Delta) : (amount1Delta, amount0Delta);
        if (asked < 0 || other > 0) revert UnauthorizedCallback();
        uint256 maxIn = _v3MaxIn;
        if (uint256(asked) > maxIn) revert V3PaymentTooHigh(uint256(asked), maxIn);
        _v3Paid = uint256(asked);
        if (asked > 0) _send(_v3TokenIn, pool, uint256(asked));
    }

    /// @notice Owner-only recovery of tokens held by the contract; never while a loan is in flight.
    function withdraw(address token, address to, uint256 amount) external onlyOwner {
        if (_lender != address(0)) revert LoanInFlight();
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
        uint256 held = _held;
        // What actually arrived (a fee-on-transfer asset delivers less than `amount`).
        _runRoute(asset, _balanceOf(asset) - held, hops);
        uint256 out = _balanceOf(asset) - held;
        int256 profit = int256(out) - int256(owed);
        uint256 share = profit > 0 ? (uint256(profit) * _coinbaseBps) / 10_000 : 0;
        int256 ownerProfit = profit - int256(share);
        if (profit < 0 || uint256(ownerProfit) < minProfit) revert InsufficientProfit(ownerProfit, minProfit);
        _profit = ownerProfit;
        if (share > 0) {
            _send(asset, block.coinbase, share);
            emit CoinbasePaid(block.coinbase, asset, share);
        }
        if (ownerProfit > 0) _send(asset, owner, uint256(ownerProfit));
        emit ArbExecuted(kind, asset, amount, out, owed - amount, ownerProfit);
    }

    function _runRoute(address asset, uint256 amount, Hop[] memory hops) private {
        address token = asset;
        uint256 amt = amount;
        for (uint256 i = 0; i < hops.length; i++) {
            Hop memory h = hops[i];
            address t0 = IV2Pair(h.pool).token0();
            address t1 = IV2Pair(h.pool).token1();
            (address tokenIn, address tokenOut) = h.zeroForOne ? (t0, t1) : (t1, t0);
            if (tokenIn != token) revert HopTokenMismatch(i, token, tokenIn);
            uint256 before = _balanceOf(tokenOut);
            if (h.isV3) _swapV3(h, amt, tokenIn, asset);
            else _swapV2(h, amt, tokenIn);
            uint256 out = _balanceOf(tokenOut) - before;
            if (out < h.minOut) revert HopOutputTooLow(i, out, h.minOut);
            (token, amt) = (tokenOut, out);
        }
        if (token != asset) revert RouteNotClosed(token, asset);
    }

    function _swapV2(Hop memory h, uint256 amountIn, address tokenIn) private {
        IV2Pair pair = IV2Pair(h.pool);
        (uint112 r0, uint112 r1,) = pair.getReserves();
        (uint256 reserveIn, uint256 reserveOut) = h.zeroForOne ? (uint256(r0), uint256(r1)) : (uint256(r1), uint256(r0));
        _send(tokenIn, address(pair), amountIn);
        // Quote what the pair actually received (less than amountIn for a fee-on-transfer token).
        uint256 received = IERC20Minimal(tokenIn).balanceOf(address(pair)) - reserveIn;
        uint256 out = V2Math.getAmountOut(received, reserveIn, reserveOut, h.feeBps);
        pair.swap(h.zeroForOne ? 0 : out, h.zeroForOne ? out : 0, address(this), "");
    }

    function _swapV3(Hop memory h, uint256 amountIn, address tokenIn, address asset) private {
        if (amountIn > uint256(type(int256).max)) revert AmountTooLarge();
        uint160 limit = h.sqrtPriceLimitX96 != 0
            ? h.sqrtPriceLimitX96
            : (h.zeroForOne ? TickMath.MIN_SQRT_RATIO + 1 : TickMath.MAX_SQRT_RATIO - 1);
        (_v3Pool, _v3TokenIn, _v3ZeroForOne, _v3Open, _v3MaxIn, _v3Paid) = (h.pool, tokenIn, h.zeroForOne, true, amountIn, 0);
        IV3Pool(h.pool).swap(address(this), h.zeroForOne, int256(amountIn), limit, "");
        uint256 paid = _v3Paid;
        (_v3Pool, _v3Open) = (address(0), false);
        // Input a price limit left unspent: the loan asset stays (it counts toward repayment), any other token goes
        // to the owner so the contract keeps nothing.
        if (paid < amountIn && tokenIn != asset) _send(tokenIn, owner, amountIn - paid);
    }

    function _balanceOf(address token) private view returns (uint256) {
        return IERC20Minimal(token).balanceOf(address(this));
    }

    /// @dev transfer that accepts a missing return value (USDT) from a contract, and reverts on false (a token's
    /// own revert is passed on as it is).
    function _send(address token, address to, uint256 amount) private {
        (bool ok, bytes memory ret) = token.call(abi.encodeCall(IERC20Minimal.transfer, (to, amount)));
        if (!_succeeded(token, ok, ret)) revert TransferFailed(token);
    }

    /// @dev approve, through 0 first when an allowance is left (USDT refuses non-zero to non-zero).
    function _approve(address token, address spender, uint256 amount) private {
        if (amount != 0 && IERC20Minimal(token).allowance(address(this), spender) != 0) _approve(token, spender, 0);
        (bool ok, bytes memory ret) = token.call(abi.encodeCall(IERC20Minimal.approve, (spender, amount)));
        if (!_succeeded(token, ok, ret)) revert TransferFailed(token);
    }

    function _succeeded(address token, bool ok, bytes memory ret) private view returns (bool) {
        if (!ok && ret.length > 0) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        if (!ok) return false;
        if (ret.length == 0) return token.code.length > 0;
        return ret.length >= 32 && abi.decode(ret, (uint256)) == 1;
    }
}
