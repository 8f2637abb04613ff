/**
 * The shared import loop: parse every file (collecting rejected rows), then write the good rows in chunks, each
 * chunk one atomic, idempotent bulk insert, reporting progress after each.
 */
import type { RowError } from '../../market/files/rowError.ts';
import type { BulkInsertResult } from '../bulkInsert.ts';
import {
  addErrors,
  addInserted,
  emptySummary,
  unreadableFile,
  type ImportProgress,
  type ImportSummary,
} from './importSummary.ts';

export interface ParsedFile<Row> {
  rows: Row[];
  errors: RowError[];
}

export interface ImportRowsOptions<Row> {
  files: readonly string[];
  /** Reads and validates one file; may throw for an unreadable file. */
  parse: (file: string) => ParsedFile<Row>;
  write: (rows: Row[]) => Promise<BulkInsertResult>;
  /** Rows per atomic chunk (default 20,000). */
  chunkRows?: number;
  onProgress?: ImportProgress;
}

export async function importRows<Row>({
  files,
  parse,
  write,
  chunkRows = 20_000,
  onProgress,
}: ImportRowsOptions<Row>): Promise<ImportSummary> {
  const summary = emptySummary();
  const parsed: Row[][] = [];
  for (const file of files) {
    try {
      const result = parse(file);
      addErrors(summary, result.errors);
      parsed.push(result.rows);
    } catch (err) {
      addErrors(summary, [unreadableFile(file, err)]);
    }
  }
  const total = parsed.reduce((n, rows) => n + rows.length, 0);
  let done = 0;
  onProgress?.(0, total);
  for (const rows of parsed) {
    for (let start = 0; start < rows.length; start += chunkRows) {
      const chunk = rows.slice(start, start + chunkRows);
      addInserted(summary, await write(chunk));
      done += chunk.length;
      onProgress?.(done, total);
    }
  }
  return summary;
}
