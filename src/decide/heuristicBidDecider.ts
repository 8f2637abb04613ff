/**
 * The `heuristic_bid` baseline: the seed's rule (|edge| > 50 bps, gas < 100 gwei, net after a static 50 bps
 * slippage allowance > 0) paying the ML decider's fee bid (`bidTip.ts`), the bid taken out of the net it must
 * still clear. Same size, route and tolerance as the heuristic, so only the bid differs.
 */
import type { Opportunity } from '../domain/opportunity.ts';
import type { Decider, DecisionResult } from '../domain/decider.ts';
import { bidTipWei, DEFAULT_BID_SHARE } from './bidTip.ts';
import { HEURISTIC_PARAMS, heuristicNet } from './heuristicDecider.ts';

export interface HeuristicBidOptions {
  /** Share of the quoted net profit bid as extra priority fee (default DEFAULT_BID_SHARE). */
  bidShare?: number;
}

/** Whether an opportunity is in the heuristic's candidate stream: |edge| > 50 bps and gas < 100 gwei. */
export function heuristicCandidate(opp: Pick<Opportunity, 'edgeBps' | 'gasPriceGwei'>): boolean {
  return Math.abs(opp.edgeBps) > HEURISTIC_PARAMS.minEdgeBps && opp.gasPriceGwei < HEURISTIC_PARAMS.maxGasGwei;
}

export class HeuristicBidDecider implements Decider {
  readonly name = 'heuristic_bid';
  private readonly share: number;

  constructor(o: HeuristicBidOptions = {}) {
    this.share = o.bidShare ?? DEFAULT_BID_SHARE;
  }

  decide(opp: Opportunity): DecisionResult {
    const p = HEURISTIC_PARAMS;
    const net = heuristicNet(opp, 0, p);
    // The bid in token units: share x the quoted net, so what is left is net - bid.
    const bid = (BigInt(Math.floor(this.share * 1e6)) * (net > 0n ? net : 0n)) / 1_000_000n;
    const take = heuristicCandidate(opp) && net - bid > 0n;
    return {
      decision: take ? 'execute' : 'skip',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: p.slippageBps,
      slippageToleranceBps: p.slippageBps,
      tipWei: take ? bidTipWei(opp, opp.routes[0]!.gasUsed, this.share) : undefined,
      decidedBy: this.name,
    };
  }
}
