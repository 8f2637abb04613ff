/**
 * Opens arbml's store: PostgreSQL/TimescaleDB when a database URL is configured, otherwise the embedded PGlite
 * database under config.dbPath. Migrates by default, so callers always see every table.
 */
import type { ArbmlConfig } from '../core/config.ts';
import type { BulkInsertResult } from './bulkInsert.ts';
import type { Backend, Db } from './db.ts';
import { insertCandles, type CandleRow } from './candles.ts';
import { insertGasPrices, type GasPriceRow } from './gasPrices.ts';
import { migrate, type MigrateResult } from './migrate.ts';
import { insertOpportunities, type InsertOpportunitiesOptions } from './opportunities.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { openPgliteDb } from './pgliteDb.ts';
import { insertPoolStates, type PoolStateRow } from './poolStates.ts';
import { openPostgresDb, redactUrl } from './postgresDb.ts';
import { readOpportunities, type ReadOpportunitiesOptions } from './readOpportunities.ts';
import { storeStatus, type StoreStatus } from './status.ts';

export interface Store {
  readonly db: Db;
  readonly backend: Backend;
  /** Where the data lives: the PGlite directory or the server URL without password. */
  readonly location: string;
  migrate(): Promise<MigrateResult>;
  status(): Promise<StoreStatus>;
  insertOpportunities(rows: readonly OpportunityRow[], options?: InsertOpportunitiesOptions): Promise<BulkInsertResult>;
  readOpportunities(options?: ReadOpportunitiesOptions): Promise<OpportunityRow[]>;
  insertGasPrices(rows: readonly GasPriceRow[]): Promise<BulkInsertResult>;
  insertCandles(rows: readonly CandleRow[]): Promise<BulkInsertResult>;
  insertPoolStates(rows: readonly PoolStateRow[]): Promise<BulkInsertResult>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** Run pending migrations on open (default true). */
  migrate?: boolean;
  /** PostgreSQL schema to use instead of the default search_path (tests isolate themselves with one). */
  schema?: string;
  /** PostgreSQL connection pool size. */
  max?: number;
  /** false: plain PostgreSQL tables even where TimescaleDB is available (default: config.timescale, else true). */
  timescale?: boolean;
}

export function storeFromDb(db: Db, location: string, timescale = true): Store {
  return {
    db,
    backend: db.backend,
    location,
    migrate: () => migrate(db, undefined, { timescale }),
    status: () => storeStatus(db),
    insertOpportunities: (rows, options) => insertOpportunities(db, rows, options),
    readOpportunities: (options) => readOpportunities(db, options),
    insertGasPrices: (rows) => insertGasPrices(db, rows),
    insertCandles: (rows) => insertCandles(db, rows),
    insertPoolStates: (rows) => insertPoolStates(db, rows),
    close: () => db.close(),
  };
}

export async function openStore(
  config: Pick<ArbmlConfig, 'dbPath' | 'databaseUrl'> & Partial<Pick<ArbmlConfig, 'dbSchema' | 'timescale'>>,
  options: OpenStoreOptions = {},
): Promise<Store> {
  const db = config.databaseUrl
    ? await openPostgresDb({ url: config.databaseUrl, schema: options.schema ?? config.dbSchema, max: options.max })
    : await openPgliteDb({ dataDir: config.dbPath });
  const schema = options.schema ?? config.dbSchema;
  const location = config.databaseUrl
    ? redactUrl(config.databaseUrl) + (schema ? ` (schema ${schema})` : '')
    : config.dbPath;
  const timescale = options.timescale ?? config.timescale !== 'off';
  const store = storeFromDb(db, location, timescale);
  if (options.migrate ?? true) {
    try {
      await store.migrate();
    } catch (err) {
      await db.close().catch(() => {});
      throw err;
    }
  }
  return store;
}
