/**
 * Readers for the real arbitrage files used by calibration: opportunity distances in blocks (mev/*-arb-
 * opportunities-*.jsonl) and CEX-DEX arbitrage payments per gas relative to the base fee (mev/cexdex-arbs-*.csv).
 * Bad lines are counted and named, never fatal.
 */
import { readFileSync } from 'node:fs';

export interface ParsedSeries {
  values: number[];
  rejected: string[];
}

/** Blocks between the swap that created each opportunity and the arbitrage that took it. */
export function readArbDistances(path: string): ParsedSeries {
  const values: number[] = [];
  const rejected: string[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const doc = JSON.parse(line) as { opportunities?: { swap?: { distance?: unknown } }[] };
      for (const op of doc.opportunities ?? []) {
        const d = op.swap?.distance;
        if (typeof d === 'number' && Number.isInteger(d) && d >= 0) values.push(d);
        else rejected.push(`${path}:${i + 1}: distance missing or not a block count`);
      }
    } catch {
      rejected.push(`${path}:${i + 1}: not JSON`);
    }
  });
  return { values, rejected };
}

/** (priority_fees + cb_transfer) / base_fees per transaction: what the arbitrageur paid per gas over the base fee. */
export function readCexDexTipRatios(path: string): ParsedSeries {
  const lines = readFileSync(path, 'utf8').split('\n');
  const header = lines[0]!.split(',');
  const col = (name: string): number => header.indexOf(name);
  const [base, prio, cb] = [col('base_fees'), col('priority_fees'), col('cb_transfer')];
  const values: number[] = [];
  const rejected: string[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (!lines[i]!.trim()) continue;
    const f = lines[i]!.split(',');
    const b = Number(f[base]);
    const paid = Number(f[prio]) + Number(f[cb]);
    if (b > 0 && paid > 0 && Number.isFinite(paid)) values.push(paid / b);
    else rejected.push(`${path}:${i + 1}: base_fees/priority_fees/cb_transfer not positive numbers`);
  }
  return { values, rejected };
}
