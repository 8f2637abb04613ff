/**
 * What the market shows at the end of one block of one chain. Values are immutable: a later block never changes
 * an earlier snapshot (pools are copied on write).
 */
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';

/** A competing searcher's arbitrage leg that landed in a block: one pool pushed to the price that closes its edge. */
export interface CompetitorArb {
  poolIndex: number;
  poolAddress: string;
  /** Priority fee + bribe per gas, wei: transactions paying more are ordered first. */
  tipWei: bigint;
  /** true = USDC in (the pool was below the CEX). */
  zeroForOne: boolean;
  amountIn: bigint;
  /** The mid price (USDC per WETH) the competitor pushed the pool to (the CEX price net of the pool fee). */
  targetPrice: number;
  /** Block in which the edge opened (lifetime = blockNumber - openedAtBlock). */
  openedAtBlock: number;
  /** A DEX-DEX arbitrage's other pool (absent for a CEX-DEX arbitrage, which closes one pool against the CEX). */
  partnerIndex?: number;
}

export interface BlockSnapshot {
  chain: Chain;
  blockNumber: number;
  /** Block timestamp, ms UTC. */
  timeMs: number;
  /** CEX mid, USDC per WETH. */
  cexPrice: number;
  ethUsd: number;
  /** Price of the chain's native gas token in USD (ETH or MATIC). */
  nativeUsd: number;
  /** EIP-1559 base fee of this block, wei of the native token. */
  baseFeeWei: bigint;
  /** Typical priority fee (tip) paid in this block, wei. */
  priorityFeeWei: bigint;
  /** Smallest tip that got into this block, wei. */
  minPriorityFeeWei: bigint;
  /** gasUsed / gasLimit. */
  utilisation: number;
  /** Pool states at the end of the block (after noise trades and competitor arbitrages). */
  pools: readonly Pool[];
  /** Competitor arbitrages that landed in this block. */
  competitorArbs: readonly CompetitorArb[];
}
