/**
 * The result every importer returns and `arbml import ... --json` prints: rows inserted, rows already stored,
 * rows rejected, and each rejection with file:line and reason.
 */
import type { RowError } from '../../market/files/rowError.ts';
import type { BulkInsertResult } from '../bulkInsert.ts';

export interface ImportSummary {
  inserted: number;
  duplicates: number;
  rejected: number;
  errors: RowError[];
}

/** Called after each committed chunk: rows handled so far and the total. */
export type ImportProgress = (done: number, total: number) => void;

export function emptySummary(): ImportSummary {
  return { inserted: 0, duplicates: 0, rejected: 0, errors: [] };
}

export function addErrors(summary: ImportSummary, errors: readonly RowError[]): void {
  summary.rejected += errors.length;
  for (const e of errors) summary.errors.push(e);
}

export function addInserted(summary: ImportSummary, result: BulkInsertResult): void {
  summary.inserted += result.inserted;
  summary.duplicates += result.duplicates;
}

/** A file that cannot be read at all becomes one error at line 0. */
export function unreadableFile(file: string, err: unknown): RowError {
  const code = (err as { code?: string }).code;
  return {
    file,
    line: 0,
    reason: `cannot read file${code ? ` (${code})` : ''}: ${err instanceof Error ? err.message : String(err)}`,
  };
}
