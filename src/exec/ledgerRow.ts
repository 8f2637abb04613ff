/**
 * The ledger row of a resolved opportunity, as DESIGN.md defines each column: profit_eth is realised net profit in
 * ETH (swap fees, flash fee, price impact and gas included; a revert is minus its gas; nothing sent is 0),
 * actual_slippage_bps is (quoted - executed) / quoted at inclusion (NULL unless a trade executed), and a skipped
 * opportunity carries counterfactual_profit_eth (what executing at once at full size would have made).
 */
import { keccak256, toHex } from 'viem';
import { slippageBps } from '../dex/price/prices.ts';
import type { OpportunityRow, Outcome } from '../domain/opportunityRow.ts';
import { nativeWeiToEth, tokenAmountToEth } from '../domain/opportunity.ts';
import type { PendingTx, Resolution } from './pendingTx.ts';

/** Realised profit of a resolution in ETH (0 when nothing was paid). */
export function resolutionProfitEth(r: Resolution, decimals: number): number {
  if (r.status === 'stale' || r.status === 'not_included') return 0;
  const gasEth = nativeWeiToEth(r.gasUsed * r.gasPriceWei, r.nativeUsd, r.ethUsd);
  return (r.profit === null ? 0 : tokenAmountToEth(r.profit, decimals, r.cexPrice)) - gasEth;
}

function outcomeOf(tx: PendingTx, r: Resolution, profitEth: number): Outcome {
  if (tx.kind === 'counterfactual') return 'skipped';
  if (r.status === 'stale' || r.status === 'not_included') return r.status;
  if (r.frontRun && (r.status === 'reverted' || profitEth <= 0)) return 'front_run';
  return r.status;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export function ledgerRow(tx: PendingTx, r: Resolution): OpportunityRow {
  const o = tx.opportunity;
  const c = tx.candidate;
  const d = tx.decision;
  const decimals = c.route.token.decimals;
  const profitEth = resolutionProfitEth(r, decimals);
  const sent = tx.kind === 'execute' && r.status !== 'stale';
  const traded = r.status === 'success' && tx.kind === 'execute';
  const executedOut = r.status === 'success' && tx.kind === 'execute' ? r.executedOut : null;
  const counterfactualOut = r.status === 'success' && tx.kind === 'counterfactual' ? r.executedOut : null;
  const gasUsed = r.status === 'success' || r.status === 'reverted' ? r.gasUsed : c.gasUsed;
  const gasWei = r.status === 'success' || r.status === 'reverted' ? r.gasUsed * r.gasPriceWei : c.gasCost.wei;
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
    actualSlippageBps: traded && executedOut !== null ? slippageBps({ quotedOut: c.amountOut, executedOut }) : null,
    executed: sent,
    profitable: tx.kind === 'execute' ? profitEth > 0 : false,
    profitEth: tx.kind === 'execute' ? round(profitEth, 12) : 0,
    tradeSizeQuote: round(tokenAmountToEth(c.amountIn, decimals, 1) * (decimals === 18 ? o.cexPrice : 1), 6),
    hopCount: c.route.hops.length,
    priceVolatility1h: o.priceVolatility1h,
    route: {
      borrow: c.route.token.symbol,
      pools: c.route.hops.map((h) => ({ address: h.pool.address, dex: h.pool.dex, kind: h.pool.kind, zeroForOne: h.zeroForOne })),
      route_index: d.routeIndex ?? 0,
      size_factor: d.sizeFactor,
      inclusion_block: r.blockNumber,
      ...(r.status === 'reverted' ? { revert_reason: r.revertReason } : {}),
      ...(counterfactualOut !== null ? { counterfactual_output: counterfactualOut.toString() } : {}),
    },
    flashLoanProvider: c.provider.name,
    flashFeeBps: c.provider.feeBps,
    gasUsed,
    gasCostQuote: round(tokenAmountToEth(gasWei, 18, 1) * o.nativeUsd, 6),
    predictedSlippageBps: d.predictedSlippageBps ?? null,
    predictedGasGwei: d.predictedGasGwei ?? null,
    decision: d.decision,
    decidedBy: d.decidedBy,
    outcome: outcomeOf(tx, r, profitEth),
    counterfactualProfitEth: tx.kind === 'counterfactual' ? round(profitEth, 12) : null,
    blockNumber: BigInt(o.blockNumber),
    txHash: sent ? keccak256(toHex(o.id)) : null,
    latencyMs: tx.latencyMs,
    amountInRaw: c.amountIn,
    quotedOutputRaw: c.amountOut,
    executedOutputRaw: executedOut,
  };
}
