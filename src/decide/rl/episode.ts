/**
 * Pre-generated episodes: an opportunity followed from detection, one step per block while its edge stays open
 * (at most MAX_STEPS), each step carrying what every policy needs to act and the realised reward of every execute
 * action. Training and evaluation replay these instead of re-running the market per episode.
 */
import type { SlippageFeatures } from '../../slippage/slippageFeatures.ts';
import { EXECUTE_ACTIONS } from './actions.ts';
import type { RlSnapshot } from './rlState.ts';

export const MAX_STEPS = 4;

export interface EpisodeStep {
  snapshot: RlSnapshot;
  /** Discretised snapshot (rlState.discretise). */
  stateKey: string;
  /** Realised net profit in ETH of each execute action (RlAction 0..EXECUTE_ACTIONS-1); NaN = not available. */
  executeRewards: readonly number[];
  /** The heuristic decider would execute (full size, best route) at this step. */
  heuristicExecute: boolean;
  /** Features of the slippage model for the best route at full size. */
  slippage: SlippageFeatures;
  /** Best route at full size: quoted gross - flash fee - gas (ETH) and quoted output (ETH). */
  quotedNetEth: number;
  quotedOutEth: number;
  /** Realised slippage of the best route at full size, bps (null when it did not trade). */
  realisedSlippageBps: number | null;
}

export interface Episode {
  id: string;
  steps: readonly EpisodeStep[];
}

/** Whether execute action `a` is available at a step. */
export function executeAvailable(step: EpisodeStep, a: number): boolean {
  return a < EXECUTE_ACTIONS && Number.isFinite(step.executeRewards[a]!);
}
