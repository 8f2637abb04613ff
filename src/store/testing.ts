/**
 * Test helpers for code that needs a store: every store test runs on three backends.
 * - pglite: a fresh temp directory;
 * - postgres: plain PostgreSQL, in the database `<db>_plain` next to DATABASE_URL's (created on first use, opened with
 *   timescale off, so it never gets the extension even on a server that has it);
 * - timescale: `<db>_timescale` (created on first use, with the timescaledb extension); skipped with the reason
 *   when the server does not offer the extension (run ../shared/tools/install-timescaledb).
 * On a server each test lives in a schema unique to the caller, dropped on cleanup, so test files running at the
 * same time never see each other's rows. TEST_PLAIN_DATABASE_URL / TEST_TIMESCALE_DATABASE_URL override the URLs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from './openStore.ts';

export type TestBackendName = 'pglite' | 'postgres' | 'timescale';

export interface TestBackend {
  name: TestBackendName;
  /** Undefined when the backend cannot run here; then `skipReason` says why. */
  url?: string;
  skipReason?: string;
}

/** DATABASE_URL with its database name suffixed (`.../test` -> `.../test_plain`). */
export function siblingDatabaseUrl(url: string, suffix: string): string {
  const u = new URL(url);
  u.pathname = `/${(decodeURIComponent(u.pathname.slice(1)) || 'postgres') + suffix}`;
  return u.toString();
}

/** The maintenance URL of a server (database postgres), for CREATE DATABASE. */
function adminUrl(url: string): string {
  const u = new URL(url);
  u.pathname = '/postgres';
  return u.toString();
}

// Asked once per process, synchronously (describe.skipIf is decided at collection), by a tiny child process.
let timescaleAnswer: string | undefined | null = null;
function timescaleMissing(url: string): string | undefined {
  if (timescaleAnswer !== null) return timescaleAnswer;
  const script = `import postgres from 'postgres';
const sql = postgres(process.env.U, { max: 1, connect_timeout: 5, onnotice: () => {} });
try { const r = await sql\`select 1 from pg_available_extensions where name = 'timescaledb'\`; console.log(r.length ? 'yes' : 'no'); }
catch (e) { console.log('error ' + e.message); } finally { await sql.end({ timeout: 1 }); }`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { ...process.env, U: adminUrl(url) },
    encoding: 'utf8',
    timeout: 15_000,
  });
  const out = (r.stdout ?? '').trim();
  timescaleAnswer =
    out === 'yes'
      ? undefined
      : out === 'no'
        ? 'timescaledb extension not installed on the server (run ../shared/tools/install-timescaledb)'
        : `cannot ask the server about timescaledb (${out || r.stderr?.trim() || 'no answer'})`;
  return timescaleAnswer;
}

/** The three backends; a server backend is marked skipped (with a reason) when it cannot run here. */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  const plain = process.env.TEST_PLAIN_DATABASE_URL ?? (url && siblingDatabaseUrl(url, '_plain'));
  const timescale = process.env.TEST_TIMESCALE_DATABASE_URL ?? (url && siblingDatabaseUrl(url, '_timescale'));
  const missing = timescale ? timescaleMissing(timescale) : undefined;
  return [
    { name: 'pglite' },
    plain ? { name: 'postgres', url: plain } : { name: 'postgres', skipReason: 'DATABASE_URL unset' },
    !timescale
      ? { name: 'timescale', skipReason: 'DATABASE_URL unset' }
      : missing
        ? { name: 'timescale', skipReason: missing }
        : { name: 'timescale', url: timescale },
  ];
}

/** Creates the database of `url` when missing (tolerating a concurrent creator), with the extension if asked. */
async function ensureDatabase(url: string, withTimescale: boolean): Promise<void> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  const admin = postgres(adminUrl(url), { max: 1, onnotice: () => {} });
  try {
    const found = await admin`select 1 from pg_database where datname = ${name}`;
    if (found.length === 0) {
      await admin.unsafe(`CREATE DATABASE "${name.replace(/"/g, '""')}"`).catch((err: { code?: string }) => {
        if (err.code !== '42P04' && err.code !== '23505') throw err;
      });
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const db = postgres(url, { max: 1, onnotice: () => {} });
  try {
    // The plain test database is this helper's own: whatever put the extension there (a caller that migrated with
    // timescale on), it goes, so "plain" stays plain.
    if (!withTimescale) await db.unsafe('DROP EXTENSION IF EXISTS timescaledb CASCADE');
    else {
      await db
        .unsafe('CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public')
        .catch((err: { code?: string }) => {
          if (err.code !== '42710' && err.code !== '23505') throw err;
        });
    }
  } finally {
    await db.end({ timeout: 5 });
  }
}

export interface TestStore {
  store: Store;
  /** The PostgreSQL schema it lives in (servers only), for a child process to use with --db-schema. */
  schema?: string;
  /** The server URL it lives in (servers only), for a child process to use with --database-url. */
  url?: string;
  cleanup(): Promise<void>;
}

/** Opens a migrated, empty store on the backend; `label` names the schema/directory for debugging. */
export async function openTestStore(backend: TestBackend, label: string): Promise<TestStore> {
  const tag = `${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${process.pid}_${Date.now().toString(36)}`;
  if (backend.name === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), `arbml-${tag}-`));
    const store = await openStore({ dbPath: dir, databaseUrl: undefined });
    return {
      store,
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = backend.url!;
  const withTimescale = backend.name === 'timescale';
  await ensureDatabase(url, withTimescale);
  const schema = `t_${tag}`.slice(0, 63);
  const store = await openStore({ dbPath: '', databaseUrl: url }, { schema, timescale: withTimescale });
  return {
    store,
    schema,
    url,
    cleanup: async () => {
      await store.close();
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end({ timeout: 5 });
    },
  };
}
