import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import { createMarket } from '../market/market.ts';
import type { BulkInsertResult } from '../store/bulkInsert.ts';
import { openStore } from '../store/openStore.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { decodeJournalLine, encodeJournalLine } from './journal.ts';
import { Ledger } from './ledger.ts';
import { runSimulation, type RowSink } from './runSimulation.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-ledger-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** An idempotent in-memory table on (timestamp, id), like the ledger's COPY. */
function memoryTable() {
  const keys = new Set<string>();
  return {
    keys,
    up: true,
    insert(rows: readonly OpportunityRow[]): BulkInsertResult {
      let inserted = 0;
      for (const r of rows) {
        const k = `${r.timestamp.getTime()}|${r.id}`;
        if (!keys.has(k)) inserted++;
        keys.add(k);
      }
      return { inserted, duplicates: rows.length - inserted };
    },
  };
}

/** A sink that makes the runner take `ms` per flush, so an outage falls mid-run. */
function slowSink(ledger: Ledger, ms: number, onFlush: (n: number) => void): RowSink {
  let n = 0;
  return {
    push: (r) => ledger.push(r),
    get buffered() {
      return ledger.buffered;
    },
    flush: async () => {
      onFlush(++n);
      await ledger.flush();
      await sleep(ms);
    },
  };
}

async function simulate(sink: RowSink, emitted: OpportunityRow[]): Promise<void> {
  const tee: RowSink = {
    push: (r) => (emitted.push(r), sink.push(r)),
    get buffered() {
      return sink.buffered;
    },
    flush: () => sink.flush(),
  };
  await runSimulation({
    market: createMarket({ seed: 4, days: 0.1 }),
    decider: new HeuristicDecider(),
    seed: 4,
    sink: tee,
    flushRows: 10,
  });
}

describe('journal', () => {
  it('a row reads back exactly (bigint, Date, JSON route, nulls)', async () => {
    const rows: OpportunityRow[] = [];
    await runSimulation({
      market: createMarket({ seed: 2, days: 0.02 }),
      decider: new HeuristicDecider(),
      seed: 2,
      sink: { push: (r) => void rows.push(r), buffered: 0, flush: async () => {} },
    });
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(decodeJournalLine(encodeJournalLine(r))).toEqual(r);
  });
});

describe('Ledger outage handling (in-memory database)', () => {
  it('journals while writes fail or time out, replays when back: no row lost, none doubled', async () => {
    const table = memoryTable();
    const journalPath = join(dir, 'mem.ndjson');
    let slowOnce = true;
    const ledger = new Ledger({
      journalPath,
      retryMs: 50,
      timeoutMs: 100,
      insert: async (rows) => {
        if (!table.up) throw new Error('connection refused');
        if (slowOnce) {
          // The first write lands after the ledger gave up on it: the rows are in the table AND the journal.
          slowOnce = false;
          await sleep(200);
        }
        return table.insert(rows);
      },
    });
    const emitted: OpportunityRow[] = [];
    await simulate(
      slowSink(ledger, 10, (n) => {
        if (n === 3) table.up = false;
        if (n === 6) table.up = true;
      }),
      emitted,
    );
    const stats = await ledger.close(5_000);
    expect(emitted.length).toBe(EXPECTED_ROWS);
    expect(table.keys.size).toBe(emitted.length);
    expect(stats).toMatchObject({ logged: emitted.length, backlog: 0, unreadable: 0 });
    expect(stats.journaled).toBeGreaterThan(0);
    expect(stats.outages).toBeGreaterThanOrEqual(1);
    expect(readFileSync(journalPath, 'utf8')).toBe('');
  });
});

const url = process.env.DATABASE_URL;
if (!url) console.warn('skipping ledger PostgreSQL outage test: DATABASE_URL unset');

/** A TCP proxy the test controls: cut() drops every connection and refuses new ones until restore(). */
function startProxy(target: URL): Promise<{ server: Server; port: number; cut(): void; restore(): void }> {
  const sockets = new Set<Socket>();
  let cut = false;
  const server = createServer((client) => {
    if (cut) return void client.destroy();
    const upstream = connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {});
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      resolve({
        server,
        port: (server.address() as { port: number }).port,
        cut: () => {
          cut = true;
          for (const s of sockets) s.destroy();
        },
        restore: () => void (cut = false),
      });
    }),
  );
}

describe.skipIf(!url)('Ledger outage handling (PostgreSQL behind a TCP proxy)', () => {
  it('the database is cut for seconds mid-run; the journal replays: exact row count, no duplicate id', async () => {
    const target = new URL(url!);
    const proxy = await startProxy(target);
    const proxied = new URL(url!);
    proxied.hostname = '127.0.0.1';
    proxied.port = String(proxy.port);
    const schema = `t_ledger_${process.pid}_${Date.now().toString(36)}`;
    const store = await openStore({ dbPath: '', databaseUrl: proxied.toString() }, { schema, max: 1 });
    const admin = postgres(url!, { max: 1, onnotice: () => {} });
    try {
      const ledger = new Ledger({
        insert: (rows) => store.insertOpportunities(rows),
        journalPath: join(dir, 'pg.ndjson'),
        retryMs: 200,
        timeoutMs: 3_000,
      });
      const emitted: OpportunityRow[] = [];
      let restoredAt = 0;
      await simulate(
        slowSink(ledger, 60, (n) => {
          if (n !== 3) return;
          proxy.cut();
          setTimeout(() => {
            proxy.restore();
            restoredAt = n;
          }, 2_000);
        }),
        emitted,
      );
      const stats = await ledger.close(30_000);
      const [{ rows, ids }] = await admin.unsafe(
        `SELECT count(*)::int AS rows, count(DISTINCT id)::int AS ids FROM "${schema}".arbitrage_opportunities`,
      );
      expect(restoredAt).toBe(3);
      expect(stats.outages).toBeGreaterThanOrEqual(1);
      expect(stats.journaled).toBeGreaterThan(0);
      expect(stats.backlog).toBe(0);
      expect(rows).toBe(emitted.length);
      expect(ids).toBe(emitted.length);
      expect(stats.logged).toBe(emitted.length);
    } finally {
      await store.close();
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end({ timeout: 5 });
      proxy.server.close();
    }
  }, 60_000);
});

// Seed 4, 0.1 day, heuristic: rows the run logs (85 with the measured gas profile of the real pools).
const EXPECTED_ROWS = 85;
