/**
 * The realised reward of every execute action at one step, from the runner's resolution of the best route at full
 * size on the real path (the counterfactual row: inclusion block, gas paid, executed output or revert). Every
 * action meets the same fate (included or not, front-run or not, the same pool moves): its exact detection quote
 * loses the same realised slippage (bps of its output); FlashArb's guard reverts it when what is left does not
 * cover the gas (minProfit = gas cost), and a revert costs its gas. Nothing sent (stale / not included) is 0.
 */
import { tokenAmountToEth } from '../../domain/opportunity.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';

export interface CandidateQuote {
  amountIn: bigint;
  amountOut: bigint;
  flashFee: bigint;
  gasUsed: bigint;
  decimals: number;
}

export interface StepRewardsOptions {
  row: OpportunityRow;
  /** Exact quote per execute action at detection (null = action not available). */
  quotes: readonly (CandidateQuote | null)[];
  cexPrice: number;
  ethUsd: number;
}

/** Rewards per execute action in ETH (NaN for unavailable actions) and the realised slippage, bps. */
export function stepRewards(o: StepRewardsOptions): { rewards: number[]; realisedSlippageBps: number | null } {
  const { row } = o;
  const route = row.route as { counterfactual_output?: string; revert_reason?: string | null };
  const out = route.counterfactual_output;
  const reverted = route.revert_reason !== undefined;
  const quoted = row.quotedOutputRaw ?? 0n;
  const gasUsed = row.gasUsed ?? 0n;
  const slipBps = out !== undefined && quoted > 0n ? (Number(quoted - BigInt(out)) / Number(quoted)) * 1e4 : null;
  // gasCostQuote is USD of the gas at inclusion for row.gasUsed; per gas unit in ETH:
  const gasEthPerUnit = gasUsed > 0n ? Number(row.gasCostQuote ?? 0) / o.ethUsd / Number(gasUsed) : 0;
  const rewards = o.quotes.map((q) => {
    if (q === null) return NaN;
    if (!reverted && slipBps === null) return 0;
    const gasEth = gasEthPerUnit * Number(q.gasUsed);
    if (reverted || slipBps === null) return -gasEth;
    const executedOut = (q.amountOut * BigInt(Math.round((1e4 - slipBps) * 1e4))) / 100_000_000n;
    const profitEth = tokenAmountToEth(executedOut - q.amountIn - q.flashFee, q.decimals, o.cexPrice);
    return profitEth < gasEth ? -gasEth : profitEth - gasEth;
  });
  return { rewards, realisedSlippageBps: slipBps };
}
