/**
 * Test helpers for code that needs a store: every store test runs on both backends. PGlite lives in a fresh temp
 * directory; PostgreSQL (only when DATABASE_URL is set) in a schema unique to the caller, dropped on cleanup, so
 * test files running at the same time never see each other's rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from './openStore.ts';

export interface TestBackend {
  name: 'pglite' | 'postgres';
  /** Undefined when the backend cannot run here; then `skipReason` says why. */
  url?: string;
  skipReason?: string;
}

/** The two backends; postgres is marked skipped (with a reason) when DATABASE_URL is unset. */
export function testBackends(): TestBackend[] {
  const url = process.env.DATABASE_URL;
  return [{ name: 'pglite' }, url ? { name: 'postgres', url } : { name: 'postgres', skipReason: 'DATABASE_URL unset' }];
}

export interface TestStore {
  store: Store;
  /** The PostgreSQL schema it lives in (PostgreSQL only), for a child process to use with --db-schema. */
  schema?: string;
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
  const schema = `t_${tag}`.slice(0, 63);
  const store = await openStore({ dbPath: '', databaseUrl: url }, { schema });
  return {
    store,
    schema,
    cleanup: async () => {
      await store.close();
      const admin = postgres(url, { max: 1, onnotice: () => {} });
      await admin.unsafe(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.end({ timeout: 5 });
    },
  };
}
