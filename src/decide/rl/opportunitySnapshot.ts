/**
 * The RL snapshot of an opportunity as the runner offers it: edge, predicted slippage (a model's, else the
 * size-over-liquidity proxy), gas now against its 30-minute mean and its 10-minute trend, liquidity, competitor
 * pressure, chain, blocks since detection and the quoted net profit.
 */
import type { DecisionContext } from '../../domain/decider.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import type { RlSnapshot } from './rlState.ts';

/** Size over liquidity in bps: the static slippage proxy when no model is given. */
export function slippageProxyBps(opp: Pick<Opportunity, 'tradeSizeQuote' | 'poolLiquidityQuote'>): number {
  return opp.poolLiquidityQuote > 0 ? (opp.tradeSizeQuote / opp.poolLiquidityQuote) * 1e4 : 1e4;
}

function gasOf(ctx: Pick<DecisionContext, 'gasHistory'>, fromEnd: number): number | undefined {
  const s = ctx.gasHistory[ctx.gasHistory.length - 1 - fromEnd];
  return s ? s.baseFeeGwei + s.priorityFeeGwei : undefined;
}

export function opportunitySnapshot(
  opp: Opportunity,
  ctx: Pick<DecisionContext, 'gasHistory'>,
  blocksSinceDetection: number,
  predictedSlippageBps?: number,
): RlSnapshot {
  const recent = ctx.gasHistory.slice(-30);
  const mean = recent.length
    ? recent.reduce((s, g) => s + g.baseFeeGwei + g.priorityFeeGwei, 0) / recent.length
    : opp.gasPriceGwei;
  const now = gasOf(ctx, 0) ?? opp.gasPriceGwei;
  const before = gasOf(ctx, 10) ?? now;
  return {
    edgeBps: Math.abs(opp.edgeBps),
    predictedSlippageBps: predictedSlippageBps ?? slippageProxyBps(opp),
    gasVsForecast: mean > 0 ? opp.gasPriceGwei / mean : 1,
    gasTrend: before > 0 ? (now - before) / before : 0,
    poolLiquidityQuote: opp.poolLiquidityQuote,
    competitorPressure: opp.competitorPressure,
    chain: opp.chain,
    blocksSinceDetection,
    quotedNetEth: opp.netProfitEth,
  };
}
