/**
 * The heuristic with the ML slippage model in place of its static 50 bps (the backtest's "heuristic + ML slippage"
 * decider): execute when |edge| > 50 bps, gas < 100 gwei, and gross - predicted slippage - gas - flash fee > 0.
 * Full optimal size, best route, the heuristic's 50 bps per-hop tolerance (so only the decision differs).
 */
import type { Opportunity } from '../domain/opportunity.ts';
import type { SlippagePredictor } from '../slippage/slippagePredictor.ts';
import { slippageFeaturesOf } from '../slippage/slippageFeaturesOf.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import { HEURISTIC_PARAMS, heuristicNet } from './heuristicDecider.ts';

export interface SlippageAwareOptions {
  /** The slippage model in force at a time (walk-forward: the latest trained before it), or null. */
  predictorAt: (timeMs: number) => SlippagePredictor | null;
}

export class SlippageAwareDecider implements Decider {
  readonly name = 'ml_slippage';

  constructor(private readonly o: SlippageAwareOptions) {}

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    const model = this.o.predictorAt(ctx.timeMs);
    const p = HEURISTIC_PARAMS;
    const predicted = model ? Math.max(0, model.predictSlippageBps(slippageFeaturesOf(opp))) : p.slippageBps;
    const take =
      Math.abs(opp.edgeBps) > p.minEdgeBps &&
      opp.gasPriceGwei < p.maxGasGwei &&
      heuristicNet(opp, 0, { ...p, slippageBps: predicted }) > 0n;
    return {
      decision: take ? 'execute' : 'skip',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: predicted,
      predictedSlippageBps: model ? predicted : undefined,
      slippageToleranceBps: p.slippageBps,
      decidedBy: model ? `ml_slippage:${model.version}` : 'heuristic',
    };
  }
}
