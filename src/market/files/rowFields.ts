/**
 * Strict field parsers shared by the real-data file readers. Each throws a RowReject with a reason naming the column;
 * the reader turns it into a RowError for that line and keeps going.
 */
export class RowReject extends Error {
  override name = 'RowReject';
}

const decimalPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const integerPattern = /^-?\d+$/;
const utcDateTimePattern = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;

function describe(token: string): string {
  return token === '' ? 'empty' : JSON.stringify(token.length > 24 ? token.slice(0, 24) + '...' : token);
}

/** A finite decimal number; rejects empty fields, text, NaN and Infinity. */
export function numberField(token: string, column: string): number {
  const t = token.trim();
  if (!decimalPattern.test(t)) throw new RowReject(`${column}: not a number (${describe(t)})`);
  const value = Number(t);
  if (!Number.isFinite(value)) throw new RowReject(`${column}: not a finite number (${describe(t)})`);
  return value;
}

/** A decimal number that must be >= 0 (prices, volumes, gas). */
export function nonNegativeField(token: string, column: string, what = 'value'): number {
  const value = numberField(token, column);
  if (value < 0) throw new RowReject(`${column}: negative ${what} (${value})`);
  return value;
}

/** A decimal number that must be > 0 (exchange prices). */
export function positivePriceField(token: string, column: string): number {
  const value = numberField(token, column);
  if (value < 0) throw new RowReject(`${column}: negative price (${value})`);
  if (value === 0) throw new RowReject(`${column}: zero price`);
  return value;
}

/** An integer parsed straight to bigint, never through a float. */
export function bigintField(token: string, column: string): bigint {
  const t = token.trim();
  if (!integerPattern.test(t)) throw new RowReject(`${column}: not an integer (${describe(t)})`);
  return BigInt(t);
}

/** A safe integer (ticks, millisecond timestamps). */
export function safeIntegerField(token: string, column: string): number {
  const value = bigintField(token, column);
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RowReject(`${column}: integer out of range (${describe(token.trim())})`);
  }
  return Number(value);
}

/** `YYYY-MM-DD HH:MM:SS` (or ISO with T/Z) read as UTC, to epoch milliseconds. */
export function utcDateTimeField(token: string, column: string): number {
  const t = token.trim();
  const m = utcDateTimePattern.exec(t);
  if (!m) throw new RowReject(`${column}: not a date-time YYYY-MM-DD HH:MM:SS (${describe(t)})`);
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(+y!, +mo! - 1, +d!, +h!, +mi!, +s!) + (frac ? Math.round(Number(frac) * 1000) : 0);
  const check = new Date(ms);
  if (check.getUTCDate() !== +d! || check.getUTCMonth() !== +mo! - 1 || +h! > 23 || +mi! > 59 || +s! > 59) {
    throw new RowReject(`${column}: invalid date-time (${describe(t)})`);
  }
  return ms;
}

/** Rejects a time that does not come strictly after the previous accepted row's. */
export function checkTimeOrder(timeMs: number, previousMs: number | undefined, column: string): void {
  if (previousMs === undefined) return;
  if (timeMs === previousMs) throw new RowReject(`${column}: duplicate timestamp ${new Date(timeMs).toISOString()}`);
  if (timeMs < previousMs) {
    throw new RowReject(
      `${column}: timestamp out of order (${new Date(timeMs).toISOString()} after ${new Date(previousMs).toISOString()})`,
    );
  }
}
