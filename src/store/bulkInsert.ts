/**
 * Idempotent bulk insert: rows go in with COPY, and rows whose natural key is already stored are counted as
 * duplicates instead of failing. All rows of one call commit together or not at all.
 *
 * COPY goes into a temp staging table whose columns are all nullable TEXT, so COPY itself cannot fail on a value
 * (postgres 3.4.9 never settles a COPY that the server rejects after the last chunk, porsager/postgres#1173);
 * the typed INSERT ... SELECT ... ON CONFLICT DO NOTHING then casts, checks constraints, reports errors as a normal
 * query error and counts inserted rows exactly.
 */
import { InvariantError } from '../core/errors.ts';
import { csvChunks, csvLine } from './csv.ts';
import { columnList, type Db } from './db.ts';

export interface BulkInsertResult {
  inserted: number;
  duplicates: number;
}

export interface BulkInsertOptions {
  table: string;
  columns: readonly string[];
  /** Row values in column order. */
  rows: readonly (readonly unknown[])[];
}

const typeCache = new WeakMap<Db, Map<string, Map<string, string>>>();

/** SQL type of each column of the table, e.g. `numeric(78,0)`, cached per connection. */
async function columnTypes(db: Db, table: string): Promise<Map<string, string>> {
  let perDb = typeCache.get(db);
  if (!perDb) typeCache.set(db, (perDb = new Map()));
  let types = perDb.get(table);
  if (!types) {
    const rows = await db.query<{ name: string; type: string }>(
      `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute
        WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
      [table],
    );
    types = new Map(rows.map((r) => [r.name, r.type]));
    perDb.set(table, types);
  }
  return types;
}

function encode(rows: readonly (readonly unknown[])[], columns: readonly string[]): string[] {
  const lines = rows.map((r) => {
    if (r.length !== columns.length) {
      throw new InvariantError(`bulk insert row has ${r.length} values for ${columns.length} columns`);
    }
    return csvLine(r, columns);
  });
  return [...csvChunks(lines)];
}

export async function bulkInsert(db: Db, { table, columns, rows }: BulkInsertOptions): Promise<BulkInsertResult> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  const csv = encode(rows, columns);
  const types = await columnTypes(db, table);
  const casts = columns.map((c) => {
    const type = types.get(c);
    if (!type) throw new InvariantError(`table ${table} has no column ${c}`);
    return `"${c}"::${type}`;
  });
  const stage = `arbml_stage_${table}`;
  return db.transaction(async (tx) => {
    await tx.exec(`CREATE TEMP TABLE ${stage} (${columns.map((c) => `"${c}" text`).join(', ')}) ON COMMIT DROP`);
    await tx.copyFrom({ table: stage, columns, csv });
    const inserted = await tx.execute(
      `INSERT INTO ${table} (${columnList(columns)}) SELECT ${casts.join(', ')} FROM ${stage} ON CONFLICT DO NOTHING`,
    );
    await tx.exec(`DROP TABLE ${stage}`);
    return { inserted, duplicates: rows.length - inserted };
  });
}
