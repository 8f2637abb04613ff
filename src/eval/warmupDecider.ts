/**
 * A decider that, before `untilMs`, answers exactly as the backtest's shadow recorder does (wait: never trade, so
 * the market path, the offers and every random draw stay those of the shadow run) and from then on hands over to
 * the decider under test. All deciders of a backtest thus meet the same market at the start of the evaluation.
 */
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';

export class WarmupDecider implements Decider {
  readonly name: string;

  constructor(
    private readonly inner: Decider,
    private readonly untilMs: number,
  ) {
    this.name = inner.name;
  }

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    if (ctx.timeMs >= this.untilMs) return this.inner.decide(opp, ctx);
    return {
      decision: 'wait',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: HEURISTIC_SLIPPAGE_BPS,
      decidedBy: 'warmup',
    };
  }
}
