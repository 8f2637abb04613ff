/**
 * Replay files for backtest tests: a seeded random-walk CEX path as freqtrade 1-minute klines and a seeded Ethereum
 * 5-minute gas file in the real file's columns, with an optional change applied from a time on (for lookahead tests).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../core/random.ts';

export interface ReplayFiles {
  cexFile: string;
  gasFile: string;
}

export interface WriteReplayFilesOptions {
  dir: string;
  startMs: number;
  days: number;
  seed: number;
  /** From this time on (candle / bin start >= it), prices x priceFactor and gas x gasFactor. */
  changeFromMs?: number;
  priceFactor?: number;
  gasFactor?: number;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const gasTime = (ms: number): string => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:00`;
};

export function writeReplayFiles(o: WriteReplayFilesOptions): ReplayFiles {
  const rng = createRng(o.seed);
  const changed = (t: number): boolean => o.changeFromMs !== undefined && t >= o.changeFromMs;
  const minutes = o.days * 1440 + 10;
  const klines: number[][] = [];
  let price = 4_000;
  for (let i = 0; i < minutes; i++) {
    const t = o.startMs + i * 60_000;
    const open = price;
    price *= Math.exp(0.0009 * rng.normal());
    const f = changed(t) ? (o.priceFactor ?? 1) : 1;
    klines.push([t, open * f, Math.max(open, price) * f, Math.min(open, price) * f, price * f, 10]);
  }
  const lines = ['datetime,gas_limit,gas_used,Open,avg_gas_price,max_gas_price,min_gas_price,block_utilisation'];
  let logGas = Math.log(80);
  for (let i = 0; i < o.days * 288 + 2; i++) {
    const t = o.startMs + i * 300_000;
    logGas += 0.08 * rng.normal() + 0.02 * (Math.log(80) - logGas);
    const g = Math.exp(logGas) * (changed(t) ? (o.gasFactor ?? 1) : 1);
    const util = 0.5 + 0.1 * rng.normal();
    lines.push(
      `${gasTime(t)},30000000,${Math.round(util * 3e7)},${klines[i * 5]![1]!.toFixed(2)},${(g * 1.15).toFixed(6)},${(g * 3).toFixed(6)},${g.toFixed(6)},${util.toFixed(6)}`,
    );
  }
  const cexFile = join(o.dir, 'ETH_USDT-1m.json');
  const gasFile = join(o.dir, 'eth-5min.csv');
  writeFileSync(cexFile, JSON.stringify(klines));
  writeFileSync(gasFile, lines.join('\n') + '\n');
  return { cexFile, gasFile };
}
