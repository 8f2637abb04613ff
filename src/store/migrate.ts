/**
 * Versioned, idempotent migrations recorded in `schema_migrations`. Runs every pending migration in one transaction
 * under an advisory lock (two processes migrating at once apply each migration once), then converts the time tables
 * to hypertables where TimescaleDB is available.
 */
import type { Db } from './db.ts';
import { migrations as allMigrations, type Migration } from './migrations/index.ts';
import { ensureHypertables } from './timescale.ts';

export interface MigrateResult {
  /** Versions applied by this call (empty when already up to date). */
  applied: number[];
  /** Latest version recorded. */
  version: number;
  timescale: boolean;
}

const MIGRATION_LOCK_KEY = 7262_0001;

export interface MigrateOptions {
  /** false: leave TimescaleDB alone (plain PostgreSQL tables) even where the extension is available. */
  timescale?: boolean;
}

export async function migrate(
  db: Db,
  migrations: readonly Migration[] = allMigrations,
  options: MigrateOptions = {},
): Promise<MigrateResult> {
  const applied: number[] = [];
  const version = await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version    INTEGER PRIMARY KEY,
      name       TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const done = new Set(
      (await tx.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => Number(r.version)),
    );
    for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
      if (done.has(m.version)) continue;
      await tx.exec(m.sql);
      await tx.execute('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
      done.add(m.version);
    }
    return Math.max(0, ...done);
  });
  const { timescale } = await ensureHypertables(db, options);
  return { applied, version, timescale };
}
