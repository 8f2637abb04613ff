/**
 * The ledger row of one live opportunity, with DESIGN.md's definitions: profit_eth is realised net profit in ETH
 * (the profit FlashArb paid minus the receipt's gas at its effective price; a revert is minus its gas; nothing
 * sent is 0), actual_slippage_bps compares FlashArb's executed route output with the quote, gas_used comes from
 * the receipt (the quoted estimate when nothing was mined), and an opportunity not sent carries
 * counterfactual_profit_eth from an eth_call of the same trade at the detection block minus its quoted gas.
 */
import { slippageBps } from '../../dex/price/prices.ts';
import type { DecisionResult } from '../../domain/decider.ts';
import { tokenAmountToEth, type Opportunity, type RouteCandidate } from '../../domain/opportunity.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import type { LiveExecution } from './executeOnChain.ts';

export interface LiveRowInput {
  opportunity: Opportunity;
  candidate: RouteCandidate;
  decision: DecisionResult;
  mode: 'paper' | 'fork' | 'live';
  /** Present when a transaction was sent. */
  execution?: LiveExecution;
  /** eth_call profit of the trade (borrowed-token units), or null when the call reverted; for trades not sent. */
  simulatedProfit?: bigint | null;
  latencyMs: number;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));
const weiToEth = (wei: bigint): number => Number(wei) / 1e18;

export function liveRow(i: LiveRowInput): OpportunityRow {
  const { opportunity: o, candidate: c, decision: d, execution: x } = i;
  const decimals = c.route.token.decimals;
  const toEth = (amount: bigint): number => tokenAmountToEth(amount, decimals, o.cexPrice);
  const mined = x?.gasUsed !== undefined && x.effectiveGasPriceWei !== undefined;
  const gasWei = mined ? x!.gasUsed! * x!.effectiveGasPriceWei! : c.gasCost.wei;
  const profitEth = !x ? 0 : !mined ? 0 : (x.profit !== undefined ? toEth(x.profit) : 0) - weiToEth(gasWei);
  const counterfactual = x ? null : (i.simulatedProfit ? toEth(i.simulatedProfit) : 0) - weiToEth(c.gasCost.wei);
  const outcome = x ? x.outcome : 'skipped';
  return {
    id: o.id,
    timestamp: new Date(o.timeMs),
    symbol: o.symbol,
    chain: o.chain,
    cexPrice: round(o.cexPrice, 8),
    dexPrice: round(o.dexPrice, 8),
    edgeBps: o.edgeBps,
    poolLiquidityQuote: round(o.poolLiquidityQuote, 2),
    gasPriceGwei: round(o.gasPriceGwei, 9),
    estimatedSlippageBps: d.estimatedSlippageBps,
    actualSlippageBps:
      x?.outcome === 'success' && x.amountOut !== undefined
        ? slippageBps({ quotedOut: c.amountOut, executedOut: x.amountOut })
        : null,
    executed: x !== undefined,
    profitable: x ? profitEth > 0 : false,
    profitEth: round(profitEth, 12),
    tradeSizeQuote: round(
      decimals === 18 ? (Number(c.amountIn) / 1e18) * o.cexPrice : Number(c.amountIn) / 10 ** decimals,
      6,
    ),
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
      mode: i.mode,
      ...(x?.inclusionBlock !== undefined ? { inclusion_block: Number(x.inclusionBlock) } : {}),
      ...(x?.effectiveGasPriceWei !== undefined ? { effective_gas_price_wei: x.effectiveGasPriceWei.toString() } : {}),
      ...(x?.flashFee !== undefined ? { flash_fee_raw: x.flashFee.toString() } : {}),
    },
    flashLoanProvider: c.provider.name,
    flashFeeBps: c.provider.feeBps,
    gasUsed: mined ? x!.gasUsed! : c.gasUsed,
    gasCostQuote: round(weiToEth(gasWei) * o.nativeUsd, 6),
    predictedSlippageBps: d.predictedSlippageBps ?? null,
    predictedGasGwei: d.predictedGasGwei ?? null,
    decision: d.decision,
    decidedBy: d.decidedBy,
    outcome,
    counterfactualProfitEth: counterfactual === null ? null : round(counterfactual, 12),
    blockNumber: BigInt(o.blockNumber),
    txHash: x?.hash ?? null,
    latencyMs: Math.round(i.latencyMs),
    amountInRaw: c.amountIn,
    quotedOutputRaw: c.amountOut,
    executedOutputRaw: x?.outcome === 'success' ? (x.amountOut ?? null) : null,
  };
}
