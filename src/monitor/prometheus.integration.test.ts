/**
 * A real Prometheus scrapes the runner metrics on loopback; its query API must return the opportunity counters
 * with the exact values recorded, and follow them as they grow. Every PromQL expression of the Grafana dashboard
 * must also be accepted by this Prometheus.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/openStore.ts';
import { createDashboardServer } from './dashboardServer.ts';
import { grafanaDashboardPath } from './grafana/writeGrafanaDashboard.ts';
import { createRunnerMetrics, type PromRunnerMetrics as RunnerMetrics } from './metrics.ts';
import { startMetricsServer, type MetricsServer } from './metricsServer.ts';
import { prometheusBinary, startPrometheus, waitFor, type PrometheusProcess } from './testing/prometheusProcess.ts';
import { knownRows } from './testing/knownLedger.ts';
import { ledgerRow } from './testing/ledgerRow.ts';

const skip = !existsSync(prometheusBinary);
if (skip) console.warn(`skipping real-Prometheus test: ${prometheusBinary} not found (apt-get install prometheus)`);

function record(metrics: RunnerMetrics, chain: string, n: number, from: number): void {
  for (let i = 0; i < n; i++) {
    const executed = i % 2 === 0;
    metrics.recordOpportunity(
      ledgerRow({
        id: `${chain}:${from + i}`,
        timestamp: new Date(),
        chain,
        executed,
        decision: executed ? 'execute' : 'skip',
        outcome: executed ? 'success' : 'skipped',
        profitEth: executed ? '0.01' : null,
        latencyMs: 3,
      }),
    );
  }
}

describe.skipIf(skip)('real Prometheus scrapes arbml /metrics', () => {
  const metrics = createRunnerMetrics();
  let server: MetricsServer;
  let prom: PrometheusProcess;
  let store: Store;
  let dashboard: FastifyInstance;
  beforeAll(async () => {
    server = await startMetricsServer({ registry: metrics.registry, port: 0 });
    store = await openStore({ dbPath: 'memory://', databaseUrl: undefined });
    await store.insertOpportunities(knownRows);
    dashboard = await createDashboardServer({ db: store.db });
    const dashboardUrl = new URL(await dashboard.listen({ port: 0, host: '127.0.0.1' }));
    prom = await startPrometheus({ targets: [`127.0.0.1:${server.port}`, dashboardUrl.host] });
  });
  afterAll(async () => {
    await prom?.stop();
    await server?.close();
    await dashboard?.close();
    await store?.close();
  });

  const seenByChain = async () => {
    const rows = await prom.query('arbml_opportunities_seen_total');
    return Object.fromEntries(rows.map((r) => [r.metric.chain, r.value]));
  };

  it('returns the opportunity counters through /api/v1/query and follows them as they grow', async () => {
    record(metrics, 'ethereum', 6, 0);
    record(metrics, 'polygon', 3, 0);
    const first = await waitFor('first scrape', 20_000, async () => {
      const seen = await seenByChain();
      return seen.ethereum === 6 && seen.polygon === 3 ? seen : undefined;
    });
    expect(first).toEqual({ ethereum: 6, polygon: 3 });
    const taken = await prom.query('sum(arbml_opportunities_taken_total)');
    expect(taken[0]!.value).toBe(5);
    const up = await waitFor('both targets up', 10_000, async () => {
      const rows = await prom.query('up{job="arbml"}');
      return rows.length === 2 && rows.every((r) => r.value === 1) ? rows : undefined;
    });
    expect(up).toHaveLength(2);

    record(metrics, 'ethereum', 4, 6);
    const second = await waitFor('a later scrape with the new counts', 20_000, async () => {
      const seen = await seenByChain();
      return seen.ethereum === 10 ? seen : undefined;
    });
    expect(second).toEqual({ ethereum: 10, polygon: 3 });
    const outcomes = await prom.query('arbml_outcomes_total{chain="ethereum",outcome="success"}');
    expect(outcomes[0]!.value).toBe(5);
  });

  it('also scrapes the dashboard server: ledger gauges read from the store', async () => {
    const ledger = await waitFor('ledger gauges', 20_000, async () => {
      const rows = await prom.query('sum(arbml_ledger_opportunities)');
      return rows.length ? rows : undefined;
    });
    expect(ledger[0]!.value).toBe(knownRows.length);
  });

  it('accepts every PromQL expression of the Grafana dashboard', async () => {
    const dashboard = JSON.parse(readFileSync(grafanaDashboardPath, 'utf8')) as {
      panels: { targets?: { expr?: string }[] }[];
    };
    const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => (t.expr ? [t.expr] : [])));
    expect(exprs.length).toBeGreaterThanOrEqual(8);
    for (const expr of exprs) await prom.query(expr.replaceAll('$__rate_interval', '1m'));
    const models = await prom.query('arbml_journal_backlog_rows');
    expect(models[0]!.value).toBe(0);
  });
});
