/**
 * The calibration statistics measured on the real data under ARBML_DATA_DIR: ETH/USDT 1-minute klines
 * (2021-11-11..12-11), the 5-minute Ethereum gas file, the Polygon V3 USDC/WETH pool minutes, Ethereum arbitrage
 * distances (2021), CEX-DEX arbitrage payments (2023-08-08) and Arbitrum atomic arbitrage profits (2023).
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
import { readArbDistances } from './arbData.ts';
import { captureDistanceStats, losingShareStats, paymentStats, poolMinuteStats } from './competitionStats.ts';
import { ethUsdOnDay, readAtomicArbProfits, readCexDexPaymentBps } from './mevData.ts';
import { formatRowError } from '../files/rowError.ts';
import { cexStats } from './cexStats.ts';
import { flowStats } from './flowStats.ts';
import { gasStats } from './gasStats.ts';
import { lifetimeStats } from './lifetimeStats.ts';

export const REAL_FILES = {
  cex: 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json',
  gas: 'gas/eth-5min-2021-11-26_2022-01-26.csv',
  poolDir: 'dex/univ3-polygon-usdc-weth-005',
  distances: 'mev/ethereum-arb-opportunities-2021.jsonl',
  payments: 'mev/cexdex-arbs-2023-08-08.csv',
  ethUsd: 'mev/eth-usd-daily-2015_2023.json',
  atomicArbs: 'mev/arbitrum-atomic-arbs-2023.jsonl',
} as const;

/** The day of the CEX-DEX payments file (its ETH/USD converts mev_value to USD). */
const PAYMENTS_DAY_MS = Date.UTC(2023, 7, 8);

export interface RealStats {
  stats: Record<string, number>;
  /** CEX parameters fitted on the real minutes (the committed defaults are these). */
  fittedCex: CexParams;
  /** Rejected rows over all files (file:line: reason). */
  rejected: string[];
}

export interface RealPoolMinutes {
  /** Per minute and direction, gross USD in (both directions pooled). */
  flows: number[];
  /** Per minute, gross USD volume (both directions). */
  volumes: number[];
  /** |closeTick change| from one minute to the next. */
  tickChanges: number[];
}

/** Per-minute gross inflow of the real pool in USD (USDC in, and WETH in at the minute's price), volume and ticks. */
export function realPoolMinutes(dataDir: string, rejected: string[]): RealPoolMinutes {
  const dir = join(dataDir, REAL_FILES.poolDir);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .sort();
  if (files.length === 0) throw new InvalidInputError(`${dir}: no pool minute files`);
  const flows: number[] = [];
  const volumes: number[] = [];
  const tickChanges: number[] = [];
  let lastTick: number | null = null;
  for (const f of files) {
    const { rows, errors } = readPoolMinutes(join(dir, f));
    for (const e of errors) rejected.push(formatRowError(e));
    for (const r of rows) {
      const price = 1e12 / 1.0001 ** r.closeTick;
      const usdc = Number(r.inAmount0) / 1e6;
      const weth = (Number(r.inAmount1) / 1e18) * price;
      flows.push(usdc, weth);
      volumes.push(usdc + weth);
      if (lastTick !== null) tickChanges.push(Math.abs(r.closeTick - lastTick));
      lastTick = r.closeTick;
    }
  }
  return { flows, volumes, tickChanges };
}

export function realStats(dataDir: string): RealStats {
  const rejected: string[] = [];
  const cexFile = join(dataDir, REAL_FILES.cex);
  const k = readKlines(cexFile);
  const gas = readGasCsv(join(dataDir, REAL_FILES.gas));
  const distances = readArbDistances(join(dataDir, REAL_FILES.distances));
  const payments = readCexDexPaymentBps(
    join(dataDir, REAL_FILES.payments),
    ethUsdOnDay(join(dataDir, REAL_FILES.ethUsd), PAYMENTS_DAY_MS),
  );
  const profits = readAtomicArbProfits(join(dataDir, REAL_FILES.atomicArbs));
  for (const e of [...k.errors, ...gas.errors]) rejected.push(formatRowError(e));
  rejected.push(...distances.rejected, ...payments.rejected, ...profits.rejected);
  const pool = realPoolMinutes(dataDir, rejected);
  const minutes = replayCex(k.rows, cexFile).minutePrices;
  const stats = {
    ...cexStats(minutes),
    ...gasStats({
      minGasPrice: gas.rows.map((r) => r.minGasPrice),
      tipSpread: gas.rows.map((r) => r.avgGasPrice - r.minGasPrice),
      utilisation: gas.rows.map((r) => r.blockUtilisation),
    }),
    ...flowStats(pool.flows),
    ...lifetimeStats(distances.values, 'lifetime.ethereum'),
    ...captureDistanceStats(distances.values, 'ethereum'),
    ...paymentStats(payments.values),
    ...losingShareStats(profits.values),
    ...poolMinuteStats(pool.tickChanges, pool.volumes),
  };
  return { stats, fittedCex: fitCex(minutes), rejected };
}
