/**
 * The ledger row of a resolved simulated transaction: our trade (sent unless withdrawn before sending, which is
 * `skipped`) or the counterfactual of a skipped opportunity (what executing at once at full size would have made),
 * built by the one ledger-row builder. Outcomes as docs/metrics.md defines them.
 */
import { keccak256, toHex } from 'viem';
import type { OpportunityRow, Outcome } from '../domain/opportunityRow.ts';
import { buildLedgerRow, realisedProfitEth } from './ledgerRow.ts';
import type { PendingTx, Resolution } from './pendingTx.ts';

function outcomeOf(tx: PendingTx, r: Resolution, profitEth: number): Outcome {
  if (tx.kind === 'counterfactual' || r.status === 'unsent') return 'skipped';
  if (r.status === 'not_included') return r.status;
  if (r.frontRun && (r.status === 'reverted' || profitEth <= 0)) return 'front_run';
  if (r.status === 'reverted' && r.edgeGone) return 'stale';
  return r.status;
}

export function simulatedLedgerRow(tx: PendingTx, r: Resolution): OpportunityRow {
  const o = tx.opportunity;
  const minedResult = r.status === 'success' || r.status === 'reverted' ? r : undefined;
  const trade = {
    opportunity: o,
    candidate: tx.candidate,
    mined: minedResult && { gasUsed: minedResult.gasUsed, gasPriceWei: minedResult.gasPriceWei },
    profit: minedResult?.profit ?? undefined,
    prices: minedResult && {
      cexPrice: minedResult.cexPrice,
      ethUsd: minedResult.ethUsd,
      nativeUsd: minedResult.nativeUsd,
    },
  };
  const profitEth = realisedProfitEth(trade);
  const sent = tx.kind === 'execute' && r.status !== 'unsent';
  const executedOut = r.status === 'success' && r.executedOut !== null ? r.executedOut : undefined;
  return buildLedgerRow({
    ...trade,
    decision: tx.decision,
    outcome: outcomeOf(tx, r, profitEth),
    sent,
    executedOut: tx.kind === 'execute' ? executedOut : undefined,
    counterfactualProfitEth: tx.kind === 'counterfactual' ? profitEth : null,
    txHash: sent ? keccak256(toHex(o.id)) : null,
    latencyMs: tx.latencyMs,
    routeDetails: {
      inclusion_block: r.blockNumber,
      ...(r.status === 'unsent' ? { withdrawn_unsent: true } : {}),
      ...(r.status === 'not_included' && r.bundleRevert ? { bundle_revert: r.bundleRevert } : {}),
      ...(r.status === 'reverted' ? { revert_reason: r.revertReason } : {}),
      ...(tx.kind === 'counterfactual' && executedOut !== undefined
        ? { counterfactual_output: executedOut.toString() }
        : {}),
    },
  });
}
