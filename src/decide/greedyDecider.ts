/**
 * The `greedy` baseline: execute every opportunity whose quoted net after gas, flash fee and the fee bid is
 * positive, at the quoted optimal size on the best route, with the ML decider's bid rule (`bidTip.ts`). It learns
 * nothing: it measures how much of the ML decider's gain is "trade everything and bid a bit". The net is exact
 * bigint in the borrowed token; the bid is paid out of the quoted net, so what is left is (1 - share) x net.
 */
import type { Opportunity } from '../domain/opportunity.ts';
import type { Decider, DecisionResult } from '../domain/decider.ts';
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import { bidTipWei, DEFAULT_BID_SHARE } from './bidTip.ts';

export interface GreedyDeciderOptions {
  /** Share of the quoted net profit bid as extra priority fee (default DEFAULT_BID_SHARE). */
  bidShare?: number;
}

/** Quoted net of the best route at full size: gross - flash fee - gas (borrowed-token base units). */
export function quotedNet(opp: Opportunity): bigint {
  const r = opp.routes[0]!;
  return r.grossProfit - r.flashFee - r.gasCost.token;
}

export class GreedyDecider implements Decider {
  readonly name = 'greedy';
  private readonly share: number;

  constructor(o: GreedyDeciderOptions = {}) {
    this.share = o.bidShare ?? DEFAULT_BID_SHARE;
  }

  decide(opp: Opportunity): DecisionResult {
    const net = quotedNet(opp);
    // After the bid (share x net of the quote) the trade must still pay: (1 - share) x net > 0.
    const take = net > 0n && this.share < 1;
    return {
      decision: take ? 'execute' : 'skip',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: 0,
      slippageToleranceBps: HEURISTIC_SLIPPAGE_BPS,
      tipWei: take ? bidTipWei(opp, opp.routes[0]!.gasUsed, this.share) : undefined,
      decidedBy: this.name,
    };
  }
}
