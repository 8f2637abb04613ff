/**
 * The metrics port: what the runner, the ledger and the live loop report as they work. They call these methods
 * and never know the implementation (monitor/metrics.ts implements it with prom-client and serves `/metrics`).
 */
import type { Decision, OpportunityRow, Outcome } from './opportunityRow.ts';

export interface RunnerMetrics {
  /** One opportunity detected on `chain` (taken or not). */
  opportunitySeen(chain: string): void;
  /** The decider's verdict; `execute` also counts the opportunity as taken. */
  decision(chain: string, decision: Decision): void;
  /** How a decided opportunity ended, with its realised net profit in ETH when it has one (negative for a loss). */
  outcome(chain: string, outcome: Outcome, profitEth?: number | string | null): void;
  /** Predicted minus actual slippage of one executed trade, in bps (sign kept; the histogram holds |error|). */
  slippageError(bps: number): void;
  /** Gas forecast minus the gas price seen, in gwei. */
  gasForecastError(gwei: number): void;
  /** Seconds from detection to decision. */
  decisionLatency(seconds: number): void;
  /** The model version of `kind` (slippage, gas, rl) the decider is using now. */
  modelVersion(kind: string, version: number): void;
  /** Ledger rows waiting in the journal to be written to the database. */
  journalBacklog(rows: number): void;
  /** A live run's safety limit (gas_budget, loss_per_hour, consecutive_reverts) stopped sending. */
  circuitBreaker(limit: string): void;
  /** Everything above that one ledger row tells, in one call (seen, decision, outcome, errors, latency). */
  recordOpportunity(row: OpportunityRow): void;
}
