/**
 * The embedded backend: PGlite (Postgres in WebAssembly) persisted in a directory, no server needed.
 */
import { mkdirSync } from 'node:fs';
import { PGlite, types, type Transaction } from '@electric-sql/pglite';
import { columnList, toDriverParams, type CopyFromOptions, type Db } from './db.ts';

type Queryable = Pick<Transaction, 'query' | 'exec'>;

const keepText = (value: string): string => value;

let savepointCounter = 0;

function wrap(conn: Queryable, transaction: Db['transaction'], close: () => Promise<void>): Db {
  return {
    backend: 'pglite',
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await conn.query<T>(sql, toDriverParams(params))).rows;
    },
    async execute(sql: string, params?: readonly unknown[]) {
      const result = await conn.query(sql, toDriverParams(params));
      return result.affectedRows ?? 0;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
    async copyFrom({ table, columns, csv }: CopyFromOptions) {
      const blob = new Blob([...csv]);
      await conn.query(`COPY ${table} (${columnList(columns)}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob });
    },
    transaction,
    close,
  };
}

/** A savepoint-based nested transaction on an open transaction. */
function nestedTransaction(tx: Queryable): Db['transaction'] {
  return async <T>(fn: (inner: Db) => Promise<T>): Promise<T> => {
    const name = `arbml_sp_${++savepointCounter}`;
    await tx.exec(`SAVEPOINT ${name}`);
    try {
      const inner = wrap(tx, nestedTransaction(tx), async () => {});
      const result = await fn(inner);
      await tx.exec(`RELEASE SAVEPOINT ${name}`);
      return result;
    } catch (err) {
      await tx.exec(`ROLLBACK TO SAVEPOINT ${name}`);
      throw err;
    }
  };
}

export interface OpenPgliteOptions {
  /** Data directory; `memory://` for an in-memory database. */
  dataDir: string;
}

export async function openPgliteDb({ dataDir }: OpenPgliteOptions): Promise<Db> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const pg = await PGlite.create({
    dataDir,
    parsers: { [types.NUMERIC]: keepText, [types.INT8]: keepText },
  });
  const transaction = <T>(fn: (tx: Db) => Promise<T>): Promise<T> =>
    pg.transaction((tx) => fn(wrap(tx, nestedTransaction(tx), async () => {})));
  return wrap(pg, transaction, () => pg.close());
}
