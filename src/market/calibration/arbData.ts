/**
 * Reader for the real arbitrage opportunity files used by calibration: distances in blocks from the swap that
 * created each opportunity to the arbitrage that took it (mev/*-arb-opportunities-*.jsonl).
 * Bad lines are named (file:line and reason, as every reader's RowError) and never fatal.
 */
import { readFileSync } from 'node:fs';
import { formatRowError } from '../files/rowError.ts';

export interface ParsedSeries {
  values: number[];
  /** One `file:line: reason` per rejected row. */
  rejected: string[];
}

/** Blocks between the swap that created each opportunity and the arbitrage that took it. */
export function readArbDistances(path: string): ParsedSeries {
  const values: number[] = [];
  const rejected: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        const doc = JSON.parse(line) as { opportunities?: { swap?: { distance?: unknown } }[] };
        for (const op of doc.opportunities ?? []) {
          const d = op.swap?.distance;
          if (typeof d === 'number' && Number.isInteger(d) && d >= 0) values.push(d);
          else
            rejected.push(formatRowError({ file: path, line: i + 1, reason: 'distance missing or not a block count' }));
        }
      } catch {
        rejected.push(formatRowError({ file: path, line: i + 1, reason: 'not JSON' }));
      }
    });
  return { values, rejected };
}
