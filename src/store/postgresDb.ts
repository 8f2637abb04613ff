/**
 * The server backend: PostgreSQL or TimescaleDB through the `postgres` driver. COPY streams CSV through
 * `COPY ... FROM STDIN`. An optional schema isolates a test (search_path is set on every connection).
 */
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import postgres from 'postgres';
import { RetryableIoError } from '../core/errors.ts';
import { columnList, toDriverParams, type CopyFromOptions, type Db } from './db.ts';

type Sql = postgres.Sql | postgres.TransactionSql;
type Param = postgres.ParameterOrJSON<never>;

function wrap(sql: Sql, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    backend: 'postgres',
    async query<T>(text: string, params?: readonly unknown[]) {
      return (await sql.unsafe(text, toDriverParams(params) as Param[])) as unknown as T[];
    },
    async execute(text: string, params?: readonly unknown[]) {
      return (await sql.unsafe(text, toDriverParams(params) as Param[])).count;
    },
    async exec(text: string) {
      await sql.unsafe(text).simple();
    },
    async copyFrom({ table, columns, csv }: CopyFromOptions) {
      const writable = await sql
        .unsafe(`COPY ${table} (${columnList(columns)}) FROM STDIN WITH (FORMAT csv)`)
        .writable();
      await pipeline(Readable.from(csv, { objectMode: false }), writable);
    },
    transaction,
    close,
  };
}

function nested(tx: postgres.TransactionSql): Db['transaction'] {
  return <T>(fn: (inner: Db) => Promise<T>): Promise<T> =>
    tx.savepoint((sp) => fn(wrap(sp, nested(sp), async () => {}))) as Promise<T>;
}

export interface OpenPostgresOptions {
  url: string;
  /** Schema to use (search_path); created if missing. */
  schema?: string;
  /** Connection pool size. */
  max?: number;
}

export async function openPostgresDb({ url, schema, max = 4 }: OpenPostgresOptions): Promise<Db> {
  const sql = postgres(url, {
    max,
    onnotice: () => {},
    connection: schema ? { search_path: schema } : {},
    connect_timeout: 10,
  });
  try {
    if (schema) await sql.unsafe(`CREATE SCHEMA IF NOT EXISTS "${schema.replace(/"/g, '""')}"`);
    await sql`select 1`;
  } catch (cause) {
    await sql.end({ timeout: 1 }).catch(() => {});
    throw new RetryableIoError(`cannot reach PostgreSQL at ${redactUrl(url)}`, { cause });
  }
  const transaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    sql.begin((tx) => fn(wrap(tx, nested(tx), async () => {}))) as Promise<T>;
  return wrap(sql, transaction, () => sql.end({ timeout: 5 }));
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}
