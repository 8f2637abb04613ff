/**
 * The one builder of a ledger row, for simulated and live trades alike (docs/metrics.md defines each column):
 * profit_eth is realised net profit in ETH (swap fees, flash fee, price impact and gas included; a mined revert is
 * minus its gas; nothing sent is 0), gas is paid in the chain's native token and converted to ETH at the native
 * token's price (MATIC on Polygon is not ETH), actual_slippage_bps is (quoted - executed) / quoted of a trade that
 * executed, and an opportunity not sent carries counterfactual_profit_eth.
 */
import { slippageBps } from '../dex/price/prices.ts';
import type { DecisionResult } from '../domain/decider.ts';
import { nativeWeiToEth, tokenAmountToEth, type Opportunity, type RouteCandidate } from '../domain/opportunity.ts';
import type { OpportunityRow, Outcome } from '../domain/opportunityRow.ts';

/** What happened to one opportunity, in the terms every runner can state. */
export interface LedgerRowInput {
  opportunity: Opportunity;
  /** The route and size sent (or that would have been sent), quoted on the detection pools. */
  candidate: RouteCandidate;
  decision: DecisionResult;
  outcome: Outcome;
  /** A transaction was sent (the `executed` column). */
  sent: boolean;
  /** Receipt figures of a mined transaction (success or revert): what the chain charged, in native wei. */
  mined?: { gasUsed: bigint; gasPriceWei: bigint };
  /** Borrowed-token units FlashArb paid the owner (out - in - flash fee) of a successful trade. */
  profit?: bigint;
  /** Route output of a successful trade, base units. */
  executedOut?: bigint;
  /** Prices that convert the trade's amounts to ETH (default: the opportunity's at detection). */
  prices?: { cexPrice: number; ethUsd: number; nativeUsd: number };
  /** For an opportunity not sent: what executing it would have made, ETH (null when unknown). */
  counterfactualProfitEth?: number | null;
  txHash: string | null;
  latencyMs: number;
  /** Extra fields of the route JSON (inclusion block, revert reason, mode, ...). */
  routeDetails?: Record<string, unknown>;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Realised net profit in ETH: FlashArb's profit minus the gas the chain charged (0 when nothing was mined). */
export function realisedProfitEth(
  i: Pick<LedgerRowInput, 'opportunity' | 'candidate' | 'mined' | 'profit' | 'prices'>,
): number {
  if (!i.mined) return 0;
  const p = i.prices ?? i.opportunity;
  const gasEth = nativeWeiToEth(i.mined.gasUsed * i.mined.gasPriceWei, p.nativeUsd, p.ethUsd);
  const profitEth =
    i.profit === undefined ? 0 : tokenAmountToEth(i.profit, i.candidate.route.token.decimals, p.cexPrice);
  return profitEth - gasEth;
}

export function buildLedgerRow(i: LedgerRowInput): OpportunityRow {
  const { opportunity: o, candidate: c, decision: d } = i;
  const decimals = c.route.token.decimals;
  const profitEth = i.sent ? realisedProfitEth(i) : 0;
  const gasWei = i.mined ? i.mined.gasUsed * i.mined.gasPriceWei : c.gasCost.wei;
  const traded = i.sent && i.outcome === 'success' && i.executedOut !== undefined;
  return {
    id: o.id,
    timestamp: new Date(o.timeMs),
    symbol: o.symbol,
    chain: o.chain,
    cexPrice: round(o.cexPrice, 6),
    dexPrice: round(o.dexPrice, 6),
    edgeBps: o.edgeBps,
    poolLiquidityQuote: round(o.poolLiquidityQuote, 2),
    gasPriceGwei: round(o.gasPriceGwei, 9),
    estimatedSlippageBps: d.estimatedSlippageBps,
    actualSlippageBps: traded ? slippageBps({ quotedOut: c.amountOut, executedOut: i.executedOut! }) : null,
    executed: i.sent,
    profitable: i.sent ? profitEth > 0 : false,
    profitEth: round(profitEth, 12),
    tradeSizeQuote: round(tokenAmountToEth(c.amountIn, decimals, 1) * (decimals === 18 ? o.cexPrice : 1), 6),
    hopCount: c.route.hops.length,
    priceVolatility1h: o.priceVolatility1h,
    route: {
      borrow: c.route.token.symbol,
      pools: c.route.hops.map((h) => ({
        address: h.pool.address,
        dex: h.pool.dex,
        kind: h.pool.kind,
        zeroForOne: h.zeroForOne,
      })),
      route_index: d.routeIndex ?? 0,
      size_factor: d.sizeFactor,
      ...i.routeDetails,
    },
    flashLoanProvider: c.provider.name,
    flashFeeBps: c.provider.feeBps,
    gasUsed: i.mined ? i.mined.gasUsed : c.gasUsed,
    gasCostQuote: round(tokenAmountToEth(gasWei, 18, 1) * o.nativeUsd, 6),
    predictedSlippageBps: d.predictedSlippageBps ?? null,
    predictedGasGwei: d.predictedGasGwei ?? null,
    decision: d.decision,
    decidedBy: d.decidedBy,
    outcome: i.outcome,
    counterfactualProfitEth: i.sent || i.counterfactualProfitEth == null ? null : round(i.counterfactualProfitEth, 12),
    blockNumber: BigInt(o.blockNumber),
    txHash: i.txHash,
    latencyMs: Math.round(i.latencyMs),
    amountInRaw: c.amountIn,
    quotedOutputRaw: c.amountOut,
    executedOutputRaw: traded ? i.executedOut! : null,
    recentPoolVolatilityBps: o.recentPoolVolatilityBps,
    competitorPressure: o.competitorPressure,
  };
}
