/**
 * RL alone as a decider: the policy in force at the opportunity's time picks execute (size, route), wait or drop
 * from the RL snapshot (slippage proxy, as the episodes record it); no slippage model, no profitability veto. It
 * pays the same fee bid the episodes' outcomes were recorded at. Used with the fitted-Q policy (`rl`) and the
 * tabular agent (`rl_tabular`, which drops in a state it never saw).
 */
import type { Decider, DecisionContext, DecisionResult } from '../../domain/decider.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import { HEURISTIC_SLIPPAGE_BPS } from '../../slippage/slippagePredictor.ts';
import { quoteExecuteActions } from '../actionQuotes.ts';
import { bidTipWei } from '../bidTip.ts';
import { EpisodeClock } from '../episodeClock.ts';
import { ACTION_COUNT, EXECUTE_ACTIONS, RlAction } from './actions.ts';
import { opportunitySnapshot } from './opportunitySnapshot.ts';
import type { RlSnapshot } from './rlState.ts';

/** A policy: the action at a snapshot among the valid ones. */
export type SnapshotPolicy = (s: RlSnapshot, valid: readonly boolean[]) => RlAction;

export interface RlDeciderOptions {
  name: string;
  /** The policy in force at a time, or null (then skip). */
  policyAt: (timeMs: number) => SnapshotPolicy | null;
  bidShare?: number;
}

export class RlDecider implements Decider {
  readonly name: string;
  private readonly clock = new EpisodeClock();

  constructor(private readonly o: RlDeciderOptions) {
    this.name = o.name;
  }

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    const step = this.clock.step(opp);
    const snapshot = opportunitySnapshot(opp, ctx, step);
    const skip: DecisionResult = {
      decision: 'skip',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: HEURISTIC_SLIPPAGE_BPS,
      decidedBy: this.name,
    };
    const policy = this.o.policyAt(ctx.timeMs);
    if (!policy) return skip;
    const quotes = quoteExecuteActions(opp);
    const valid = Array.from(
      { length: ACTION_COUNT },
      (_, a) => a >= EXECUTE_ACTIONS || quotes.some((q) => q.action === a),
    );
    const action = policy(snapshot, valid);
    if (action === RlAction.Wait) return { ...skip, decision: 'wait' };
    const chosen = quotes.find((q) => q.action === action);
    if (!chosen) return skip;
    const share = this.o.bidShare ?? 0;
    return {
      ...skip,
      decision: 'execute',
      sizeFactor: chosen.sizeFactor,
      routeIndex: chosen.routeIndex,
      slippageToleranceBps: HEURISTIC_SLIPPAGE_BPS,
      tipWei: share > 0 ? bidTipWei(opp, chosen.candidate.gasUsed, share) : undefined,
    };
  }
}
