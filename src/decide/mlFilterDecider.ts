/**
 * `ml_filter`: the seed's "after" column like for like. The ML models decide only on the heuristic's own candidate
 * stream (|edge| > 50 bps, gas < 100 gwei): inside it the full ML decider answers execute (with its size and route),
 * wait or skip; outside it the answer is skip, as the heuristic's. So ml_filter and the heuristic are measured on
 * the same opportunities and the seed's four rows compare the same question.
 */
import type { Opportunity } from '../domain/opportunity.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import { heuristicCandidate } from './heuristicBidDecider.ts';
import { HEURISTIC_PARAMS } from './heuristicDecider.ts';

export class MlFilterDecider implements Decider {
  readonly name = 'ml_filter';

  /** `ml`: the full ML decider (MlDecider) whose models are applied to the candidate stream. */
  constructor(private readonly ml: Decider) {}

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    if (!heuristicCandidate(opp)) {
      return {
        decision: 'skip',
        sizeFactor: 1,
        routeIndex: 0,
        estimatedSlippageBps: HEURISTIC_PARAMS.slippageBps,
        decidedBy: this.name,
      };
    }
    return this.ml.decide(opp, ctx);
  }
}
