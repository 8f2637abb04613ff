/**
 * Retention: removes rows of the time tables older than a cutoff. On a hypertable it drops whole chunks whose
 * range ends before the cutoff (`drop_chunks`: no row-by-row delete, no bloat), so rows in the chunk straddling the
 * cutoff stay until their chunk is entirely old; elsewhere (PGlite, plain PostgreSQL) it is one DELETE per table.
 * Either way the result counts the rows that went, per table.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { Db } from './db.ts';
import { hypertables, timescaleSchema, timeTables } from './timescale.ts';

export interface RetainOptions {
  /** Rows with time before this instant go. */
  cutoff: Date;
  /** Time tables to trim (default all of them). */
  tables?: readonly string[];
}

export interface RetainTableResult {
  /** Rows removed. */
  rows: number;
  /** Chunks dropped (hypertables), 0 for a DELETE. */
  chunks: number;
  method: 'drop_chunks' | 'delete';
}

export async function retain(
  db: Db,
  { cutoff, tables = Object.keys(timeTables) }: RetainOptions,
): Promise<Record<string, RetainTableResult>> {
  const unknown = tables.find((t) => !(t in timeTables));
  if (unknown)
    throw new InvalidInputError(`not a time table: ${unknown} (one of ${Object.keys(timeTables).join(', ')})`);
  const schema = await timescaleSchema(db);
  const hyper = await hypertables(db);
  const out: Record<string, RetainTableResult> = {};
  for (const table of tables) {
    const column = timeTables[table]!;
    if (schema && hyper.has(table)) {
      const count = async (): Promise<number> =>
        Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0]!.n);
      const before = await count();
      const dropped = await db.query(
        `SELECT "${schema.replace(/"/g, '""')}".drop_chunks($1::regclass, older_than => $2::timestamptz)`,
        [table, cutoff.toISOString()],
      );
      out[table] = { rows: before - (await count()), chunks: dropped.length, method: 'drop_chunks' };
    } else {
      const rows = await db.execute(`DELETE FROM ${table} WHERE "${column}" < $1::timestamptz`, [cutoff.toISOString()]);
      out[table] = { rows, chunks: 0, method: 'delete' };
    }
  }
  return out;
}

/** Parses a retention age such as `90d`, `12h`, `30m` into milliseconds. */
export function parseAge(text: string): number {
  const m = /^(\d+)(d|h|m)$/.exec(text.trim());
  if (!m || Number(m[1]) <= 0)
    throw new InvalidInputError(`--older-than must look like 90d, 12h or 30m, got "${text}"`);
  return Number(m[1]) * { d: 86_400_000, h: 3_600_000, m: 60_000 }[m[2] as 'd' | 'h' | 'm'];
}
