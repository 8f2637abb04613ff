/**
 * Seeded synthetic opportunity messages for benchmarks and crash tests: the store's synthetic ledger rows, each with
 * a quote consistent with it, and the paper row carrying the decision the heuristic takes on that quote (so the
 * paper executor resolves every one as the paper runner would have). Same seed, same messages.
 */
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { syntheticOpportunities } from '../store/syntheticOpportunities.ts';
import { quoteInput, rowToWire, type OpportunityMessage, type WireQuote } from './wire.ts';

export interface SyntheticMessagesOptions {
  count: number;
  seed: number;
  idPrefix?: string;
  startMs?: number;
}

/** A quote in line with the row: gross = |edge| of the input, 5 bps flash fee, gas at 1 gwei in base units. */
function quoteOf(row: OpportunityRow): WireQuote {
  const amountIn = row.amountInRaw ?? 0n;
  const gross = (amountIn * BigInt(Math.round(Math.abs(row.edgeBps ?? 0) * 100))) / 1_000_000n;
  return {
    edgeBps: row.edgeBps ?? 0,
    gasPriceGwei: Number(row.gasPriceGwei ?? 0),
    routes: [
      {
        grossProfit: gross.toString(),
        amountOut: (amountIn + gross).toString(),
        flashFee: ((amountIn * 5n) / 10_000n).toString(),
        gasCostToken: ((row.gasUsed ?? 0n) * 10n ** 9n).toString(),
      },
    ],
  };
}

/** Messages without publishedAt set (0): the publisher stamps it. */
export function syntheticMessages(o: SyntheticMessagesOptions): OpportunityMessage[] {
  const decider = new HeuristicDecider();
  return syntheticOpportunities(o).map((row) => {
    const quote = quoteOf(row);
    const decision = decider.decide(quoteInput(quote)).decision;
    const executed = decision === 'execute';
    const paper: OpportunityRow = executed
      ? { ...row, decision, executed: true, outcome: row.outcome === 'skipped' ? 'success' : row.outcome }
      : {
          ...row,
          decision,
          executed: false,
          outcome: 'skipped',
          profitable: false,
          profitEth: 0,
          txHash: null,
          executedOutputRaw: null,
          actualSlippageBps: null,
        };
    return { id: row.id, chain: row.chain, publishedAt: 0, quote, paper: rowToWire(paper) };
  });
}
