/**
 * The /metrics of a bus role: messages consumed, published and acknowledged, redeliveries seen (a sign that some
 * process died or timed out holding them), rows committed, commit duration, and latency from the collector's
 * publish to the decision and to the committed row.
 */
import { Counter, Histogram, Registry } from 'prom-client';

export interface BusMetrics {
  readonly registry: Registry;
  consumed(n?: number): void;
  published(n?: number): void;
  acked(n?: number): void;
  redelivered(n?: number): void;
  committed(rows: number, duplicates: number, seconds: number): void;
  commitFailed(): void;
  /** Seconds from the collector's publish to the decision. */
  decisionLatency(seconds: number): void;
  /** Seconds from the collector's publish to the committed ledger row. */
  commitLatency(seconds: number): void;
}

const latencyBuckets = [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10];

export function createBusMetrics(role: string, registry: Registry = new Registry()): BusMetrics {
  registry.setDefaultLabels({ role });
  const counter = (name: string, help: string): Counter => new Counter({ name, help, registers: [registry] });
  const consumed = counter('arbml_bus_consumed_total', 'Messages delivered to this process');
  const published = counter('arbml_bus_published_total', 'Messages this process published (stored by JetStream)');
  const acked = counter('arbml_bus_acked_total', 'Messages this process acknowledged');
  const redelivered = counter('arbml_bus_redelivered_total', 'Deliveries that were redeliveries');
  const rows = counter('arbml_bus_ledger_rows_total', 'Ledger rows committed (new rows)');
  const dups = counter('arbml_bus_ledger_duplicates_total', 'Redelivered rows the ledger already had');
  const failed = counter('arbml_bus_commit_failures_total', 'Ledger batches whose commit failed (retried)');
  const commit = new Histogram({
    name: 'arbml_bus_commit_seconds',
    help: 'Duration of one ledger batch commit',
    buckets: latencyBuckets,
    registers: [registry],
  });
  const decision = new Histogram({
    name: 'arbml_bus_decision_latency_seconds',
    help: 'Collector publish to decision',
    buckets: latencyBuckets,
    registers: [registry],
  });
  const toRow = new Histogram({
    name: 'arbml_bus_commit_latency_seconds',
    help: 'Collector publish to committed ledger row',
    buckets: latencyBuckets,
    registers: [registry],
  });
  return {
    registry,
    consumed: (n = 1) => consumed.inc(n),
    published: (n = 1) => published.inc(n),
    acked: (n = 1) => acked.inc(n),
    redelivered: (n = 1) => redelivered.inc(n),
    committed(n, d, seconds) {
      rows.inc(n);
      dups.inc(d);
      commit.observe(seconds);
    },
    commitFailed: () => failed.inc(),
    decisionLatency: (s) => decision.observe(s),
    commitLatency: (s) => toRow.observe(s),
  };
}
