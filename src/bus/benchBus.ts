/**
 * `arbml bench bus`: the distributed pipeline end to end on this machine. A private nats-server (own port and store)
 * or --bus, S strategy processes, one paper executor per chain, L ledger writers into a fresh PostgreSQL schema.
 * Phase 1 (throughput): `count` synthetic opportunities published as fast as JetStream confirms them; the rate is
 * opportunities committed to the ledger per second, from the first publish to the last committed row. Phase 2
 * (latency): `rate` opportunities/s for `latencySeconds`; p50/p99 from the collector's publish to the decision and
 * to the committed row (reported by the ledger writers per batch). Then the ledger is checked against every id
 * published: lost and duplicated must be 0.
 */
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import postgres from 'postgres';
import { InvalidInputError } from '../core/errors.ts';
import { quantile } from '../core/statistics.ts';
import { openStore } from '../store/openStore.ts';
import { connectBus } from './connectBus.ts';
import { natsServerAvailable, startNatsServer, type NatsServer } from './local/natsServer.ts';
import { startRole, type RoleProcess } from './local/roleProcess.ts';
import { publishOpportunities } from './publishOpportunities.ts';
import { syntheticMessages } from './syntheticMessages.ts';
import { busTopology, deleteTopology, ensureTopology } from './topology.ts';
import { groupBy } from './envelope.ts';
import { decodeMessage, type OpportunityMessage } from './wire.ts';

export interface BenchBusOptions {
  databaseUrl: string;
  /** External NATS server; default a private one. */
  busUrl?: string;
  strategies: number;
  ledgerWriters: number;
  count: number;
  rate: number;
  latencySeconds: number;
  seed: number;
  batchRows?: number;
  /** Opportunities per bus message (default 1). */
  messageBatch?: number;
  timescale: boolean;
  log: (line: string) => void;
}

