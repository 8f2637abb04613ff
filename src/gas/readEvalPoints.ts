/**
 * The Butler & Crane evaluation points (`gas/butler-crane-eval-points.csv`): one row per forecast with columns
 * set, window, h, origin, target, y, persistence. Bad rows are rejected with file:line and counted, never fatal.
 */
import { readFileSync } from 'node:fs';
import { csvRows, headerIndex } from '../market/files/csvRows.ts';
import type { RowError } from '../market/files/rowError.ts';
import { nonNegativeField, RowReject, safeIntegerField, utcDateTimeField } from '../market/files/rowFields.ts';
import { textLines } from '../market/files/textLines.ts';
import { binMs } from './gasSeries.ts';

export interface EvalPoint {
  set: string;
  window: number;
  /** Steps of 5 minutes. */
  h: number;
  originMs: number;
  targetMs: number;
  /** min_gas_price at target, gwei. */
  y: number;
  /** min_gas_price at origin, gwei. */
  persistence: number;
}

const columns = ['set', 'window', 'h', 'origin', 'target', 'y', 'persistence'] as const;

export function parseEvalPoints(text: string, file: string): { points: EvalPoint[]; errors: RowError[] } {
  const lines = textLines(text);
  const header = headerIndex(lines[0], file, columns);
  if ('reason' in header) return { points: [], errors: [header] };
  const ix = header.index;
  const { rows, errors } = csvRows<EvalPoint>({
    lines: lines.slice(1),
    file,
    fieldCount: header.fieldCount,
    parse: (f) => {
      const set = f[ix.set!]!.trim();
      if (!set) throw new RowReject('set: empty');
      const p: EvalPoint = {
        set,
        window: safeIntegerField(f[ix.window!]!, 'window'),
        h: safeIntegerField(f[ix.h!]!, 'h'),
        originMs: utcDateTimeField(f[ix.origin!]!, 'origin'),
        targetMs: utcDateTimeField(f[ix.target!]!, 'target'),
        y: nonNegativeField(f[ix.y!]!, 'y', 'price'),
        persistence: nonNegativeField(f[ix.persistence!]!, 'persistence', 'price'),
      };
      if (p.h < 1) throw new RowReject(`h: must be at least 1 (got ${p.h})`);
      if (p.targetMs - p.originMs !== p.h * binMs) throw new RowReject(`target is not h=${p.h} bins after origin`);
      return p;
    },
  });
  return { points: rows, errors };
}

export function readEvalPoints(path: string): { points: EvalPoint[]; errors: RowError[] } {
  return parseEvalPoints(readFileSync(path, 'utf8'), path);
}
