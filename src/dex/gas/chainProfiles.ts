/**
 * Per-chain gas facts used to price a route: block time, native token, minimum priority fee and typical gas
 * per part of a flash-arb transaction. Gas figures are measured on the real Uniswap V2 pair and V3 pool bytecode
 * through the hardened FlashArb (src/evm/gas/measureRouteGas.ts, checked by routeGas.integration.test.ts): a V2
 * hop ~93k (transfer in, pair swap, balance-measured output), a V3 hop ~85k (no tick crossed; each crossing adds
 * more), plus the intrinsic 21k and our contract's own bookkeeping. The flash loan's share is the provider's.
 */
import type { Chain } from '../types.ts';

export interface ChainProfile {
  readonly chain: Chain;
  readonly blockTimeSeconds: number;
  readonly nativeSymbol: string;
  readonly nativeDecimals: 18;
  /** Lowest priority fee (tip) that gets a transaction included in normal conditions, wei. */
  readonly minPriorityFeeWei: bigint;
  readonly gas: {
    /** Intrinsic transaction gas. */
    readonly baseTx: number;
    /** The arbitrage contract's entry, checks and profit transfer. */
    readonly contractOverhead: number;
    readonly perHopV2: number;
    readonly perHopV3: number;
  };
  /** How blocks are ordered: a priority-fee auction, a builder auction (MEV-Boost) or first come, first served. */
  readonly ordering: 'priority-auction' | 'builder-auction' | 'first-come-first-served';
  /** Rollups only: the L1 data each transaction posts (see l1DataFee.ts). */
  readonly l1Data?: {
    /** Compressed bytes of a flash-arb transaction before its hops (signature, call header, loan call). */
    readonly baseBytes: number;
    /** Compressed bytes each hop adds (pool address, direction, amounts). */
    readonly bytesPerHop: number;
    /** Typical L1 price per compressed byte, wei (Arbitrum's L1 pricing estimate). */
    readonly pricePerByteWei: bigint;
  };
}

const GWEI = 1_000_000_000n;

export const CHAIN_PROFILES: Readonly<Record<Chain, ChainProfile>> = Object.freeze({
  ethereum: Object.freeze({
    chain: 'ethereum',
    blockTimeSeconds: 12,
    nativeSymbol: 'ETH',
    nativeDecimals: 18,
    minPriorityFeeWei: 1n * GWEI,
    gas: Object.freeze({ baseTx: 21_000, contractOverhead: 35_000, perHopV2: 93_000, perHopV3: 85_000 }),
    ordering: 'builder-auction',
  }),
  polygon: Object.freeze({
    chain: 'polygon',
    blockTimeSeconds: 2,
    nativeSymbol: 'MATIC',
    nativeDecimals: 18,
    minPriorityFeeWei: 30n * GWEI,
    gas: Object.freeze({ baseTx: 21_000, contractOverhead: 35_000, perHopV2: 93_000, perHopV3: 85_000 }),
    ordering: 'priority-auction',
  }),
  // Arbitrum One: 0.25 s blocks, the sequencer orders first come, first served (tips buy nothing), execution gas as
  // on L1 (same EVM costs), plus the L1 data fee of each transaction (l1DataFee.ts). ~200 compressed bytes for a
  // flash-arb call with 2 hops, ~40 per further hop; 2 gwei-equivalent per byte is a blob-era typical figure
  // (approximate, 2024).
  arbitrum: Object.freeze({
    chain: 'arbitrum',
    blockTimeSeconds: 0.25,
    nativeSymbol: 'ETH',
    nativeDecimals: 18,
    minPriorityFeeWei: 0n,
    gas: Object.freeze({ baseTx: 21_000, contractOverhead: 35_000, perHopV2: 93_000, perHopV3: 85_000 }),
    ordering: 'first-come-first-served',
    l1Data: Object.freeze({ baseBytes: 120, bytesPerHop: 40, pricePerByteWei: 2n * GWEI }),
  }),
});

export function chainProfile(chain: Chain): ChainProfile {
  return CHAIN_PROFILES[chain];
}