export interface BenchBusResult {
  published: number;
  ledger_rows: number;
  lost: number;
  duplicated: number;
  opportunities_per_s: number;
  decision_p50_ms: number;
  decision_p99_ms: number;
  commit_p50_ms: number;
  commit_p99_ms: number;
  latency_rate_per_s: number;
  message_batch: number;
  strategies: number;
  ledger_writers: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const ms = (x: number): number => Number(x.toFixed(3));

/** Reorders messages into runs of k of one chain (a collector's batch is one chain's), keeping each chain's order. */
function inChainRuns(messages: OpportunityMessage[], k: number): OpportunityMessage[] {
  if (k === 1) return messages;
  const byChain = [...groupBy(messages, (m) => m.chain).values()];
  const out: OpportunityMessage[] = [];
  for (let i = 0; out.length < messages.length; i += k) for (const list of byChain) out.push(...list.slice(i, i + k));
  return out;
}

export async function benchBus(o: BenchBusOptions): Promise<BenchBusResult> {
  if (!o.busUrl && !natsServerAvailable())
    throw new InvalidInputError('no nats-server binary for a private server: pass --bus nats://...');
  const k = Math.max(1, o.messageBatch ?? 1);
  const ns = `bench_${process.pid}_${Date.now().toString(36)}`;
  const schema = ns;
  const server: NatsServer | undefined = o.busUrl ? undefined : await startNatsServer();
  const url = o.busUrl ?? server!.url;
  const topology = busTopology({ namespace: ns, maxAckPending: 100_000 });
  const nc = await connectBus({ url, name: 'arbml bench bus' });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const store = await openStore({ dbPath: '', databaseUrl: o.databaseUrl }, { schema, timescale: o.timescale });
  const roles: RoleProcess[] = [];
  try {
    await ensureTopology(jsm, topology);
    const common = ['--bus', url, '--namespace', ns, '--database-url', o.databaseUrl, '--db-schema', schema];
    const env = { ARBML_TIMESCALE: o.timescale ? 'auto' : 'off' };
    const start = (role: string, extra: string[] = []): Promise<RoleProcess> =>
      startRole({ role, args: [...common, ...extra], env });
    roles.push(
      ...(await Promise.all([
        ...Array.from({ length: o.strategies }, () => start('strategy')),
        start('executor', ['--chain', 'ethereum']),
        start('executor', ['--chain', 'polygon']),
        ...Array.from({ length: o.ledgerWriters }, () =>
          start('ledger', ['--batch-rows', String(o.batchRows ?? 5_000), '--message-batch', String(k)]),
        ),
      ])),
    );
    for (const r of roles.slice(-o.ledgerWriters)) await r.waitFor(/database reachable/, 60_000, true);
    const commitMs: number[] = [];
    const decisionMs: number[] = [];
    let recording = false;
    const sub = nc.subscribe(topology.committedSubject, {
      callback: (_err, m) => {
        if (!recording) return;
        const n = decodeMessage<{ commitMs: number[]; decisionMs: number[] }>(m.data);
        commitMs.push(...n.commitMs);
        decisionMs.push(...n.decisionMs);
      },
    });
    // Once a second during phase 1: messages in each stream and rows committed, i.e. how far each stage has got.
    const sampleStages = (log: (l: string) => void): NodeJS.Timeout =>
      setInterval(() => {
        void Promise.all([
          jsm.streams.info(topology.streams.opp),
          jsm.streams.info(topology.streams.dec),
          jsm.streams.info(topology.streams.out),
          rows(),
        ])
          .then(([a, b, c, r]) =>
            log(
              `bench bus: t=${((performance.now() - t0Sample) / 1000).toFixed(1)} s opportunities ${a.state.messages} decisions ${b.state.messages} outcomes ${c.state.messages} rows ${r}`,
            ),
          )
          .catch(() => {});
      }, 1_000);
    const t0Sample = performance.now();
    const rows = async (): Promise<number> =>
      Number((await store.db.query<{ n: string }>('SELECT count(*) AS n FROM arbitrage_opportunities'))[0]!.n);
    const waitRows = async (n: number, timeoutMs: number): Promise<void> => {
      const until = Date.now() + timeoutMs;
      while ((await rows()) < n && Date.now() < until) await sleep(50);
    };

    const all = inChainRuns(
      syntheticMessages({ count: o.count + Math.round(o.rate * o.latencySeconds), seed: o.seed, idPrefix: ns }),
      k,
    );
    const burst = all.slice(0, o.count);
    o.log(
      `bench bus: phase 1, ${burst.length} opportunities as fast as possible (${o.strategies} strategies, ${o.ledgerWriters} ledger writers)`,
    );
    const t0 = performance.now();
    const sampler = sampleStages(o.log);
    const p1 = await publishOpportunities({ js, topology, messages: burst, messageBatch: k });
    await waitRows(burst.length, 300_000);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    o.log(`bench bus: phase 1 took ${seconds.toFixed(2)} s (published in ${p1.seconds.toFixed(2)} s)`);

    const paced = all.slice(o.count);
    o.log(`bench bus: phase 2, ${paced.length} opportunities at ${o.rate}/s`);
    recording = true;
    const p2 = await publishOpportunities({ js, topology, messages: paced, ratePerS: o.rate, messageBatch: k });
    await waitRows(all.length, 120_000);
    await sleep(200);
    recording = false;
    sub.unsubscribe();

    const [check] = await store.db.query<{ n: string; distinct: string; known: string }>(
      `SELECT count(*) AS n, count(DISTINCT id) AS distinct, count(DISTINCT id) FILTER (WHERE id = ANY($1::text[])) AS known FROM arbitrage_opportunities`,
      [all.map((m) => m.id)],
    );
    const n = Number(check!.n);
    return {
      published: p1.published + p2.published,
      ledger_rows: n,
      lost: all.length - Number(check!.known),
      duplicated: n - Number(check!.distinct),
      opportunities_per_s: Math.round(burst.length / seconds),
      decision_p50_ms: decisionMs.length ? ms(quantile(decisionMs, 0.5)) : NaN,
      decision_p99_ms: decisionMs.length ? ms(quantile(decisionMs, 0.99)) : NaN,
      commit_p50_ms: commitMs.length ? ms(quantile(commitMs, 0.5)) : NaN,
      commit_p99_ms: commitMs.length ? ms(quantile(commitMs, 0.99)) : NaN,
      latency_rate_per_s: o.rate,
      message_batch: k,
      strategies: o.strategies,
      ledger_writers: o.ledgerWriters,
    };
  } finally {
    await Promise.all(roles.map((r) => r.stop(10_000).catch(() => '')));
    await deleteTopology(jsm, topology).catch(() => {});
    await nc.close().catch(() => {});
    await server?.dispose();
    await store.close();
    const admin = postgres(o.databaseUrl, { max: 1, onnotice: () => {} });
    await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end({ timeout: 5 });
  }
}
