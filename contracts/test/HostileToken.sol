// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice An attacker's ERC-20 for the in-flight attack tests: anyone can mint, and once armed, the next transfer
/// from a chosen sender calls `target` with `data` (e.g. re-entering a lender or FlashArb's callbacks while a loan is in flight). The
/// transfer then reverts either way: with AttackSucceeded() if the call went through, else with the call's own
/// revert data, so a test reads which guard stopped it. `returnFalse` makes transfers return false instead.
contract HostileToken {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    uint256 public totalSupply;
    bool public returnFalse;
    address public target;
    address public onlyFrom;
    bytes public data;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    error AttackSucceeded();

    constructor(string memory name_, string memory symbol_) {
        name = name_;
        symbol = symbol_;
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
    }

    /// @notice The next transfer from `onlyFrom` calls `target` with `data_`.
    function arm(address target_, bytes calldata data_, address onlyFrom_) external {
        (target, data, onlyFrom) = (target_, data_, onlyFrom_);
    }

    function setReturnFalse(bool value) external {
        returnFalse = value;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        return true;
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        return _move(msg.sender, to, amount);
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        allowance[from][msg.sender] -= amount;
        return _move(from, to, amount);
    }

    function _move(address from, address to, uint256 amount) private returns (bool) {
        if (returnFalse) return false;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        address t = target;
        if (t != address(0) && from == onlyFrom) {
            target = address(0);
            (bool ok, bytes memory ret) = t.call(data);
            if (ok) revert AttackSucceeded();
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return true;
    }
}
