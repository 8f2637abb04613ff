/**
 * The ledger's local append-only journal: one JSON line per opportunity row, written synchronously while the
 * database is unreachable and read back for replay. bigint and Date values are tagged so a row reads back
 * exactly as written. A torn last line (a crash mid-write) is skipped and counted, never fatal.
 */
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { opportunityColumns } from '../store/opportunities.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';

const fields = Object.keys(opportunityColumns) as (keyof OpportunityRow)[];

function encodeValue(v: unknown): unknown {
  if (typeof v === 'bigint') return { $b: v.toString() };
  if (v instanceof Date) return { $d: v.getTime() };
  return v;
}

function decodeValue(v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    const o = v as Record<string, unknown>;
    if (typeof o.$b === 'string') return BigInt(o.$b);
    if (typeof o.$d === 'number') return new Date(o.$d);
  }
  return v;
}

export function encodeJournalLine(row: OpportunityRow): string {
  return JSON.stringify(fields.map((f) => encodeValue(row[f])));
}

export function decodeJournalLine(line: string): OpportunityRow {
  const values = JSON.parse(line) as unknown[];
  if (!Array.isArray(values) || values.length !== fields.length)
    throw new SyntaxError(`expected ${fields.length} values`);
  const row: Record<string, unknown> = {};
  fields.forEach((f, i) => (row[f] = decodeValue(values[i])));
  return row as unknown as OpportunityRow;
}

export class Journal {
  constructor(readonly path: string) {}

  append(rows: readonly OpportunityRow[]): void {
    if (rows.length === 0) return;
    mkdirSync(dirname(this.path), { recursive: true });
    appendFileSync(this.path, rows.map(encodeJournalLine).join('\n') + '\n');
  }

  /** Rows in the journal, and lines that could not be read (a torn last line). */
  read(): { rows: OpportunityRow[]; unreadable: number } {
    if (!existsSync(this.path)) return { rows: [], unreadable: 0 };
    const rows: OpportunityRow[] = [];
    let unreadable = 0;
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (!line) continue;
      try {
        rows.push(decodeJournalLine(line));
      } catch {
        unreadable++;
      }
    }
    return { rows, unreadable };
  }

  /** Empties the journal after its rows are safely in the database. */
  clear(): void {
    if (existsSync(this.path)) writeFileSync(this.path, '');
  }
}
