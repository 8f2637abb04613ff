import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestStore, testBackends, type TestStore } from '../testing.ts';
import { importCandleFiles } from './importCandleFiles.ts';
import { importGasFiles } from './importGasFiles.ts';
import { importPoolFiles } from './importPoolFiles.ts';

const gasHeader = 'datetime,gas_limit,gas_used,Open,avg_gas_price,max_gas_price,min_gas_price,block_utilisation';
const gasLine = (min: number, t: string) => `2021-11-26 ${t},30000000,15000000,4530.29,109.3,1068.48,${min},0.5`;
const poolHeader =
  'timestamp,netAmount0,netAmount1,closeTick,openTick,lowestTick,highestTick,inAmount0,inAmount1,currentLiquidity';
const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping real-data import tests: ARBML_DATA_DIR unset');

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping import tests on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`import files on ${backend.name}`, () => {
    let t: TestStore;
    let dir: string;
    beforeAll(async () => {
      t = await openTestStore(backend, 'import');
      dir = mkdtempSync(join(tmpdir(), 'arbml-import-'));
    });
    afterAll(async () => {
      await t?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it('imports the good gas rows, lists each bad one, and counts an unreadable file', async () => {
      const file = join(dir, 'gas.csv');
      writeFileSync(
        file,
        [
          gasHeader,
          gasLine(90, '00:00:00'),
          gasLine(Number.NaN, '00:05:00'),
          gasLine(91, '00:10:00'),
          '2021-11-26 00:15',
        ].join('\n'),
      );
      const missing = join(dir, 'missing.csv');
      const s = await importGasFiles({ store: t.store, files: [file, missing] });
      expect(s).toMatchObject({ inserted: 2, duplicates: 0, rejected: 3 });
      expect(s.errors.map((e) => [e.file, e.line])).toEqual([
        [file, 3],
        [file, 5],
        [missing, 0],
      ]);
      expect(s.errors[2]!.reason).toMatch(/cannot read file \(ENOENT\)/);
      const rows = await t.store.db.query<{ chain: string; min: string }>(
        `SELECT chain, min_gas_price_gwei AS min FROM gas_prices ORDER BY time`,
      );
      expect(rows).toEqual([
        { chain: 'ethereum', min: '90' },
        { chain: 'ethereum', min: '91' },
      ]);
    });

    it('imports both kline formats with symbol and interval from the name or the flags', async () => {
      const json = join(dir, 'ETH_USDT-1m_test.json');
      writeFileSync(json, '[[60000,10,11,9,10.5,1],[120000,10.5,12,10,11,2]]');
      const csv = join(dir, 'klines.csv');
      writeFileSync(csv, '60000,1,2,0.5,1.5,3,119999,4.5,7,1,1.5,0\n');
      expect(await importCandleFiles({ store: t.store, files: [json] })).toMatchObject({ inserted: 2, rejected: 0 });
      const noName = await importCandleFiles({ store: t.store, files: [csv] });
      expect(noName).toMatchObject({ inserted: 0, rejected: 1 });
      expect(noName.errors[0]!.reason).toMatch(/symbol \(--symbol\)/);
      expect(
        await importCandleFiles({ store: t.store, files: [csv], symbol: 'BTC/USDT', interval: '1m' }),
      ).toMatchObject({ inserted: 1 });
      const rows = await t.store.db.query<Record<string, unknown>>(
        `SELECT instrument, granularity, close::text AS close, source FROM oanda_candles ORDER BY instrument, time`,
      );
      expect(rows).toEqual([
        { instrument: 'BTC/USDT', granularity: '1m', close: '1.5', source: 'binance-csv' },
        { instrument: 'ETH/USDT', granularity: '1m', close: '10.5', source: 'binance-freqtrade' },
        { instrument: 'ETH/USDT', granularity: '1m', close: '11', source: 'binance-freqtrade' },
      ]);
    });

    it('imports pool minutes with chain and pool from the file name and exact amounts', async () => {
      const file = join(dir, 'Polygon-0x45dda9cb7c25131df268515131f647d726f50608-2022-07-19.csv');
      writeFileSync(
        file,
        `${poolHeader}\n2022-07-19 00:00:00,-30361565484,19253165598944715626,202693,202656,202649,202697,23814930590,34314688834673185254,422680516552367239\n`,
      );
      expect(await importPoolFiles({ store: t.store, files: [file] })).toMatchObject({ inserted: 1, rejected: 0 });
      const [row] = await t.store.db.query<Record<string, unknown>>(
        'SELECT chain, pool, dex, liquidity, net_amount1, in_amount1 FROM pool_states',
      );
      expect(row).toEqual({
        chain: 'polygon',
        pool: '0x45dda9cb7c25131df268515131f647d726f50608',
        dex: 'uniswap-v3',
        liquidity: '422680516552367239',
        net_amount1: '19253165598944715626',
        in_amount1: '34314688834673185254',
      });
      expect(await importPoolFiles({ store: t.store, files: [file] })).toMatchObject({ inserted: 0, duplicates: 1 });
    });

    describe.skipIf(!dataDir)('the real files', () => {
      it('gas 17856 then all duplicates; a damaged copy keeps every good row', async () => {
        await t.store.db.exec('TRUNCATE gas_prices');
        const gas = join(dataDir!, 'gas/eth-5min-2021-11-26_2022-01-26.csv');
        expect(await importGasFiles({ store: t.store, files: [gas] })).toEqual({
          inserted: 17856,
          duplicates: 0,
          rejected: 0,
          errors: [],
        });
        expect(await importGasFiles({ store: t.store, files: [gas] })).toEqual({
          inserted: 0,
          duplicates: 17856,
          rejected: 0,
          errors: [],
        });
        const lines = readFileSync(gas, 'utf8').split('\n');
        lines[99] = lines[99]!.replace(/,[^,]+$/, ',NaN');
        lines[1999] = lines[1999]!.replace(/^([^,]+,[^,]+,[^,]+,)[^,]+/, '$1abc');
        lines[4999] = lines[4999]!.replace(/^([^,]+,[^,]+,[^,]+,)/, '$1-');
        const damaged = join(dir, 'gas-damaged.csv');
        writeFileSync(damaged, lines.slice(0, -1).join('\n').slice(0, -30));
        await t.store.db.exec('TRUNCATE gas_prices');
        const s = await importGasFiles({ store: t.store, files: [damaged] });
        expect(s.inserted).toBe(17852);
        expect(s.errors.map((e) => e.line)).toEqual([100, 2000, 5000, 17857]);
        expect(s.errors.map((e) => e.reason)).toEqual([
          expect.stringMatching(/block_utilisation: not a number/),
          expect.stringMatching(/Open: not a number \("abc"\)/),
          expect.stringMatching(/Open: negative price/),
          expect.stringMatching(/truncated last line/),
        ]);
      });

      it('candles 43200 (freqtrade JSON) and 2880 (Binance CSV); pool files 50390', async () => {
        const cex = join(dataDir!, 'cex/binance');
        expect(
          await importCandleFiles({ store: t.store, files: [join(cex, 'ETH_USDT-1m_2021-11-11_2021-12-11.json')] }),
        ).toMatchObject({ inserted: 43200, rejected: 0 });
        expect(
          await importCandleFiles({ store: t.store, files: [join(cex, 'ETHUSDT-1m-2022-08-01_02.csv')] }),
        ).toMatchObject({ inserted: 2880, rejected: 0 });
        const poolDir = join(dataDir!, 'dex/univ3-polygon-usdc-weth-005');
        const files = readdirSync(poolDir)
          .filter((f) => f.endsWith('.csv'))
          .map((f) => join(poolDir, f));
        await t.store.db.exec('TRUNCATE pool_states');
        expect(await importPoolFiles({ store: t.store, files })).toEqual({
          inserted: 50390,
          duplicates: 0,
          rejected: 0,
          errors: [],
        });
      });
    });
  });
}
