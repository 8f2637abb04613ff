// SPDX-License-Identifier: MIT
pragma solidity 0.8.28;

import {FlashArb} from "../FlashArb.sol";

/// @notice A careless smart-wallet owner for the attack tests: it deploys (and so owns) a FlashArb and forwards any
/// call to it from anyone, so a hostile token can make the owner re-enter FlashArb mid-route.
contract OwnerProxy {
    FlashArb public immutable flashArb;

    constructor() {
        flashArb = new FlashArb();
    }

    function forward(bytes calldata data) external returns (bytes memory) {
        (bool ok, bytes memory ret) = address(flashArb).call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }
}
