/**
 * From a decision to the transaction that goes out: for `execute`, the chosen route at the chosen size (re-quoted
 * exactly on the detection pools when the size is not the optimum), per-hop minimums from the decider's tolerance,
 * minProfit = the gas cost at the tip paid; for `skip` and `wait`, the counterfactual: the best route at full size
 * with the static 50 bps tolerance and the block's typical tip.
 */
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import { weiToToken } from '../dex/gas/gasCost.ts';
import type { DecisionResult } from '../domain/decider.ts';
import { quoteCandidate } from './confirmRoute.ts';
import { hopMinimums } from './executeRoute.ts';
import { INCLUSION_PARAMS, maxFeeWei } from './inclusion.ts';
import { tokenPerNative, type Opportunity, type RouteCandidate } from '../domain/opportunity.ts';
import type { PendingTx } from './pendingTx.ts';

export const COUNTERFACTUAL_TOLERANCE_BPS = 50;

function sized(opp: Opportunity, base: RouteCandidate, sizeFactor: number, gasPriceWei: bigint): RouteCandidate {
  if (sizeFactor === 1) return base;
  if (!(sizeFactor > 0)) throw new RangeError(`sizeFactor must be > 0, got ${sizeFactor}`);
  const amountIn = (base.amountIn * BigInt(Math.round(sizeFactor * 1e6))) / 1_000_000n;
  const q =
    amountIn > 0n
      ? quoteCandidate({
          route: base.route,
          provider: base.provider,
          amountIn,
          profile: chainProfile(opp.chain),
          gasPriceWei,
          tokenPerNative: tokenPerNative(base.route.token.decimals, opp.nativeUsd, opp.ethUsd),
        })
      : undefined;
  return q ?? base;
}

/** `counterfactualTipWei`: the tip a skipped opportunity's counterfactual pays (default the block's typical tip). */
export function makePending(
  opp: Opportunity,
  decision: DecisionResult,
  latencyMs: number,
  counterfactualTipWei?: bigint,
): PendingTx {
  const execute = decision.decision === 'execute';
  const index = execute ? Math.min(Math.max(0, decision.routeIndex ?? 0), opp.routes.length - 1) : 0;
  const tipWei = execute ? (decision.tipWei ?? opp.priorityFeeWei) : (counterfactualTipWei ?? opp.priorityFeeWei);
  const gasPriceWei = opp.baseFeeWei + tipWei;
  const candidate = execute ? sized(opp, opp.routes[index]!, decision.sizeFactor, gasPriceWei) : opp.routes[0]!;
  const tolerance = execute
    ? (decision.slippageToleranceBps ?? decision.estimatedSlippageBps)
    : COUNTERFACTUAL_TOLERANCE_BPS;
  const gasToken = weiToToken(
    candidate.gasUsed * gasPriceWei,
    tokenPerNative(candidate.route.token.decimals, opp.nativeUsd, opp.ethUsd),
  );
  return {
    kind: execute ? 'execute' : 'counterfactual',
    opportunity: opp,
    decision,
    candidate,
    plan: {
      route: candidate.route,
      amountIn: candidate.amountIn,
      hopMinOuts: hopMinimums(candidate.hopOutputs, tolerance),
      quotedOut: candidate.amountOut,
      minProfit: gasToken,
      provider: candidate.provider,
    },
    tipWei,
    maxFeeWei: maxFeeWei(opp.baseFeeWei, tipWei, INCLUSION_PARAMS[opp.chain]),
    latencyMs,
    arrivalMs: opp.timeMs + latencyMs,
    eligibleBlocks: 0,
    competitorBefore: false,
    poolAddresses: candidate.route.hops.map((h) => h.pool.address.toLowerCase()),
  };
}
