/**
 * The one interface every decision policy implements (heuristic now, ML later): given an opportunity at detection
 * and what the runner knows of the market, execute (with a size and a route), wait a block, or skip. The runner
 * never knows which policy it is talking to.
 */
import type { Chain } from '../dex/types.ts';
import type { GasSample } from './gasSample.ts';
import type { Opportunity } from './opportunity.ts';

export type DecisionKind = 'execute' | 'wait' | 'skip';

export interface DecisionResult {
  decision: DecisionKind;
  /** Multiple of routes[routeIndex].amountIn to borrow (1 = the quoted optimum). */
  sizeFactor: number;
  /** Index into opportunity.routes (default 0, the best quoted route). */
  routeIndex?: number;
  /** Slippage the decision assumed, bps of the quoted output (50 for the heuristic). */
  estimatedSlippageBps: number;
  /** A model's slippage prediction, bps (absent for the heuristic). */
  predictedSlippageBps?: number;
  /** A model's gas forecast, gwei (absent for the heuristic). */
  predictedGasGwei?: number;
  /** Per-hop minimum-output tolerance FlashArb is given, bps (default: estimatedSlippageBps). */
  slippageToleranceBps?: number;
  /** Priority fee (+ bribe) per gas to pay, wei (default: the block's typical priority fee). */
  tipWei?: bigint;
  /** `heuristic`, or `ml` with model versions. */
  decidedBy: string;
}

export interface DecisionContext {
  chain: Chain;
  blockNumber: number;
  timeMs: number;
  /** The chain's gas per minute over the last 3 hours, oldest first. */
  gasHistory: readonly GasSample[];
}

export interface Decider {
  /** Short name, e.g. `heuristic`. */
  readonly name: string;
  decide(opportunity: Opportunity, context: DecisionContext): DecisionResult;
}
