/**
 * The paper executor's resolution of a decision: the row the paper market resolved when it took the same decision
 * (the collector runs the paper runner, which resolves execution, inclusion, front-running and counterfactuals on
 * the simulated chain), relabelled with who decided. A decision that differs from the paper market's (a strategy
 * with another policy) cannot be resolved on a market that went the other way: it is recorded as `stale`, not sent,
 * with the opportunity's detection columns kept.
 */
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { rowFromWire, type DecisionMessage } from './wire.ts';

export interface PaperOutcome {
  row: OpportunityRow;
  /** True when the strategy chose as the paper market did (the outcome is the paper runner's). */
  matched: boolean;
}

export function paperOutcome(d: DecisionMessage): PaperOutcome {
  if (!d.opp.paper) throw new TypeError(`opportunity ${d.opp.id} carries no paper resolution (a live collector's)`);
  const paper = rowFromWire(d.opp.paper);
  if (paper.decision === d.decision.decision)
    return { row: { ...paper, decidedBy: d.decision.decidedBy }, matched: true };
  return {
    matched: false,
    row: {
      ...paper,
      decision: d.decision.decision,
      decidedBy: d.decision.decidedBy,
      estimatedSlippageBps: d.decision.estimatedSlippageBps,
      outcome: 'stale',
      executed: false,
      profitable: false,
      profitEth: 0,
      actualSlippageBps: null,
      counterfactualProfitEth: null,
      txHash: null,
      executedOutputRaw: null,
    },
  };
}
