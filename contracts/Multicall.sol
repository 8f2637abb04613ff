// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

/// @notice Reads many contract views in one eth_call (the live runner reads every pool once per block).
/// A failing call does not fail the batch: its success flag is false.
contract Multicall {
    struct Call {
        address target;
        bytes callData;
    }

    struct Result {
        bool success;
        bytes returnData;
    }

    function aggregate(Call[] calldata calls) external view returns (uint256 blockNumber, Result[] memory results) {
        blockNumber = block.number;
        results = new Result[](calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            (bool ok, bytes memory data) = calls[i].target.staticcall(calls[i].callData);
            results[i] = Result(ok, data);
        }
    }
}
