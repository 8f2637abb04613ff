/**
 * A decider's backtest metrics from its ledger rows in the evaluated window (docs/metrics.md definitions, as
 * summarizeRun computes them) and the hindsight oracle's from the shadow episodes of the same window (per episode
 * the best realised action knowing every outcome, or nothing).
 */
import { summarizeRun } from '../exec/summarizeRun.ts';
import type { Episode } from '../decide/rl/episode.ts';
import { oracleMetrics } from '../decide/rl/evaluatePolicies.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import type { DeciderMetrics } from './backtestResult.ts';

export type MetricRow = Pick<
  OpportunityRow,
  | 'timestamp'
  | 'executed'
  | 'profitable'
  | 'profitEth'
  | 'outcome'
  | 'counterfactualProfitEth'
  | 'estimatedSlippageBps'
  | 'actualSlippageBps'
  | 'predictedSlippageBps'
>;

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

export function deciderMetrics(rows: readonly MetricRow[], oracleTotalEth: number): DeciderMetrics {
  const s = summarizeRun(rows);
  const withSlip = rows.filter(
    (r) => r.executed && r.actualSlippageBps !== null && r.estimatedSlippageBps !== null,
  ).length;
  return {
    executed: s.executed,
    slippage_mae_bps: withSlip > 0 ? s.slippage_mae_bps : null,
    success_rate: s.success_rate,
    false_positive_rate: s.false_positive_rate,
    avg_profit_eth: s.avg_profit_eth,
    total_profit_eth: s.total_profit_eth,
    missed_profit_eth: s.missed_profit_eth,
    pct_of_oracle: oracleTotalEth > 0 ? round(s.total_profit_eth / oracleTotalEth, 6) : 0,
  };
}

/** The oracle over episodes: success 1 by construction, nothing missed; it knows slippage, so no estimate to score. */
export function oracleDeciderMetrics(episodes: readonly Episode[]): DeciderMetrics {
  const m = oracleMetrics(episodes);
  return {
    executed: m.executed,
    slippage_mae_bps: null,
    success_rate: m.executed > 0 ? 1 : 0,
    false_positive_rate: 0,
    avg_profit_eth: m.avg_profit_eth,
    total_profit_eth: m.total_profit_eth,
    missed_profit_eth: 0,
    pct_of_oracle: m.total_profit_eth > 0 ? 1 : 0,
  };
}

/** A point of realised profit: when and how much (ETH). */
export interface ProfitPoint {
  timeMs: number;
  profitEth: number;
}

/** Executed rows as profit points. */
export function executedProfits(rows: readonly MetricRow[]): ProfitPoint[] {
  return rows
    .filter((r) => r.executed)
    .map((r) => ({ timeMs: r.timestamp.getTime(), profitEth: Number(r.profitEth ?? 0) }));
}

/** The best realised reward of an episode over its steps and execute actions (0 = the oracle does nothing). */
export function episodeBestReward(e: Episode): number {
  let best = 0;
  for (const s of e.steps) for (const r of s.executeRewards) if (Number.isFinite(r) && r > best) best = r;
  return best;
}

/** Cumulative profit over points in time order, at most `maxPoints` points (evenly thinned, the last kept). */
export function cumulativeProfit(
  points: readonly ProfitPoint[],
  maxPoints = 2_000,
): { timeMs: number[]; profitEth: number[] } {
  const done = [...points].sort((a, b) => a.timeMs - b.timeMs);
  const timeMs: number[] = [];
  const profitEth: number[] = [];
  let total = 0;
  const every = Math.max(1, Math.ceil(done.length / maxPoints));
  done.forEach((p, i) => {
    total += p.profitEth;
    if (i % every === every - 1 || i === done.length - 1) {
      timeMs.push(p.timeMs);
      profitEth.push(round(total, 9));
    }
  });
  return { timeMs, profitEth };
}
