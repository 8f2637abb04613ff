/**
 * The calibration statistics measured on the real data under ARBML_DATA_DIR: ETH/USDT 1-minute klines
 * (2021-11-11..12-11), the 5-minute Ethereum gas file, the Polygon V3 USDC/WETH pool minutes, Ethereum arbitrage
 * distances (2021) and CEX-DEX arbitrage payments (2023-08-08).
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../../core/errors.ts';
import { fitCex } from '../cex/fitCex.ts';
import { replayCex } from '../cex/replayCex.ts';
import type { CexParams } from '../params.ts';
import { readGasCsv } from '../files/readGasCsv.ts';
import { readKlines } from '../files/readKlines.ts';
import { readPoolMinutes } from '../files/readPoolMinutes.ts';
import { readArbDistances, readCexDexTipRatios } from './arbData.ts';
import { formatRowError } from '../files/rowError.ts';
import { cexStats } from './cexStats.ts';
import { flowStats, tipStats } from './flowStats.ts';
import { gasStats } from './gasStats.ts';
import { lifetimeStats } from './lifetimeStats.ts';

export const REAL_FILES = {
  cex: 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json',
  gas: 'gas/eth-5min-2021-11-26_2022-01-26.csv',
  poolDir: 'dex/univ3-polygon-usdc-weth-005',
  distances: 'mev/ethereum-arb-opportunities-2021.jsonl',
  tips: 'mev/cexdex-arbs-2023-08-08.csv',
} as const;

export interface RealStats {
  stats: Record<string, number>;
  /** CEX parameters fitted on the real minutes (the committed defaults are these). */
  fittedCex: CexParams;
  /** Rejected rows over all files (file:line: reason). */
  rejected: string[];
}

/** Per-minute gross inflow of the real pool in USD, both directions (USDC in, and WETH in at the minute's price). */
export function realPoolFlows(dataDir: string, rejected: string[]): number[] {
  const dir = join(dataDir, REAL_FILES.poolDir);
  const files = readdirSync(dir).filter((f) => f.endsWith('.csv')).sort();
  if (files.length === 0) throw new InvalidInputError(`${dir}: no pool minute files`);
  const flows: number[] = [];
  for (const f of files) {
    const { rows, errors } = readPoolMinutes(join(dir, f));
    for (const e of errors) rejected.push(formatRowError(e));
    for (const r of rows) {
      const price = 1e12 / 1.0001 ** r.closeTick;
      flows.push(Number(r.inAmount0) / 1e6, (Number(r.inAmount1) / 1e18) * price);
    }
  }
  return flows;
}

export function realStats(dataDir: string): RealStats {
  const rejected: string[] = [];
  const cexFile = join(dataDir, REAL_FILES.cex);
  const k = readKlines(cexFile);
  const gas = readGasCsv(join(dataDir, REAL_FILES.gas));
  const distances = readArbDistances(join(dataDir, REAL_FILES.distances));
  const tips = readCexDexTipRatios(join(dataDir, REAL_FILES.tips));
  for (const e of [...k.errors, ...gas.errors]) rejected.push(formatRowError(e));
  rejected.push(...distances.rejected, ...tips.rejected);
  const minutes = replayCex(k.rows, cexFile).minutePrices;
  const stats = {
    ...cexStats(minutes),
    ...gasStats({
      minGasPrice: gas.rows.map((r) => r.minGasPrice),
      tipSpread: gas.rows.map((r) => r.avgGasPrice - r.minGasPrice),
      utilisation: gas.rows.map((r) => r.blockUtilisation),
    }),
    ...flowStats(realPoolFlows(dataDir, rejected)),
    ...lifetimeStats(distances.values, 'lifetime.ethereum'),
    ...tipStats(tips.values),
  };
  return { stats, fittedCex: fitCex(minutes), rejected };
}
