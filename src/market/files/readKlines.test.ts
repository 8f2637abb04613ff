import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { klineFileInfo, parseKlines, readKlines } from './readKlines.ts';

describe('parseKlines: freqtrade JSON', () => {
  it('reads [[ms,o,h,l,c,v],...] and takes symbol and interval from the name', () => {
    const text =
      '[[1636621860000,4714.47,4715.0,4700.4,4703.16,330.462],[1636621920000,4703.16,4710.7,4700.23,4710.19,390.2604]]';
    const r = parseKlines(text, '/x/ETH_USDT-1m_2021-11-11_2021-12-11.json');
    expect(r.format).toBe('freqtrade-json');
    expect(r.symbol).toBe('ETH/USDT');
    expect(r.interval).toBe('1m');
    expect(r.errors).toEqual([]);
    expect(r.rows[1]).toEqual({
      openTimeMs: 1636621920000,
      open: 4703.16,
      high: 4710.7,
      low: 4700.23,
      close: 4710.19,
      volume: 390.2604,
    });
  });

  it('rejects bad elements by element number and keeps the rest', () => {
    const text = [
      '[[1000,10,11,9,10.5,1]', // 1 good
      '[2000,10,11,9,"NaN",1]', // 2 NaN
      '[3000,10,11,9,null,1]', // 3 text/null
      '[4000,-10,11,9,10,1]', // 4 negative price
      '[5000,10,11,9,10]', // 5 missing field
      '[5000,10,11,9,10,1]', // 6 good
      '[5000,10,11,9,10,1]', // 7 duplicate
      '[6000,10,9,9.5,10,1]', // 8 high below open
      '[7000,10,11,9,10,1]', // 9 good
      '[8000,10,11', // 10 truncated
    ].join(',');
    const r = parseKlines(text, 'k.json');
    expect(r.rows.map((k) => k.openTimeMs)).toEqual([1000, 5000, 7000]);
    expect(r.errors.map((e) => e.line)).toEqual([2, 3, 4, 5, 7, 8, 10]);
    expect(r.errors.map((e) => e.reason)).toEqual([
      expect.stringMatching(/close: not a number \("NaN"\)/),
      expect.stringMatching(/close: not a number \("null"\)/),
      expect.stringMatching(/open: negative price/),
      expect.stringMatching(/missing fields \(5 of 6\)/),
      expect.stringMatching(/duplicate timestamp/),
      expect.stringMatching(/high\/low do not bound/),
      expect.stringMatching(/truncated last element/),
    ]);
  });
});

describe('parseKlines: Binance CSV', () => {
  const line = (t: number, c: string): string =>
    `${t},1677.63,1677.88,1673.75,${c},12595.252,${t + 59999},21103135.56625,7983,4676.524,7835917.41201,0`;
  it('is told apart from JSON by content and reads the first six columns', () => {
    const r = parseKlines(
      [line(1659312000000, '1675.53'), line(1659312060000, '1676')].join('\n') + '\n',
      'ETHUSDT-1m-2022-08-01_02.csv',
    );
    expect(r.format).toBe('binance-csv');
    expect(r.symbol).toBe('ETH/USDT');
    expect(r.interval).toBe('1m');
    expect(r.rows[0]).toEqual({
      openTimeMs: 1659312000000,
      open: 1677.63,
      high: 1677.88,
      low: 1673.75,
      close: 1675.53,
      volume: 12595.252,
    });
  });

  it('rejects text, missing fields and a truncated last line by line number', () => {
    const text = [
      line(1000, '1675'),
      line(2000, 'abc'),
      '3000,1677,1678,1673',
      line(4000, '1675'),
      '5000,1677.63,1677.88',
    ].join('\n');
    const r = parseKlines(text, 'k.csv');
    expect(r.rows.map((k) => k.openTimeMs)).toEqual([1000, 4000]);
    expect(r.errors).toEqual([
      { file: 'k.csv', line: 2, reason: 'close: not a number ("abc")' },
      { file: 'k.csv', line: 3, reason: 'missing fields (4 of 12 fields)' },
      { file: 'k.csv', line: 5, reason: 'truncated last line (3 of 12 fields)' },
    ]);
  });

  it('parses names without a symbol as unknown', () => {
    expect(klineFileInfo('BTCUSDT-5m-2022-07.csv')).toEqual({ symbol: 'BTC/USDT', interval: '5m' });
    expect(klineFileInfo('candles.csv')).toEqual({});
  });
});

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping real kline files test: ARBML_DATA_DIR unset');
describe.skipIf(!dataDir)('readKlines on the real files', () => {
  it('reads 43200 freqtrade rows and 2880 Binance CSV rows', () => {
    const json = readKlines(join(dataDir!, 'cex/binance/ETH_USDT-1m_2021-11-11_2021-12-11.json'));
    expect([json.format, json.rows.length, json.errors.length]).toEqual(['freqtrade-json', 43200, 0]);
    const csv = readKlines(join(dataDir!, 'cex/binance/ETHUSDT-1m-2022-08-01_02.csv'));
    expect([csv.format, csv.rows.length, csv.errors.length]).toEqual(['binance-csv', 2880, 0]);
    expect(csv.rows[0]!.openTimeMs).toBe(1659312000000);
  });
});
