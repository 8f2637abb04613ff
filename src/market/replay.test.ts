import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readGasCsv } from './files/readGasCsv.ts';
import { readKlines } from './files/readKlines.ts';
import { GWEI } from './gas/gasBlock.ts';
import { replayGas } from './gas/replayGas.ts';
import { createMarket } from './market.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping market replay tests: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('replay of the real CEX and gas files (2021-11-26 .. 12-11)', () => {
  const cexFile = join(dataDir ?? '', 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json');
  const gasFile = join(dataDir ?? '', 'gas/eth-5min-2021-11-26_2022-01-26.csv');

  it('runs on the overlap and aligns CEX minutes and gas bins on one clock', () => {
    const market = createMarket({ seed: 1, days: 30, chains: ['ethereum'], cexFile, gasFile });
    expect(market.info.startMs).toBe(Date.UTC(2021, 10, 26));
    expect(market.info.endMs).toBe(Date.UTC(2021, 11, 11, 9, 10)); // the kline file's last minute: days clamped
    expect(market.info.cexSource).toBe('replay');
    expect(market.info.gasSource.ethereum).toBe('replay');
    const klines = new Map(readKlines(cexFile).rows.map((k) => [k.openTimeMs, k]));
    const gasRows = readGasCsv(gasFile).rows;
    const bins = new Map(gasRows.map((r, i) => [r.timeMs, i]));
    const binPrice = new Float64Array(gasRows.length);
    const binMinGas = new Float64Array(gasRows.length);
    const binBlocks = new Float64Array(gasRows.length);
    let blocks = 0;
    for (const b of market.blocks()) {
      blocks++;
      if (b.timeMs % 60_000 === 0) expect(b.cexPrice).toBe(klines.get(b.timeMs)!.open);
      const bin = bins.get(b.timeMs - (b.timeMs % 300_000))!;
      binPrice[bin] += b.cexPrice;
      binMinGas[bin] += Number(b.baseFeeWei + b.minPriorityFeeWei) / GWEI;
      binBlocks[bin]++;
    }
    expect(blocks).toBe((Date.UTC(2021, 11, 11, 9, 10) - Date.UTC(2021, 10, 26)) / 12_000);
    // The gas file's Open column is Binance ETH/USDT inside the same bin: the replayed CEX price agrees with it.
    const priceErr: number[] = [];
    const gasErr: number[] = [];
    for (let i = 0; i < gasRows.length; i++) {
      if (binBlocks[i] !== 25) continue;
      priceErr.push(Math.abs(binPrice[i]! / 25 / gasRows[i]!.ethPrice - 1));
      gasErr.push(Math.abs(binMinGas[i]! / 25 / gasRows[i]!.minGasPrice - 1));
    }
    priceErr.sort((a, b) => a - b);
    gasErr.sort((a, b) => a - b);
    expect(priceErr.length).toBe(4_430);
    expect(priceErr[priceErr.length >> 1]).toBeLessThan(0.0005); // an hour's shift would give ~0.5%
    expect(gasErr[gasErr.length >> 1]).toBeLessThan(0.1);
  });

  it('gas replay hits the real min_gas_price at each bin centre exactly (to the wei)', () => {
    const rows = readGasCsv(gasFile).rows;
    const source = replayGas({ rows, minTipGwei: 1 });
    for (const i of [0, 1, 500, 4_000]) {
      const g = source.next(rows[i]!.timeMs + 150_000);
      const expected = BigInt(Math.round(rows[i]!.minGasPrice * GWEI));
      expect(Number(g.baseFeeWei + g.minPriorityFeeWei - expected)).toBeLessThanOrEqual(1);
      expect(g.utilisation).toBe(rows[i]!.blockUtilisation);
    }
  });

  it('refuses files it cannot replay with a message naming them', () => {
    const fiveMinute = join(dataDir ?? '', 'cex/binance/ETH_USDT-5m_2021-09-24_2021-11-12.json');
    expect(() => createMarket({ seed: 1, days: 1, cexFile: fiveMinute })).toThrow(/ETH_USDT-5m.*need 1-minute klines/);
    const august = join(dataDir ?? '', 'cex/binance/ETHUSDT-1m-2022-08-01_02.csv');
    expect(() => createMarket({ seed: 1, days: 1, cexFile: august, gasFile })).toThrow(/do not overlap/);
    const gasOnly = createMarket({ seed: 1, days: 100, chains: ['ethereum'], gasFile });
    expect(gasOnly.info.startMs).toBe(Date.UTC(2021, 10, 26));
    expect(gasOnly.info.endMs).toBe(Date.UTC(2022, 0, 27));
    expect(gasOnly.info.cexSource).toBe('model');
  });
});
