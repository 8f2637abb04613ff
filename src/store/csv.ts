/**
 * PostgreSQL CSV encoding for COPY, checked against each column's type before anything is sent: NULL is an empty
 * unquoted field, the empty string is `""`, bigint is written digit for digit, Date as ISO-8601 UTC, objects as JSON.
 * A value COPY would reject (wrong type, non-finite number, NUL character, NULL in a NOT NULL column, a value outside
 * a CHECK ... IN list) throws an InvalidInputError naming the column, so a COPY never fails on a value.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { ColumnMeta } from './tableMeta.ts';

const needsQuoting = /[",\n\r]/;
const integerText = /^-?\d+$/;
const decimalText = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export type FieldEncoder = (value: unknown) => string;

function quoteText(value: string, column: string): string {
  if (value.includes('\0')) throw new InvalidInputError(`column ${column}: text contains a NUL character`);
  return value === '' || needsQuoting.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function reject(column: string, want: string, value: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.slice(0, 40)) : String(value);
  throw new InvalidInputError(`column ${column}: expected ${want}, got ${typeof value} ${shown}`);
}

function numeric(column: string, integer: boolean): FieldEncoder {
  const pattern = integer ? integerText : decimalText;
  const want = integer ? 'an integer (bigint, safe integer or digits)' : 'a finite number or decimal string';
  return (v) => {
    if (typeof v === 'bigint') return v.toString();
    if (typeof v === 'number') {
      if (Number.isFinite(v) && (!integer || Number.isSafeInteger(v))) return String(v);
      return reject(column, want, v);
    }
    if (typeof v === 'string' && pattern.test(v)) return v;
    return reject(column, want, v);
  };
}

const bigintAsString = (_k: string, x: unknown): unknown => (typeof x === 'bigint' ? x.toString() : x);

function jsonField(v: unknown): string {
  let json: string;
  try {
    // A replacer makes stringify several times slower; only values holding a bigint need it (they throw here).
    json = JSON.stringify(v);
  } catch {
    json = JSON.stringify(v, bigintAsString);
  }
  return `"${json.replace(/"/g, '""')}"`;
}

/** The encoder for one column: validates the value for the column's type and returns its CSV field. */
export function fieldEncoder(meta: ColumnMeta): FieldEncoder {
  const { name } = meta;
  const inner: FieldEncoder = (() => {
    switch (meta.kind) {
      case 'integer':
        return numeric(name, true);
      case 'decimal':
      case 'float':
        return numeric(name, false);
      case 'boolean':
        return (v) => (typeof v === 'boolean' ? (v ? 't' : 'f') : reject(name, 'a boolean', v));
      case 'timestamp':
        return (v) =>
          v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString() : reject(name, 'a valid Date', v);
      case 'json':
        return jsonField;
      case 'text':
        return (v) => (typeof v === 'string' ? quoteText(v, name) : reject(name, 'a string', v));
    }
  })();
  const allowed = meta.allowed;
  return (v) => {
    if (v === null || v === undefined) {
      if (meta.notNull) throw new InvalidInputError(`column ${name}: NULL in a NOT NULL column`);
      return '';
    }
    if (allowed && !allowed.has(v as string)) {
      throw new InvalidInputError(`column ${name}: ${JSON.stringify(v)} is not one of ${[...allowed].join(', ')}`);
    }
    return inner(v);
  };
}

/** A value's text form for key comparison (same as its CSV field without quoting). */
export function keyText(value: unknown): string {
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

/**
 * Encodes rows (values in column order) into CSV chunks of about chunkChars characters, lazily, so COPY can stream
 * one chunk while the next is encoded. Fields are joined per row and rows per chunk (array joins are several times
 * faster here than growing strings with +=).
 */
export function* csvChunks(
  rows: Iterable<readonly unknown[]>,
  encoders: readonly FieldEncoder[],
  chunkChars = 1 << 20,
): Generator<string> {
  const n = encoders.length;
  const fields: string[] = new Array<string>(n);
  let lines: string[] = [];
  let size = 0;
  let rowIndex = 0;
  for (const row of rows) {
    try {
      for (let i = 0; i < n; i++) fields[i] = encoders[i]!(row[i]);
    } catch (err) {
      if (err instanceof InvalidInputError) throw new InvalidInputError(`row ${rowIndex}: ${err.shortMessage}`);
      throw err;
    }
    const line = fields.join(',');
    lines.push(line);
    size += line.length + 1;
    rowIndex++;
    if (size >= chunkChars) {
      yield lines.join('\n') + '\n';
      lines = [];
      size = 0;
    }
  }
  if (lines.length > 0) yield lines.join('\n') + '\n';
}
