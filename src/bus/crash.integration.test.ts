/**
 * Crash tests of the bus against a private nats-server (own port and store, started here) and PostgreSQL: a ledger
 * writer killed -9 in the middle of a batch, a strategy killed -9 holding unacknowledged messages, a NATS server
 * restart, and a PostgreSQL outage while the bus keeps accepting. After recovery every published opportunity is in
 * the ledger exactly once with its decision, and each stream holds exactly one decision and one outcome per id.
 */
import { jetstream, jetstreamManager, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../store/testing.ts';
import { connectBus } from './connectBus.ts';
import { publishOpportunities } from './publishOpportunities.ts';
import { syntheticMessages } from './syntheticMessages.ts';
import { natsServerAvailable, startNatsServer, type NatsServer } from './local/natsServer.ts';
import { startRole, type RoleProcess } from './local/roleProcess.ts';
import { startTcpProxy } from './local/tcpProxy.ts';
import { busTopology, ensureTopology, type BusTopology } from './topology.ts';

const backends = testBackends();
const backend =
  backends.find((b) => b.name === 'timescale' && !b.skipReason) ??
  backends.find((b) => b.name === 'postgres' && !b.skipReason);
const skip = !backend
  ? 'no PostgreSQL (DATABASE_URL unset)'
  : !natsServerAvailable()
    ? 'no nats-server binary'
    : undefined;
if (skip) console.warn(`skipping bus crash tests: ${skip}`);

const ACK_WAIT_MS = 2_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!!skip)('bus survives crashes (exactly once)', () => {
  let nats: NatsServer;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let jsm: JetStreamManager;
  const stores: TestStore[] = [];
  const roles: RoleProcess[] = [];

  beforeAll(async () => {
    nats = await startNatsServer();
    nc = await connectBus({ url: nats.url });
    js = jetstream(nc);
    jsm = await jetstreamManager(nc);
  }, 30_000);
  afterAll(async () => {
    await Promise.all(roles.map((r) => r.kill()));
    await nc?.close();
    await nats?.dispose();
    for (const s of stores) await s.cleanup();
  }, 60_000);

  async function setup(
    ns: string,
    databaseUrl?: string,
  ): Promise<{ t: TestStore; topology: BusTopology; role: (role: string, extra?: string[]) => Promise<RoleProcess> }> {
    const t = await openTestStore(backend!, `bus_${ns}`);
    stores.push(t);
    const topology = busTopology({ namespace: ns, ackWaitMs: ACK_WAIT_MS });
    await ensureTopology(jsm, topology);
    const role = async (name: string, extra: string[] = []): Promise<RoleProcess> => {
      const p = await startRole({
        role: name,
        args: [
          '--bus',
          nats.url,
          '--namespace',
          ns,
          '--ack-wait-ms',
          String(ACK_WAIT_MS),
          '--database-url',
          databaseUrl ?? t.url!,
          '--db-schema',
          t.schema!,
          ...extra.filter((a) => a !== '--no-wait'),
        ],
        env: { ARBML_TIMESCALE: backend!.name === 'timescale' ? 'auto' : 'off' },
      });
      roles.push(p);
      if (name === 'ledger' && !extra.includes('--no-wait')) await p.waitFor(/database reachable/, 60_000, true);
      return p;
    };
    return { t, topology, role };
  }

  async function expectExactlyOnce(
    t: TestStore,
    topology: BusTopology,
    ids: readonly string[],
    timeoutMs = 60_000,
    unbatched = true,
  ): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const n = Number(
        (await t.store.db.query<{ n: string }>('SELECT count(*) AS n FROM arbitrage_opportunities'))[0]!.n,
      );
      if (n >= ids.length) break;
      await sleep(250);
    }
    await sleep(ACK_WAIT_MS + 500); // anything still to be redelivered would arrive now
    const [r] = await t.store.db.query<{ n: string; ids: string; decided: string; wanted: string }>(
      `SELECT count(*) AS n, count(DISTINCT id) AS ids, count(decision) AS decided,
              count(*) FILTER (WHERE id = ANY($1::text[])) AS wanted FROM arbitrage_opportunities`,
      [ids],
    );
    expect({
      rows: Number(r!.n),
      distinct: Number(r!.ids),
      decided: Number(r!.decided),
      wanted: Number(r!.wanted),
    }).toEqual({
      rows: ids.length,
      distinct: ids.length,
      decided: ids.length,
      wanted: ids.length,
    });
    // One decision and one outcome message per opportunity message (a message may carry a batch of them).
    const opp = (await jsm.streams.info(topology.streams.opp)).state.messages;
    const dec = (await jsm.streams.info(topology.streams.dec)).state.messages;
    const out = (await jsm.streams.info(topology.streams.out)).state.messages;
    expect({ decisions: dec, outcomes: out }).toEqual({ decisions: opp, outcomes: opp });
    if (unbatched) expect(opp).toBe(ids.length);
  }

  const stopAll = async (ps: RoleProcess[]): Promise<void> => {
    await Promise.all(ps.map((p) => p.stop()));
  };

  it.each([1, 20])(
    'ledger writer killed -9 in the middle of a batch: the batch is redelivered and written once (%i per message)',
    async (messageBatch) => {
      const { t, topology, role } = await setup(`crash_ledger_${messageBatch}`);
      const messages = syntheticMessages({ count: 20_000, seed: 1, idPrefix: `cl${messageBatch}` });
      const strategy = await role('strategy');
      const executor = await role('executor', ['--chain', 'ethereum']);
      const executor2 = await role('executor', ['--chain', 'polygon']);
      let ledger = await role('ledger', ['--batch-rows', '2000']);
      const publishing = publishOpportunities({ js, topology, messages, messageBatch });
      // Kill -9 while a batch of at least 100 rows is committing; if the commit won the race, try again.
      let midBatch = false;
      for (let attempt = 0; attempt < 5 && !midBatch; attempt++) {
        await ledger.waitFor(/ledger: committing \d{3,}/, 60_000);
        await sleep(5); // inside the COPY transaction: whatever the writer sends before committing has gone out
        await ledger.kill();
        midBatch = /ledger: committing \d+/.test(ledger.lines.at(-1)!); // died inside the batch, before its commit
        ledger = await role('ledger', ['--batch-rows', '2000']);
      }
      expect(midBatch).toBe(true);
      const ledgerB = ledger;
      expect((await publishing).published).toBe(messages.length);
      await expectExactlyOnce(
        t,
        topology,
        messages.map((m) => m.id),
        60_000,
        messageBatch === 1,
      );
      const b = JSON.parse(await ledgerB.stop()) as { inserted: number; redelivered: number };
      expect(b.redelivered).toBeGreaterThan(0); // the killed writer's batch came back
      expect(b.inserted).toBeGreaterThan(0);
      await stopAll([strategy, executor, executor2]);
    },
    180_000,
  );

  it('strategy killed -9 holding unacknowledged opportunities: another decides them, each decision stored once', async () => {
    const { t, topology, role } = await setup('crash_strategy');
    const messages = syntheticMessages({ count: 20_000, seed: 2, idPrefix: 'cs' });
    const s1 = await role('strategy');
    const executor = await role('executor', ['--chain', 'ethereum']);
    const executor2 = await role('executor', ['--chain', 'polygon']);
    const ledger = await role('ledger');
    const publishing = publishOpportunities({ js, topology, messages, ratePerS: 10_000 });
    let pending = 0;
    for (let i = 0; i < 100 && pending === 0; i++) {
      await sleep(20);
      pending = (await jsm.consumers.info(topology.streams.opp, topology.consumers.strategy)).num_ack_pending;
    }
    expect(pending).toBeGreaterThan(0);
    await s1.kill();
    const s2 = await role('strategy');
    expect((await publishing).published).toBe(messages.length);
    await expectExactlyOnce(
      t,
      topology,
      messages.map((m) => m.id),
    );
    const s = JSON.parse(await s2.stop()) as { decided: number; redelivered: number };
    expect(s.redelivered).toBeGreaterThan(0); // what the killed strategy held came back
    await stopAll([executor, executor2, ledger]);
  }, 180_000);

  it('NATS server killed and restarted: publishers retry, roles reconnect, nothing lost or doubled', async () => {
    const { t, topology, role } = await setup('crash_nats');
    const messages = syntheticMessages({ count: 10_000, seed: 3, idPrefix: 'cn' });
    const ps = [
      await role('strategy'),
      await role('executor', ['--chain', 'ethereum']),
      await role('executor', ['--chain', 'polygon']),
      await role('ledger'),
    ];
    await publishOpportunities({ js, topology, messages: messages.slice(0, 5_000) });
    await nats.stop('SIGKILL');
    const publishing = publishOpportunities({ js, topology, messages: messages.slice(5_000) });
    await sleep(2_000);
    await nats.start();
    expect((await publishing).published).toBe(5_000);
    await expectExactlyOnce(
      t,
      topology,
      messages.map((m) => m.id),
      90_000,
    );
    await stopAll(ps);
  }, 180_000);

  it('PostgreSQL unreachable while the bus keeps accepting: every row arrives once when it returns', async () => {
    const u = new URL(backend!.url!);
    const proxy = await startTcpProxy({ targetPort: Number(u.port || 5432) });
    u.port = String(proxy.port);
    const { t, topology, role } = await setup('crash_pg', u.toString());
    const messages = syntheticMessages({ count: 10_000, seed: 4, idPrefix: 'cp' });
    const ps = [
      await role('strategy'),
      await role('executor', ['--chain', 'ethereum']),
      await role('executor', ['--chain', 'polygon']),
      await role('ledger'),
    ];
    await publishOpportunities({ js, topology, messages: messages.slice(0, 3_000) });
    await proxy.cut();
    const accepted = await publishOpportunities({ js, topology, messages: messages.slice(3_000) });
    expect(accepted.published).toBe(7_000); // the bus took them while the database was away
    await ps[3]!.waitFor(/commit failed/, 30_000, true);
    // The writer that held the failing batch dies during the outage; a new one starts while the database is away.
    await ps[3]!.kill();
    ps[3] = await role('ledger', ['--no-wait']);
    await ps[3].waitFor(/waiting for the database/, 30_000, true);
    const during = Number(
      (await t.store.db.query<{ n: string }>('SELECT count(*) AS n FROM arbitrage_opportunities'))[0]!.n,
    );
    expect(during).toBeLessThan(messages.length);
    await proxy.restore();
    await expectExactlyOnce(
      t,
      topology,
      messages.map((m) => m.id),
      90_000,
    );
    await stopAll(ps);
    await proxy.close();
  }, 180_000);
});
