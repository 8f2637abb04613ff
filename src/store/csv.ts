/**
 * PostgreSQL CSV encoding for COPY: NULL is an empty unquoted field, the empty string is `""`, bigint is written
 * digit for digit, Date as ISO-8601 UTC, objects as JSON. Non-finite numbers and NUL characters (which COPY would
 * reject) are refused here, never sent.
 */
import { InvalidInputError } from '../core/errors.ts';

const needsQuoting = /[",\n\r]/;

export function csvField(value: unknown, column: string): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new InvalidInputError(`column ${column}: non-finite number ${value}`);
      return String(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 't' : 'f';
    case 'string':
      if (value.includes('\0')) throw new InvalidInputError(`column ${column}: text contains a NUL character`);
      return value === '' || needsQuoting.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
    case 'object': {
      if (value instanceof Date) {
        if (Number.isNaN(value.getTime())) throw new InvalidInputError(`column ${column}: invalid date`);
        return value.toISOString();
      }
      const json = JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
      return `"${json.replace(/"/g, '""')}"`;
    }
    default:
      throw new InvalidInputError(`column ${column}: cannot store a ${typeof value}`);
  }
}

/** One CSV line (with newline) for the given values, in column order. */
export function csvLine(values: readonly unknown[], columns: readonly string[]): string {
  let line = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) line += ',';
    line += csvField(values[i], columns[i]!);
  }
  return line + '\n';
}

/** Joins encoded lines into chunks of about chunkBytes characters, for streaming COPY. */
export function* csvChunks(lines: Iterable<string>, chunkBytes = 1 << 20): Generator<string> {
  let chunk: string[] = [];
  let size = 0;
  for (const line of lines) {
    chunk.push(line);
    size += line.length;
    if (size >= chunkBytes) {
      yield chunk.join('');
      chunk = [];
      size = 0;
    }
  }
  if (chunk.length > 0) yield chunk.join('');
}
