/**
 * The ledger row of one live opportunity, built by the one ledger-row builder (exec/ledgerRow.ts): a sent trade
 * carries the receipt's gas at its effective price (native wei, converted to ETH at the native token's price) and
 * FlashArb's profit and output; an opportunity not sent carries counterfactual_profit_eth from an eth_call of the
 * same trade at the detection block minus its quoted gas.
 */
import type { DecisionResult } from '../../domain/decider.ts';
import { nativeWeiToEth, tokenAmountToEth, type Opportunity, type RouteCandidate } from '../../domain/opportunity.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { buildLedgerRow } from '../../exec/ledgerRow.ts';
import type { LiveExecution } from './liveExecution.ts';

export interface LiveRowInput {
  opportunity: Opportunity;
  candidate: RouteCandidate;
  decision: DecisionResult;
  mode: 'paper' | 'fork' | 'live';
  /** Present when a transaction was sent. */
  execution?: LiveExecution;
  /** eth_call profit of the trade (borrowed-token units), or null when the call reverted; for trades not sent. */
  simulatedProfit?: bigint | null;
  /** Why an execute decision was not sent (simulation_failed, fee_cap, circuit_breaker) and the detail. */
  skip?: { reason: string; detail: string };
  /** More fields of the route JSON (reorg and confirmation marks). */
  extra?: Record<string, unknown>;
  latencyMs: number;
}

export function liveRow(i: LiveRowInput): OpportunityRow {
  const { opportunity: o, candidate: c, execution: x } = i;
  const mined =
    x?.gasUsed !== undefined && x.effectiveGasPriceWei !== undefined
      ? { gasUsed: x.gasUsed, gasPriceWei: x.effectiveGasPriceWei }
      : undefined;
  const quotedGasEth = nativeWeiToEth(c.gasCost.wei, o.nativeUsd, o.ethUsd);
  const simulatedEth = i.simulatedProfit ? tokenAmountToEth(i.simulatedProfit, c.route.token.decimals, o.cexPrice) : 0;
  return buildLedgerRow({
    opportunity: o,
    candidate: c,
    decision: i.decision,
    outcome: x ? x.outcome : 'skipped',
    sent: x !== undefined,
    mined,
    profit: x?.profit,
    executedOut: x?.outcome === 'success' ? x.amountOut : undefined,
    counterfactualProfitEth: x ? null : simulatedEth - quotedGasEth,
    txHash: x?.hash ?? null,
    latencyMs: i.latencyMs,
    routeDetails: {
      mode: i.mode,
      ...(i.skip ? { skip_reason: i.skip.reason, skip_detail: i.skip.detail } : {}),
      ...(x?.minProfit !== undefined ? { min_profit_raw: x.minProfit.toString() } : {}),
      ...(x?.cancelHash !== undefined ? { cancel_tx_hash: x.cancelHash } : {}),
      ...(x?.bundleTargets !== undefined ? { submit: 'bundle', bundle_targets: x.bundleTargets.map(Number) } : {}),
      ...(x?.inclusionBlock !== undefined ? { inclusion_block: Number(x.inclusionBlock) } : {}),
      ...(x?.effectiveGasPriceWei !== undefined ? { effective_gas_price_wei: x.effectiveGasPriceWei.toString() } : {}),
      ...(x?.flashFee !== undefined ? { flash_fee_raw: x.flashFee.toString() } : {}),
      ...i.extra,
    },
  });
}
