/**
 * One cheap index probe that proves a batch cannot collide with stored rows, so the per-key lookup can be skipped.
 * Walks the primary key: columns on which the whole batch agrees become equalities; the first column where it
 * varies becomes a [min, max] range when its order is numeric or temporal (text order depends on the collation, so
 * a text column ends the probe undecided). No stored row in that slice means no conflict is possible.
 */
import { keyText } from './csv.ts';
import type { Db } from './db.ts';
import type { TableMeta } from './tableMeta.ts';

type Row = readonly unknown[];

function sortKey(v: unknown): number | bigint | undefined {
  if (v instanceof Date) return v.getTime();
  if (typeof v === 'number' || typeof v === 'bigint') return v;
  if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
  return undefined;
}

function sameValue(rows: readonly Row[], index: number): boolean {
  const first = rows[0]![index];
  if (first instanceof Date) {
    const t = first.getTime();
    return rows.every((r) => (r[index] as Date).getTime() === t);
  }
  return rows.every((r) => r[index] === first);
}

/** True when some stored row may share a key with the batch (then look the keys up), false when none can. */
export async function mayConflict(
  db: Db,
  meta: TableMeta,
  rows: readonly Row[],
  keyIndex: readonly number[],
): Promise<boolean> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  for (let j = 0; j < meta.primaryKey.length; j++) {
    const column = meta.columns.get(meta.primaryKey[j]!)!;
    const index = keyIndex[j]!;
    const cast = `::${column.type}`;
    if (sameValue(rows, index)) {
      conditions.push(`"${column.name}" = $${params.push(keyText(rows[0]![index]))}${cast}`);
      continue;
    }
    if (column.kind !== 'timestamp' && column.kind !== 'integer') return true;
    let min: unknown = rows[0]![index];
    let max: unknown = min;
    let minKey = sortKey(min);
    let maxKey = minKey;
    if (minKey === undefined) return true;
    for (const row of rows) {
      const k = sortKey(row[index]);
      if (k === undefined) return true;
      if (k < minKey!) [minKey, min] = [k, row[index]];
      if (k > maxKey!) [maxKey, max] = [k, row[index]];
    }
    const lo = params.push(keyText(min));
    const hi = params.push(keyText(max));
    conditions.push(`"${column.name}" BETWEEN $${lo}${cast} AND $${hi}${cast}`);
    break;
  }
  const [row] = await db.query<{ hit: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM ${meta.table} WHERE ${conditions.join(' AND ')}) AS hit`,
    params,
  );
  return row!.hit;
}
