/**
 * A transaction on its way to a block: either ours (the decider said execute) or the counterfactual of a skipped
 * opportunity (what executing at once at full size would have met), followed on the same path without changing it.
 */
import type { DecisionResult } from '../domain/decider.ts';
import type { Pool } from '../dex/pool.ts';
import type { ExecutionPlan } from './executeRoute.ts';
import type { Opportunity, RouteCandidate } from '../domain/opportunity.ts';

export interface PendingTx {
  kind: 'execute' | 'counterfactual';
  opportunity: Opportunity;
  decision: DecisionResult;
  /** The route and size sent, quoted on the detection pools. */
  candidate: RouteCandidate;
  plan: ExecutionPlan;
  tipWei: bigint;
  maxFeeWei: bigint;
  latencyMs: number;
  /** detection time + latency. */
  arrivalMs: number;
  /** Blocks it was eligible for and not taken. */
  eligibleBlocks: number;
  /** A competitor hit one of its pools after detection, before its inclusion block. */
  competitorBefore: boolean;
  /** Pools at the end of the last block it waited through (the start of its inclusion block); unset until then. */
  poolsBefore?: readonly Pool[];
  /** Lower-case pool addresses of the route. */
  poolAddresses: readonly string[];
}

/**
 * How a pending transaction ended: withdrawn before it was sent (`unsent`: a newer block showed the edge gone),
 * not included (fees, or an Ethereum bundle that would have reverted: `bundleRevert` names why), or mined.
 */
export type Resolution =
  | { status: 'unsent'; blockNumber: number }
  | { status: 'not_included'; blockNumber: number; bundleRevert?: string }
  | {
      status: 'success' | 'reverted';
      blockNumber: number;
      frontRun: boolean;
      executedOut: bigint | null;
      gasUsed: bigint;
      gasPriceWei: bigint;
      /** out - in - flash fee (borrowed token), null on revert. */
      profit: bigint | null;
      revertReason: string | null;
      /** Reverted, and the edge was already gone when its inclusion block began: the route at its size no longer
       * cleared its minimum profit on the pools the previous block left. */
      edgeGone: boolean;
      cexPrice: number;
      ethUsd: number;
      nativeUsd: number;
    };
