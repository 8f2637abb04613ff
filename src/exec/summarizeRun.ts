/**
 * The run summary from ledger rows, with the definitions of docs/metrics.md, so simulate, the backtest and the
 * dashboard agree: success = executed and profitable, false positive = executed and not profitable (both over
 * executed, so they add to 1); avg and total profit over executed rows; missed profit = positive counterfactual
 * profit of skipped rows; slippage MAE = mean |estimated - actual| over executed rows that have an actual slippage.
 */
import type { OpportunityRow, Outcome } from '../domain/opportunityRow.ts';

export interface RunSummary {
  opportunities: number;
  executed: number;
  success_rate: number;
  false_positive_rate: number;
  avg_profit_eth: number;
  total_profit_eth: number;
  missed_profit_eth: number;
  slippage_mae_bps: number;
  /** Share of executed rows with an actual slippage whose slippage is exactly 0. */
  zero_slippage_share: number;
  /** Rows per outcome (docs/metrics.md). */
  outcomes: Record<Outcome, number>;
}

type SummaryRow = Pick<
  OpportunityRow,
  | 'executed'
  | 'profitable'
  | 'profitEth'
  | 'outcome'
  | 'counterfactualProfitEth'
  | 'estimatedSlippageBps'
  | 'actualSlippageBps'
>;

const num = (v: number | string | null): number => (v === null ? 0 : Number(v));
const r = (x: number, digits: number): number => Number(x.toFixed(digits));

/** Folds rows one at a time (the runner) or all at once (summarizeRun). */
export class RunSummaryAccumulator {
  private opportunities = 0;
  private executed = 0;
  private profitable = 0;
  private total = 0;
  private missed = 0;
  private slipErr = 0;
  private slipRows = 0;
  private slipZero = 0;
  private readonly outcomes: Record<Outcome, number> = {
    success: 0,
    front_run: 0,
    reverted: 0,
    not_included: 0,
    stale: 0,
    skipped: 0,
  };

  add(row: SummaryRow): void {
    this.opportunities++;
    if (row.outcome !== null) this.outcomes[row.outcome]++;
    if (row.executed) {
      this.executed++;
      if (row.profitable) this.profitable++;
      this.total += num(row.profitEth);
      if (row.actualSlippageBps !== null && row.estimatedSlippageBps !== null) {
        this.slipErr += Math.abs(row.estimatedSlippageBps - row.actualSlippageBps);
        this.slipRows++;
        if (row.actualSlippageBps === 0) this.slipZero++;
      }
    } else if (row.outcome === 'skipped') {
      const cf = num(row.counterfactualProfitEth);
      if (cf > 0) this.missed += cf;
    }
  }

  result(): RunSummary {
    const e = this.executed;
    const success = e > 0 ? this.profitable / e : 0;
    return {
      opportunities: this.opportunities,
      executed: e,
      success_rate: r(success, 6),
      false_positive_rate: e > 0 ? r(1 - success, 6) : 0,
      avg_profit_eth: e > 0 ? r(this.total / e, 9) : 0,
      total_profit_eth: r(this.total, 9),
      missed_profit_eth: r(this.missed, 9),
      slippage_mae_bps: this.slipRows > 0 ? r(this.slipErr / this.slipRows, 4) : 0,
      zero_slippage_share: this.slipRows > 0 ? r(this.slipZero / this.slipRows, 6) : 0,
      outcomes: { ...this.outcomes },
    };
  }
}

export function summarizeRun(rows: Iterable<SummaryRow>): RunSummary {
  const acc = new RunSummaryAccumulator();
  for (const row of rows) acc.add(row);
  return acc.result();
}
