/**
 * Idempotent bulk insert on the table's primary key (its natural key): rows already stored, and repeats within the
 * batch, are counted as duplicates; the rest go in with one COPY. All rows of one call commit together or not at all.
 *
 * Under a SHARE ROW EXCLUSIVE lock (other writers wait; readers do not), one index probe checks whether any stored
 * row can share a key with the batch (conflictProbe.ts); only if so are the stored keys looked up and dropped, so the COPY cannot hit a conflict; every value is checked against its
 * column's type while it is encoded, so COPY cannot fail on a value either. That matters: postgres 3.4.9 never
 * settles a COPY the server rejects after the last chunk (porsager/postgres#1173). A value error found while
 * streaming aborts the COPY from our side (CopyFail) and the transaction rolls back.
 */
import { InvariantError } from '../core/errors.ts';
import { csvChunks, fieldEncoder, keyText } from './csv.ts';
import type { Db } from './db.ts';
import { mayConflict } from './conflictProbe.ts';
import { tableMeta, type TableMeta } from './tableMeta.ts';

export interface BulkInsertResult {
  inserted: number;
  duplicates: number;
}

export interface BulkInsertOptions {
  table: string;
  /** Columns supplied, which must include every primary-key column. */
  columns: readonly string[];
  /** Row values in column order. */
  rows: readonly (readonly unknown[])[];
}

type Row = readonly unknown[];

/** The row's key as one string, for finding repeats within a batch (Dates by epoch ms: cheaper than ISO text). */
function keyOf(row: Row, keyIndex: readonly number[]): string {
  let key = '';
  for (const i of keyIndex) {
    const v = row[i];
    key += (v instanceof Date ? v.getTime() : String(v)) + '\u0001';
  }
  return key;
}

/** Positions (in rows) of the rows whose key is already in the table. */
async function storedPositions(
  tx: Db,
  meta: TableMeta,
  rows: readonly Row[],
  keyIndex: readonly number[],
): Promise<Set<number>> {
  const arrays = keyIndex.map((i) => rows.map((r) => keyText(r[i])));
  const names = meta.primaryKey.map((_, j) => `k${j}`);
  const on = meta.primaryKey.map((c, j) => `t."${c}" = k.k${j}::${meta.columns.get(c)!.type}`).join(' AND ');
  const found = await tx.query<{ n: string }>(
    `SELECT k.n::text AS n FROM unnest(${names.map((_, j) => `$${j + 1}::text[]`).join(', ')}) WITH ORDINALITY AS k(${names.join(', ')}, n)
       JOIN ${meta.table} t ON ${on}`,
    arrays,
  );
  return new Set(found.map((r) => Number(r.n) - 1));
}

export async function bulkInsert(db: Db, { table, columns, rows }: BulkInsertOptions): Promise<BulkInsertResult> {
  if (rows.length === 0) return { inserted: 0, duplicates: 0 };
  const meta = await tableMeta(db, table);
  const encoders = columns.map((c) => {
    const column = meta.columns.get(c);
    if (!column) throw new InvariantError(`table ${table} has no column ${c}`);
    return fieldEncoder(column);
  });
  if (meta.uncheckedConstraints.length > 0) {
    throw new InvariantError(
      `bulk insert into ${table}: cannot verify ${meta.uncheckedConstraints.join('; ')} before COPY`,
    );
  }
  const keyIndex = meta.primaryKey.map((k) => columns.indexOf(k));
  if (meta.primaryKey.length === 0 || keyIndex.some((i) => i < 0)) {
    throw new InvariantError(`bulk insert into ${table} needs its primary key columns (${meta.primaryKey.join(', ')})`);
  }
  const seen = new Set<string>();
  const unique: Row[] = [];
  for (const row of rows) {
    const key = keyOf(row, keyIndex);
    if (seen.has(key)) continue;
    seen.add(key);
    unique.push(row);
  }
  return db.transaction(async (tx) => {
    await tx.exec(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    const stored = (await mayConflict(tx, meta, unique, keyIndex))
      ? await storedPositions(tx, meta, unique, keyIndex)
      : new Set<number>();
    const fresh = stored.size === 0 ? unique : unique.filter((_, i) => !stored.has(i));
    if (fresh.length > 0) await tx.copyFrom({ table, columns, csv: csvChunks(fresh, encoders) });
    return { inserted: fresh.length, duplicates: rows.length - fresh.length };
  });
}
