/**
 * TimescaleDB, when the server has it: detect the extension, create it, and turn the time tables into hypertables
 * (if_not_exists, so it is idempotent). Where it is not available the tables stay ordinary tables with the same
 * keys and indexes. Nothing is asked of the user.
 */
import type { Db } from './db.ts';

/** Time tables and their time column. Every unique key of these tables includes the time column. */
export const timeTables: Readonly<Record<string, string>> = {
  arbitrage_opportunities: 'timestamp',
  oanda_candles: 'time',
  oanda_transactions: 'time',
  gas_prices: 'time',
  pool_states: 'time',
};

/** The schema the timescaledb extension is installed in, or undefined when it is not installed. */
export async function timescaleSchema(db: Db): Promise<string | undefined> {
  const rows = await db.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'timescaledb'`,
  );
  return rows[0]?.schema;
}

export async function timescaleAvailable(db: Db): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`);
  return rows.length > 0;
}

export interface EnsureHypertablesResult {
  timescale: boolean;
  /** Why TimescaleDB is not used, when it is not. */
  reason?: string;
}

/** Creates the extension when available and makes every time table a hypertable. */
export async function ensureHypertables(db: Db): Promise<EnsureHypertablesResult> {
  if (db.backend === 'pglite') return { timescale: false, reason: 'embedded database' };
  let schema = await timescaleSchema(db);
  if (!schema) {
    if (!(await timescaleAvailable(db))) return { timescale: false, reason: 'timescaledb extension not available' };
    try {
      await db.exec('CREATE EXTENSION IF NOT EXISTS timescaledb WITH SCHEMA public');
    } catch (err) {
      return {
        timescale: false,
        reason: `cannot create timescaledb: ${err instanceof Error ? err.message : String(err)}`,
      };
    }
    schema = (await timescaleSchema(db)) ?? 'public';
  }
  for (const [table, column] of Object.entries(timeTables)) {
    await db.query(
      `SELECT "${schema}".create_hypertable($1::regclass, $2::name, if_not_exists => TRUE, migrate_data => TRUE)`,
      [table, column],
    );
  }
  return { timescale: true };
}
