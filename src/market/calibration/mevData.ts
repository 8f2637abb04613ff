/**
 * Readers for the real MEV files behind the competition statistics: the builder payment of Ethereum CEX-DEX
 * arbitrages against their USD volume (mev/cexdex-arbs-*.csv, `mev_value` = priority fees + coinbase transfer, ETH,
 * converted at the day's ETH/USD of mev/eth-usd-daily-*.json) and the net profit of Arbitrum atomic arbitrages
 * (mev/arbitrum-atomic-arbs-*.jsonl, `total_profit_eth` after costs). Bad rows are named, never fatal.
 */
import { readFileSync } from 'node:fs';
import { csvRows, headerIndex } from '../files/csvRows.ts';
import { formatRowError } from '../files/rowError.ts';
import { numberField, RowReject } from '../files/rowFields.ts';
import { textLines } from '../files/textLines.ts';
import type { ParsedSeries } from './arbData.ts';

const DAY_MS = 86_400_000;

/** ETH/USD of the UTC day containing timeMs, from a `{"eth_to_usd": [[ms, usd], ...]}` file. */
export function ethUsdOnDay(path: string, timeMs: number): number {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { eth_to_usd?: [number, number][] };
  const day = Math.floor(timeMs / DAY_MS);
  const hit = (doc.eth_to_usd ?? []).find(([ms]) => Math.floor(ms / DAY_MS) === day);
  if (!hit) throw new RowReject(`${path}: no ETH/USD for ${new Date(day * DAY_MS).toISOString().slice(0, 10)}`);
  return hit[1];
}

/** Builder payment (mev_value, ETH, at ethUsd) over the trade's USD volume, bps, per transaction. */
export function readCexDexPaymentBps(path: string, ethUsd: number): ParsedSeries {
  const lines = textLines(readFileSync(path, 'utf8'));
  const header = headerIndex(lines[0], path, ['mev_value', 'volume']);
  if ('reason' in header) return { values: [], rejected: [formatRowError(header)] };
  const { index, fieldCount } = header;
  const parsed = csvRows({
    lines: lines.slice(1),
    file: path,
    fieldCount,
    parse: (f) => {
      const paid = numberField(f[index.mev_value!]!, 'mev_value');
      const volume = numberField(f[index.volume!]!, 'volume');
      if (!(volume > 0)) throw new RowReject(`volume: not positive (${volume})`);
      return ((paid * ethUsd) / volume) * 1e4;
    },
  });
  return { values: parsed.rows, rejected: parsed.errors.map(formatRowError) };
}

/** Net profit after costs (ETH) of each atomic arbitrage transaction. */
export function readAtomicArbProfits(path: string): ParsedSeries {
  const values: number[] = [];
  const rejected: string[] = [];
  readFileSync(path, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      let doc: { total_profit_eth?: unknown };
      try {
        doc = JSON.parse(line) as { total_profit_eth?: unknown };
      } catch {
        rejected.push(formatRowError({ file: path, line: i + 1, reason: 'not JSON' }));
        return;
      }
      if (typeof doc.total_profit_eth === 'number' && Number.isFinite(doc.total_profit_eth))
        values.push(doc.total_profit_eth);
      else rejected.push(formatRowError({ file: path, line: i + 1, reason: 'total_profit_eth missing' }));
    });
  return { values, rejected };
}
