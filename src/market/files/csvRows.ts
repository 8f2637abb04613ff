/**
 * The row loop shared by the CSV readers: splits lines, checks the field count, turns each line into a row with a
 * caller-supplied parser, and collects a RowError (file:line, reason) for every line that fails instead of stopping.
 */
import type { RowError } from './rowError.ts';
import { RowReject } from './rowFields.ts';
import type { TextLine } from './textLines.ts';

export interface CsvRowsOptions<Row> {
  lines: TextLine[];
  file: string;
  fieldCount: number;
  /** Parses the fields of one line; throws RowReject for a bad row. */
  parse: (fields: string[], previous: Row | undefined) => Row;
}

export interface ParsedRows<Row> {
  rows: Row[];
  errors: RowError[];
}

export function csvRows<Row>({ lines, file, fieldCount, parse }: CsvRowsOptions<Row>): ParsedRows<Row> {
  const rows: Row[] = [];
  const errors: RowError[] = [];
  for (const { line, text, unterminated } of lines) {
    const fields = text.split(',');
    try {
      if (fields.length !== fieldCount) {
        const counted = `${fields.length} of ${fieldCount} fields`;
        if (unterminated && fields.length < fieldCount) throw new RowReject(`truncated last line (${counted})`);
        throw new RowReject(
          fields.length < fieldCount ? `missing fields (${counted})` : `too many fields (${counted})`,
        );
      }
      rows.push(parse(fields, rows[rows.length - 1]));
    } catch (err) {
      if (!(err instanceof RowReject)) throw err;
      const reason =
        unterminated && !err.message.startsWith('truncated') ? `truncated last line: ${err.message}` : err.message;
      errors.push({ file, line, reason });
    }
  }
  return { rows, errors };
}

/**
 * Maps required column names to their index in a header line. Returns a RowError when one is missing.
 */
export function headerIndex(
  header: TextLine | undefined,
  file: string,
  columns: readonly string[],
): { index: Record<string, number>; fieldCount: number } | RowError {
  if (!header) return { file, line: 1, reason: 'empty file (no header line)' };
  const names = header.text.split(',').map((s) => s.trim());
  const index: Record<string, number> = {};
  for (const column of columns) {
    const at = names.indexOf(column);
    if (at < 0) return { file, line: header.line, reason: `header lacks column "${column}" (has: ${names.join(',')})` };
    index[column] = at;
  }
  return { index, fieldCount: names.length };
}
