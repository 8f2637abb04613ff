/**
 * The one place where arbml's Prometheus series live. The runner records what happens to every opportunity through
 * these methods; `/metrics` (see metricsServer.ts) exposes the registry. A value that is not a finite number is
 * not recorded: it is counted in `arbml_metric_values_rejected_total{metric}` so a long run never stops on it.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { RunnerMetrics } from '../domain/runnerMetrics.ts';

/** The runner's metrics port implemented with prom-client; `registry` is what `/metrics` exposes. */
export interface PromRunnerMetrics extends RunnerMetrics {
  readonly registry: Registry;
}

const profitBuckets = [-0.1, -0.05, -0.02, -0.01, -0.005, 0, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5];
const slippageBuckets = [1, 2, 5, 10, 15, 20, 30, 50, 100, 200];
const gasBuckets = [0.5, 1, 2, 5, 10, 20, 50, 100];
const latencyBuckets = [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

function toFinite(value: number | string | null | undefined): number | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : undefined;
}

export function createRunnerMetrics(registry: Registry = new Registry()): PromRunnerMetrics {
  const reg = [registry];
  const seen = new Counter({
    name: 'arbml_opportunities_seen_total',
    help: 'Opportunities detected',
    labelNames: ['chain'],
    registers: reg,
  });
  const taken = new Counter({
    name: 'arbml_opportunities_taken_total',
    help: 'Opportunities the decider executed',
    labelNames: ['chain'],
    registers: reg,
  });
  const decisions = new Counter({
    name: 'arbml_decisions_total',
    help: 'Decisions by verdict',
    labelNames: ['chain', 'decision'],
    registers: reg,
  });
  const outcomes = new Counter({
    name: 'arbml_outcomes_total',
    help: 'Opportunities by outcome',
    labelNames: ['chain', 'outcome'],
    registers: reg,
  });
  const profit = new Gauge({
    name: 'arbml_realised_profit_eth',
    help: 'Cumulative realised net profit (ETH)',
    labelNames: ['chain'],
    registers: reg,
  });
  const tradeProfit = new Histogram({
    name: 'arbml_trade_profit_eth',
    help: 'Realised net profit per trade (ETH)',
    labelNames: ['chain'],
    buckets: profitBuckets,
    registers: reg,
  });
  const slippage = new Histogram({
    name: 'arbml_slippage_abs_error_bps',
    help: '|predicted - actual| slippage per executed trade (bps); sum/count is the MAE',
    buckets: slippageBuckets,
    registers: reg,
  });
  const slippageBias = new Gauge({
    name: 'arbml_slippage_error_bps_signed_sum',
    help: 'Sum of predicted - actual slippage (bps); over the histogram count it is the bias',
    registers: reg,
  });
  const gas = new Histogram({
    name: 'arbml_gas_forecast_abs_error_gwei',
    help: '|forecast - seen| gas price (gwei); sum/count is the MAE',
    buckets: gasBuckets,
    registers: reg,
  });
  const latency = new Histogram({
    name: 'arbml_decision_latency_seconds',
    help: 'Detection to decision (s)',
    buckets: latencyBuckets,
    registers: reg,
  });
  const models = new Gauge({
    name: 'arbml_model_version',
    help: 'Model version in use by kind',
    labelNames: ['kind'],
    registers: reg,
  });
  const backlog = new Gauge({
    name: 'arbml_journal_backlog_rows',
    help: 'Ledger rows in the journal not yet in the database',
    registers: reg,
  });
  const rejected = new Counter({
    name: 'arbml_metric_values_rejected_total',
    help: 'Values not recorded because they were not finite numbers',
    labelNames: ['metric'],
    registers: reg,
  });

  const breaker = new Gauge({
    name: 'arbml_live_circuit_breaker_tripped',
    help: 'A live run stopped sending because this limit was breached (1)',
    labelNames: ['limit'],
    registers: reg,
  });

  /** The finite value, or undefined after counting the rejection. */
  function accept(metric: string, value: number | string | null | undefined): number | undefined {
    const n = toFinite(value);
    if (n === undefined) rejected.inc({ metric });
    return n;
  }

  const metrics: PromRunnerMetrics = {
    registry,
    opportunitySeen: (chain) => seen.inc({ chain }),
    decision(chain, decision) {
      decisions.inc({ chain, decision });
      if (decision === 'execute') taken.inc({ chain });
    },
    outcome(chain, outcome, profitEth) {
      outcomes.inc({ chain, outcome });
      if (profitEth === undefined || profitEth === null) return;
      const p = accept('profit_eth', profitEth);
      if (p === undefined) return;
      profit.inc({ chain }, p);
      tradeProfit.observe({ chain }, p);
    },
    slippageError(bps) {
      const e = accept('slippage_error_bps', bps);
      if (e === undefined) return;
      slippage.observe(Math.abs(e));
      slippageBias.inc(e);
    },
    gasForecastError(gwei) {
      const e = accept('gas_forecast_error_gwei', gwei);
      if (e !== undefined) gas.observe(Math.abs(e));
    },
    decisionLatency(seconds) {
      const s = accept('decision_latency_seconds', seconds);
      if (s !== undefined && s >= 0) latency.observe(s);
      else if (s !== undefined) rejected.inc({ metric: 'decision_latency_seconds' });
    },
    modelVersion(kind, version) {
      const v = accept('model_version', version);
      if (v !== undefined) models.set({ kind }, v);
    },
    journalBacklog(rows) {
      const n = accept('journal_backlog_rows', rows);
      if (n !== undefined) backlog.set(n);
    },
    circuitBreaker(limit) {
      breaker.set({ limit }, 1);
    },
    recordOpportunity(row) {
      metrics.opportunitySeen(row.chain);
      if (row.decision) metrics.decision(row.chain, row.decision);
      if (row.outcome) metrics.outcome(row.chain, row.outcome, row.profitEth);
      if (row.predictedSlippageBps !== null && row.actualSlippageBps !== null)
        metrics.slippageError(row.predictedSlippageBps - row.actualSlippageBps);
      const forecast = toFinite(row.predictedGasGwei);
      const seenGas = toFinite(row.gasPriceGwei);
      if (forecast !== undefined && seenGas !== undefined) metrics.gasForecastError(forecast - seenGas);
      if (row.latencyMs !== null) metrics.decisionLatency(row.latencyMs / 1000);
    },
  };
  return metrics;
}
