/**
 * The one database interface every part of arbml talks to. Two backends implement it with the same SQL: embedded
 * PGlite and a PostgreSQL/TimescaleDB server (driver `postgres`). Value conventions, identical on both:
 * NUMERIC and BIGINT come back as decimal strings (never through a float), TIMESTAMPTZ as Date, JSON(B) parsed,
 * booleans as booleans. bigint parameters are sent as decimal strings.
 */
export type Backend = 'pglite' | 'postgres';

export interface CopyFromOptions {
  /** Target table (may be a temp table). */
  table: string;
  columns: readonly string[];
  /** CSV text (PostgreSQL CSV format, no header), in chunks of whole lines. */
  csv: Iterable<string>;
}

export interface Db {
  readonly backend: Backend;
  /** One statement with $1.. parameters; returns the rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** One statement with $1.. parameters; returns the number of rows it affected. */
  execute(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Several statements separated by semicolons, without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /** Bulk load CSV rows with COPY (FROM STDIN on a server, FROM '/dev/blob' on PGlite). */
  copyFrom(options: CopyFromOptions): Promise<void>;
  /** Runs fn in a transaction; nested calls use a savepoint. Rolls back when fn throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Parameters as the drivers expect them: bigint as decimal string. */
export function toDriverParams(params: readonly unknown[] | undefined): unknown[] {
  if (!params) return [];
  return params.map((p) => (typeof p === 'bigint' ? p.toString() : p));
}

/** A quoted SQL identifier list for COPY column lists. */
export function columnList(columns: readonly string[]): string {
  return columns.map((c) => `"${c.replace(/"/g, '""')}"`).join(', ');
}
