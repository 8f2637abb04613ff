/**
 * When a transaction reaches the chain and whether a block takes it. Latency (block seen by our node, decision,
 * signing, propagation to block builders) is log-normal per chain; a block built at time T takes transactions that
 * arrived at least `cutoffMs` before T whose fee cap covers its base fee and whose effective tip is at least the
 * smallest tip it included (EIP-1559). A transaction not taken within `maxWaitBlocks` eligible blocks is dropped.
 */
import type { Rng } from '../core/random.ts';
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';

export interface InclusionParams {
  /** Median latency (ms) and log-normal sigma. */
  latencyMedianMs: number;
  latencySigma: number;
  /** A transaction must reach builders this long before the block's time. */
  cutoffMs: number;
  /** Eligible blocks a transaction waits before it is dropped. */
  maxWaitBlocks: number;
  /** maxFeePerGas = feeCapMultiple * base fee at detection + tip. */
  feeCapMultiple: number;
  /** Our node sees a block this long after its timestamp (propagation): only then can it withdraw a transaction. */
  seeBlockMs: number;
}

export const INCLUSION_PARAMS: Readonly<Record<Chain, InclusionParams>> = Object.freeze({
  ethereum: {
    latencyMedianMs: 350,
    latencySigma: 0.5,
    cutoffMs: 1_000,
    maxWaitBlocks: 3,
    feeCapMultiple: 1.25,
    seeBlockMs: 300,
  },
  polygon: {
    latencyMedianMs: 1_200,
    latencySigma: 0.7,
    cutoffMs: 300,
    maxWaitBlocks: 10,
    feeCapMultiple: 1.25,
    seeBlockMs: 500,
  },
  // First come, first served at the sequencer: no builder cut-off, a transaction late for one 250 ms block takes the next.
  arbitrum: {
    latencyMedianMs: 120,
    latencySigma: 0.6,
    cutoffMs: 0,
    maxWaitBlocks: 8,
    feeCapMultiple: 1.25,
    seeBlockMs: 100,
  },
});

export function drawLatencyMs(rng: Rng, p: InclusionParams): number {
  return Math.round(p.latencyMedianMs * Math.exp(p.latencySigma * rng.normal()));
}

/** Fee cap of a transaction sent at detection with this tip. */
export function maxFeeWei(baseFeeWei: bigint, tipWei: bigint, p: InclusionParams): bigint {
  return (baseFeeWei * BigInt(Math.round(p.feeCapMultiple * 1000))) / 1000n + tipWei;
}

/** Whether the transaction had reached builders in time for this block. */
export function arrivedFor(block: BlockSnapshot, arrivalMs: number, p: InclusionParams): boolean {
  return arrivalMs <= block.timeMs - p.cutoffMs;
}

/** EIP-1559: the fee cap covers the base fee and the effective tip is one the block accepted. */
export function feesAccepted(block: BlockSnapshot, maxFee: bigint, tipWei: bigint): boolean {
  if (maxFee < block.baseFeeWei) return false;
  const headroom = maxFee - block.baseFeeWei;
  const effectiveTip = headroom < tipWei ? headroom : tipWei;
  return effectiveTip >= block.minPriorityFeeWei;
}

/** Gas price actually paid per gas in a block. */
export function effectivePriceWei(block: BlockSnapshot, maxFee: bigint, tipWei: bigint): bigint {
  const price = block.baseFeeWei + tipWei;
  return price < maxFee ? price : maxFee;
}
