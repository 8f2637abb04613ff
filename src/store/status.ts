/**
 * What `arbml db status` reports: backend, whether TimescaleDB is in use, the migration version, and for each of
 * arbml's tables its exact row count and its columns in order.
 */
import type { Backend, Db } from './db.ts';
import { hypertables, timescaleSchema } from './timescale.ts';

/** The tables the migrations create, in the order status lists them. */
export const storeTables = [
  'arbitrage_opportunities',
  'oanda_candles',
  'oanda_transactions',
  'gas_prices',
  'pool_states',
  'model_versions',
] as const;

export interface TableStatus {
  rows: number;
  columns: string[];
  /** A TimescaleDB hypertable (false for ordinary tables, and always on PGlite and plain PostgreSQL). */
  hypertable: boolean;
}

export interface StoreStatus {
  backend: Backend;
  timescale: boolean;
  /** Latest applied migration, 0 when none. */
  version: number;
  tables: Record<string, TableStatus>;
}

export async function storeStatus(db: Db): Promise<StoreStatus> {
  const columnRows = await db.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = ANY($1::text[])
      ORDER BY table_name, ordinal_position`,
    [storeTables],
  );
  const hyper = await hypertables(db);
  const tables: Record<string, TableStatus> = {};
  for (const name of storeTables) {
    const columns = columnRows.filter((r) => r.table_name === name).map((r) => r.column_name);
    if (columns.length === 0) continue;
    const [count] = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${name}`);
    tables[name] = { rows: Number(count!.n), columns, hypertable: hyper.has(name) };
  }
  const hasMigrations = await db.query(
    `SELECT 1 FROM information_schema.tables WHERE table_schema = current_schema() AND table_name = 'schema_migrations'`,
  );
  const version = hasMigrations.length
    ? Number((await db.query<{ v: number | null }>('SELECT max(version) AS v FROM schema_migrations'))[0]?.v ?? 0)
    : 0;
  return { backend: db.backend, timescale: (await timescaleSchema(db)) !== undefined, version, tables };
}
