/**
 * Per-minute Uniswap V3 pool files (zelos-alpha/demeter layout): timestamp, netAmount0/1, closeTick, openTick,
 * lowestTick, highestTick, inAmount0/1, currentLiquidity. Raw token amounts are parsed straight to bigint.
 * File names look like `Polygon-0x45dd...0608-2022-07-19.csv` (chain, pool address, day).
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { csvRows, headerIndex } from './csvRows.ts';
import type { RowError } from './rowError.ts';
import { bigintField, checkTimeOrder, RowReject, safeIntegerField, utcDateTimeField } from './rowFields.ts';
import { textLines } from './textLines.ts';

export interface PoolMinute {
  timeMs: number;
  /** Net flow into the pool during the minute, raw units (negative = out). */
  netAmount0: bigint;
  netAmount1: bigint;
  openTick: number;
  closeTick: number;
  lowestTick: number;
  highestTick: number;
  /** Gross amount swapped in per direction, raw units. */
  inAmount0: bigint;
  inAmount1: bigint;
  /** Active in-range liquidity L at minute end. */
  currentLiquidity: bigint;
}

export const poolMinuteColumns = [
  'timestamp',
  'netAmount0',
  'netAmount1',
  'closeTick',
  'openTick',
  'lowestTick',
  'highestTick',
  'inAmount0',
  'inAmount1',
  'currentLiquidity',
] as const;

/** Uniswap V3 TickMath bounds. */
const MAX_TICK = 887272;

function tickField(token: string, column: string): number {
  const tick = safeIntegerField(token, column);
  if (tick < -MAX_TICK || tick > MAX_TICK) throw new RowReject(`${column}: tick outside +-${MAX_TICK} (${tick})`);
  return tick;
}

function nonNegativeBigint(token: string, column: string): bigint {
  const value = bigintField(token, column);
  if (value < 0n) throw new RowReject(`${column}: negative amount (${value})`);
  return value;
}

export function parsePoolMinutes(text: string, file: string): { rows: PoolMinute[]; errors: RowError[] } {
  const lines = textLines(text);
  const header = headerIndex(lines[0], file, poolMinuteColumns);
  if ('reason' in header) return { rows: [], errors: [header] };
  const ix = header.index;
  const at = (f: string[], c: (typeof poolMinuteColumns)[number]): string => f[ix[c]!]!;
  return csvRows<PoolMinute>({
    lines: lines.slice(1),
    file,
    fieldCount: header.fieldCount,
    parse: (f, previous) => {
      const row: PoolMinute = {
        timeMs: utcDateTimeField(at(f, 'timestamp'), 'timestamp'),
        netAmount0: bigintField(at(f, 'netAmount0'), 'netAmount0'),
        netAmount1: bigintField(at(f, 'netAmount1'), 'netAmount1'),
        openTick: tickField(at(f, 'openTick'), 'openTick'),
        closeTick: tickField(at(f, 'closeTick'), 'closeTick'),
        lowestTick: tickField(at(f, 'lowestTick'), 'lowestTick'),
        highestTick: tickField(at(f, 'highestTick'), 'highestTick'),
        inAmount0: nonNegativeBigint(at(f, 'inAmount0'), 'inAmount0'),
        inAmount1: nonNegativeBigint(at(f, 'inAmount1'), 'inAmount1'),
        currentLiquidity: nonNegativeBigint(at(f, 'currentLiquidity'), 'currentLiquidity'),
      };
      // Open and close may lie outside lowest..highest in the real files (the range covers the minute's swaps only).
      if (row.lowestTick > row.highestTick) {
        throw new RowReject(`lowestTick above highestTick (${row.lowestTick} > ${row.highestTick})`);
      }
      checkTimeOrder(row.timeMs, previous?.timeMs, 'timestamp');
      return row;
    },
  });
}

export function readPoolMinutes(path: string): { rows: PoolMinute[]; errors: RowError[] } {
  return parsePoolMinutes(readFileSync(path, 'utf8'), path);
}

export interface PoolFileInfo {
  /** Lower-case chain name from the file name prefix (`Polygon-...` -> `polygon`), when present. */
  chain?: string;
  /** Lower-case 0x pool address. */
  pool?: string;
  /** `YYYY-MM-DD` day of the file, when present. */
  day?: string;
}

/** Reads chain, pool address and day from a pool file name such as `Polygon-0x45dd...0608-2022-07-19.csv`. */
export function poolFileInfo(path: string): PoolFileInfo {
  const name = basename(path);
  const m = /^(?:([A-Za-z][A-Za-z0-9]*)-)?(0x[0-9a-fA-F]{40})(?:-(\d{4}-\d{2}-\d{2}))?/.exec(name);
  if (!m) return {};
  return { chain: m[1]?.toLowerCase(), pool: m[2]!.toLowerCase(), day: m[3] };
}
