/**
 * TimescaleDB, when the server has it: detect the extension, create it, and turn the time tables into hypertables
 * (if_not_exists, so it is idempotent). Where it is not available, or the caller opts out (`timescale: false`), the
 * tables stay ordinary tables with the same keys and indexes.
 *
 * Chunk intervals follow each table's write rate, aiming at chunks of a few million rows that fit in memory while
 * they are hot (TimescaleDB's advice: a chunk's indexes should fit in about a quarter of RAM), and at retention
 * working in whole chunks:
 * - arbitrage_opportunities, 1 day: at 10 chains x 500 pools the ledger takes up to a few million rows a day;
 * - pool_states, 6 hours: one row per pool per block, the busiest table (500 pools x 5 blocks/s on a fast chain);
 * - gas_prices, 7 days: one row per chain per block (about 1 M a week for 10 chains at 2 s blocks);
 * - oanda_candles and oanda_transactions, 30 days: a few instruments at one-minute bars, a few trades a day.
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

/** Chunk interval of each time table's hypertable (see the header for why). */
export const chunkIntervals: Readonly<Record<string, string>> = {
  arbitrage_opportunities: '1 day',
  oanda_candles: '30 days',
  oanda_transactions: '30 days',
  gas_prices: '7 days',
  pool_states: '6 hours',
};

/** The schema the timescaledb extension is installed in, or undefined when it is not installed. */
export async function timescaleSchema(db: Db): Promise<string | undefined> {
  if (db.backend === 'pglite') return undefined;
  const rows = await db.query<{ schema: string }>(
    `SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'timescaledb'`,
  );
  return rows[0]?.schema;
}

export async function timescaleAvailable(db: Db): Promise<boolean> {
  const rows = await db.query(`SELECT 1 FROM pg_available_extensions WHERE name = 'timescaledb'`);
  return rows.length > 0;
}

/** Time tables of the current schema that are hypertables. */
export async function hypertables(db: Db): Promise<Set<string>> {
  const schema = await timescaleSchema(db);
  if (!schema) return new Set();
  const rows = await db.query<{ name: string }>(
    `SELECT hypertable_name AS name FROM timescaledb_information.hypertables WHERE hypertable_schema = current_schema()`,
  );
  return new Set(rows.map((r) => r.name));
}

export interface EnsureHypertablesOptions {
  /** false: never create the extension nor hypertables (a plain PostgreSQL store on a server that has it). */
  timescale?: boolean;
}

export interface EnsureHypertablesResult {
  timescale: boolean;
  /** Why TimescaleDB is not used, when it is not. */
  reason?: string;
}

/** Creates the extension when available and makes every time table a hypertable with its chunk interval. */
export async function ensureHypertables(
  db: Db,
  { timescale = true }: EnsureHypertablesOptions = {},
): Promise<EnsureHypertablesResult> {
  if (db.backend === 'pglite') return { timescale: false, reason: 'embedded database' };
  if (!timescale) return { timescale: false, reason: 'disabled (ARBML_TIMESCALE=off)' };
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
  const q = `"${schema.replace(/"/g, '""')}"`;
  for (const [table, column] of Object.entries(timeTables)) {
    const interval = chunkIntervals[table]!;
    await db.query(
      `SELECT ${q}.create_hypertable($1::regclass, $2::name, chunk_time_interval => $3::interval,
                                     if_not_exists => TRUE, migrate_data => TRUE)`,
      [table, column, interval],
    );
    // A hypertable made before the intervals were chosen keeps its old one for existing chunks; new chunks use this.
    await db.query(`SELECT ${q}.set_chunk_time_interval($1::regclass, $2::interval)`, [table, interval]);
  }
  return { timescale: true };
}
