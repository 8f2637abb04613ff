/**
 * The distributed pipeline gives the single-process runner's ledger: a collector (paper market), a strategy, an
 * executor and a ledger writer on a private nats-server write exactly the rows `runSimulation` writes for the same
 * seed. And workers return the same results as running the jobs in one process.
 */
import { jetstream, jetstreamManager, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import { runSimulation } from '../exec/runSimulation.ts';
import { runTagFor } from '../exec/simulateToStore.ts';
import { createMarket } from '../market/market.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { openTestStore, testBackends, type TestStore } from '../store/testing.ts';
import { runCollector } from './collector.ts';
import { connectBus } from './connectBus.ts';
import { runExecutor } from './executor.ts';
import { runJob, type Job, type JobResult } from './jobs.ts';
import { runLedgerWriter } from './ledgerWriter.ts';
import { natsServerAvailable, startNatsServer, type NatsServer } from './local/natsServer.ts';
import { publishReliably } from './publishReliably.ts';
import { runStrategy } from './strategy.ts';
import { busTopology, ensureExecutorConsumer, ensureTopology } from './topology.ts';
import { decodeMessage, encodeMessage } from './wire.ts';
import { runWorker } from './worker.ts';

const backend = testBackends().find((b) => b.name === 'postgres' && !b.skipReason) ?? testBackends()[0]!;
const skip = natsServerAvailable() ? undefined : 'no nats-server binary';
if (skip) console.warn(`skipping bus pipeline tests: ${skip}`);

describe.skipIf(!!skip)('bus pipeline', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let t: TestStore;
  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectBus({ url: nats.url });
    js = jetstream(nc);
    t = await openTestStore(backend, 'bus_pipeline');
  }, 60_000);
  afterAll(async () => {
    await nc?.close();
    await nats?.dispose();
    await t?.cleanup();
  });

  it('collector -> strategy -> executor -> ledger writes the rows of the single-process paper run', async () => {
    const topology = busTopology({ namespace: 'pipe' });
    const jsm = await jetstreamManager(nc);
    await ensureTopology(jsm, topology);
    const consumer = await ensureExecutorConsumer(jsm, topology, 'ethereum', 'paper');
    const stop = new AbortController();
    const roles = Promise.all([
      runStrategy({ js, topology, signal: stop.signal }),
      runExecutor({ js, topology, consumer, signal: stop.signal }),
      runLedgerWriter({ js, topology, store: t.store, signal: stop.signal }),
    ]);
    const collected = await runCollector({
      js,
      topology,
      chains: ['ethereum'],
      seed: 3,
      days: 0.5,
      signal: new AbortController().signal,
    });

    const expected: OpportunityRow[] = [];
    const decider = new HeuristicDecider();
    await runSimulation({
      market: createMarket({ seed: 3, days: 0.5, chains: ['ethereum'] }),
      decider,
      seed: 3,
      runTag: runTagFor({ seed: 3, days: 0.5, chains: ['ethereum'], decider }),
      sink: { push: (r) => void expected.push(r), buffered: 0, flush: async () => {} },
    });
    expect(collected.published).toBe(expected.length);
    expect(expected.length).toBeGreaterThan(20);
    for (let i = 0; i < 200; i++) {
      const [{ n }] = await t.store.db.query<{ n: string }>('SELECT count(*) AS n FROM arbitrage_opportunities');
      if (Number(n) >= expected.length) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    stop.abort();
    const [strategy, executor] = await roles;
    expect(strategy.decided).toBe(expected.length);
    expect(executor.diverged).toBe(0);
    const stored = await t.store.readOpportunities({ limit: 100_000 });
    const byId = new Map(stored.map((r) => [r.id, r]));
    expect(byId.size).toBe(expected.length);
    const cmp = (r: OpportunityRow) => [
      r.id,
      r.decision,
      r.outcome,
      r.executed,
      String(r.profitEth),
      r.amountInRaw,
      r.executedOutputRaw,
      r.txHash,
    ];
    expect(expected.map((r) => cmp(byId.get(r.id)!))).toEqual(expected.map(cmp));
  }, 180_000);

  it('two workers run simulate jobs and return what one process computes', async () => {
    const topology = busTopology({ namespace: 'work' });
    await ensureTopology(await jetstreamManager(nc), topology);
    const stop = new AbortController();
    const workers = Promise.all([
      runWorker({ js, topology, signal: stop.signal }),
      runWorker({ js, topology, signal: stop.signal }),
    ]);
    const jobs: Job[] = [1, 2, 3, 4].map((seed) => ({
      id: `sim-${seed}`,
      fn: 'simulate',
      args: { seed, days: 0.2, chains: ['polygon'] },
    }));
    const results = new Map<string, JobResult>();
    const sub = nc.subscribe(`${topology.namespace}.jobres.>`, {
      callback: (_e, m) => {
        const r = decodeMessage<JobResult>(m.data);
        results.set(r.id, r);
      },
    });
    for (const job of jobs)
      await publishReliably({ js, subject: topology.jobSubject, data: encodeMessage(job), msgId: job.id });
    for (let i = 0; i < 600 && results.size < jobs.length; i++) await new Promise((r) => setTimeout(r, 100));
    sub.unsubscribe();
    stop.abort();
    const done = await workers;
    expect(done[0].jobs + done[1].jobs).toBe(jobs.length);
    for (const job of jobs) {
      const local = await runJob(job);
      expect({ ...results.get(job.id), worker: undefined }).toEqual({ ...local, worker: undefined });
    }
    expect(results.get('sim-1')!.ok).toBe(true);
  }, 180_000);
});
