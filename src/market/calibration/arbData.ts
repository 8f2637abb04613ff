/**
 * Readers for the real arbitrage files used by calibration: opportunity distances in blocks (mev/*-arb-
 * opportunities-*.jsonl) and CEX-DEX arbitrage payments per gas relative to the base fee (mev/cexdex-arbs-*.csv).
 * Bad lines are named (file:line and reason, as every reader's RowError) and never fatal.
 */
import { readFileSync } from 'node:fs';
import { csvRows, headerIndex } from '../files/csvRows.ts';
import { formatRowError } from '../files/rowError.ts';
import { numberField, RowReject } from '../files/rowFields.ts';
import { textLines } from '../files/textLines.ts';

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

/** (priority_fees + cb_transfer) / base_fees per transaction: what the arbitrageur paid per gas over the base fee. */
export function readCexDexTipRatios(path: string): ParsedSeries {
  const lines = textLines(readFileSync(path, 'utf8'));
  const header = headerIndex(lines[0], path, ['base_fees', 'priority_fees', 'cb_transfer']);
  if ('reason' in header) return { values: [], rejected: [formatRowError(header)] };
  const { index, fieldCount } = header;
  const parsed = csvRows({
    lines: lines.slice(1),
    file: path,
    fieldCount,
    parse: (f) => {
      const base = numberField(f[index.base_fees!]!, 'base_fees');
      const paid =
        numberField(f[index.priority_fees!]!, 'priority_fees') + numberField(f[index.cb_transfer!]!, 'cb_transfer');
      if (!(base > 0)) throw new RowReject(`base_fees: not positive (${base})`);
      if (!(paid > 0)) throw new RowReject('priority_fees + cb_transfer: nothing paid');
      return paid / base;
    },
  });
  return { values: parsed.rows, rejected: parsed.errors.map(formatRowError) };
}
