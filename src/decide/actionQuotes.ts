/**
 * Exact quotes of the RL execute actions (25 / 50 / 100 / 150% of the optimal size on the top routes) on the
 * detection pools, sized as the runner would send them (makePending), and each one's expected net profit in ETH
 * after a slippage allowance and the gas it would pay at the opportunity's base fee and typical tip.
 */
import { slippageCost } from '../dex/price/slippageCost.ts';
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import { makePending } from '../exec/makePending.ts';
import { nativeWeiToEth, tokenAmountToEth, type Opportunity, type RouteCandidate } from '../domain/opportunity.ts';
import { EXECUTE_ACTIONS, executeParams, type RlAction } from './rl/actions.ts';

export interface ActionQuote {
  action: RlAction;
  candidate: RouteCandidate;
  sizeFactor: number;
  routeIndex: number;
}

/** The available execute actions (a size other than 100% that cannot be re-quoted is left out). */
export function quoteExecuteActions(opp: Opportunity): ActionQuote[] {
  const out: ActionQuote[] = [];
  for (let a = 0; a < EXECUTE_ACTIONS; a++) {
    const x = executeParams(a as RlAction)!;
    if (x.routeIndex >= opp.routes.length) continue;
    const decision = {
      decision: 'execute',
      sizeFactor: x.sizeFactor,
      routeIndex: x.routeIndex,
      estimatedSlippageBps: HEURISTIC_SLIPPAGE_BPS,
      decidedBy: 'quote',
    } as const;
    const candidate = makePending(opp, decision, 0).candidate;
    if (x.sizeFactor !== 1 && candidate === opp.routes[x.routeIndex]) continue;
    out.push({ action: a as RlAction, candidate, ...x });
  }
  return out;
}

/** Expected net profit (ETH) of a quote after losing `slippageBps` of its output, flash fee and gas. */
export function expectedNetEth(opp: Opportunity, c: RouteCandidate, slippageBps: number): number {
  const decimals = c.route.token.decimals;
  const out = c.amountOut - slippageCost(c.amountOut, Math.min(slippageBps, 1e4));
  const gasEth = nativeWeiToEth(c.gasUsed * (opp.baseFeeWei + opp.priorityFeeWei), opp.nativeUsd, opp.ethUsd);
  return tokenAmountToEth(out - c.amountIn - c.flashFee, decimals, opp.cexPrice) - gasEth;
}
