/**
 * The seed's baseline decision: execute when the edge against the CEX is above 50 bps, gas is under 100 gwei, and
 * the quote still pays after a static 50 bps slippage allowance: gross - 50 bps of the quoted output - gas -
 * flash fee > 0 (exact bigint arithmetic, the slippage cost rounded up). Full optimal size, best route. The edge
 * test is on |edge_bps|: the sign only says which way the pool is off.
 */
import { slippageCost } from '../dex/price/slippageCost.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import type { Decider, DecisionResult } from '../domain/decider.ts';

export interface HeuristicParams {
  minEdgeBps: number;
  maxGasGwei: number;
  slippageBps: number;
}

export const HEURISTIC_PARAMS: HeuristicParams = Object.freeze({
  minEdgeBps: 50,
  maxGasGwei: 100,
  slippageBps: HEURISTIC_SLIPPAGE_BPS,
});

/** What the heuristic reads of an opportunity (an Opportunity has it; so does a bus message's quote). */
export interface HeuristicInput {
  readonly edgeBps: Opportunity['edgeBps'];
  readonly gasPriceGwei: Opportunity['gasPriceGwei'];
  readonly routes: readonly {
    readonly grossProfit: bigint;
    readonly amountOut: bigint;
    readonly flashFee: bigint;
    readonly gasCost: { readonly token: bigint };
  }[];
}

/** The heuristic's net estimate for a route: gross - static slippage - gas - flash fee (borrowed-token units). */
export function heuristicNet(opp: HeuristicInput, routeIndex = 0, params: HeuristicParams = HEURISTIC_PARAMS): bigint {
  const r = opp.routes[routeIndex]!;
  return r.grossProfit - slippageCost(r.amountOut, params.slippageBps) - r.gasCost.token - r.flashFee;
}

export class HeuristicDecider implements Decider {
  readonly name = 'heuristic';

  constructor(private readonly params: HeuristicParams = HEURISTIC_PARAMS) {}

  decide(opp: HeuristicInput): DecisionResult {
    const p = this.params;
    const take =
      Math.abs(opp.edgeBps) > p.minEdgeBps && opp.gasPriceGwei < p.maxGasGwei && heuristicNet(opp, 0, p) > 0n;
    return {
      decision: take ? 'execute' : 'skip',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: p.slippageBps,
      slippageToleranceBps: p.slippageBps,
      decidedBy: this.name,
    };
  }
}
