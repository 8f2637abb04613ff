// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {TestV2Pair} from "./TestV2Pair.sol";

/// @notice Creates one TestV2Pair per (token pair, fee); token0 is the lower address, as in Uniswap V2.
contract TestV2Factory {
    mapping(address => mapping(address => mapping(uint16 => address))) public getPair;
    address[] public allPairs;

    event PairCreated(address indexed token0, address indexed token1, uint16 feeBps, address pair, uint256 index);

    error IdenticalTokens();
    error ZeroAddress();
    error PairExists(address pair);
    error FeeTooHigh(uint16 feeBps);

    function createPair(address tokenA, address tokenB, uint16 feeBps) external returns (address pair) {
        if (tokenA == tokenB) revert IdenticalTokens();
        (address t0, address t1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        if (t0 == address(0)) revert ZeroAddress();
        if (feeBps >= 10_000) revert FeeTooHigh(feeBps);
        if (getPair[t0][t1][feeBps] != address(0)) revert PairExists(getPair[t0][t1][feeBps]);
        pair = address(new TestV2Pair(t0, t1, feeBps));
        getPair[t0][t1][feeBps] = pair;
        getPair[t1][t0][feeBps] = pair;
        allPairs.push(pair);
        emit PairCreated(t0, t1, feeBps, pair, allPairs.length - 1);
    }

    function allPairsLength() external view returns (uint256) {
        return allPairs.length;
    }
}
