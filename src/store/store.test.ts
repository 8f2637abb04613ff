import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mayConflict } from './conflictProbe.ts';
import { migrate } from './migrate.ts';
import { tableMeta } from './tableMeta.ts';
import { storeTables } from './status.ts';
import { timeTables } from './timescale.ts';
import { openTestStore, testBackends, type TestStore } from './testing.ts';

const seedColumns = [
  'id',
  'timestamp',
  'symbol',
  'chain',
  'cex_price',
  'dex_price',
  'edge_bps',
  'pool_liquidity_quote',
  'gas_price_gwei',
  'estimated_slippage_bps',
  'actual_slippage_bps',
  'executed',
  'profitable',
  'profit_eth',
];

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping store tests on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`store on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(backend, 'store');
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('creates every table with the seed columns and records the migration once', async () => {
      const again = await migrate(t.store.db, undefined, { timescale: backend.name === 'timescale' });
      expect(again.applied).toEqual([]);
      expect(again.version).toBe(4);
      const status = await t.store.status();
      expect(status.backend).toBe(backend.name === 'pglite' ? 'pglite' : 'postgres');
      expect(status.timescale).toBe(backend.name === 'timescale');
      for (const table of storeTables) {
        expect(status.tables[table]!.hypertable, table).toBe(backend.name === 'timescale' && table in timeTables);
      }
      expect(Object.keys(status.tables)).toEqual([...storeTables]);
      expect(status.tables.arbitrage_opportunities!.columns).toEqual(expect.arrayContaining(seedColumns));
      expect(status.tables.arbitrage_opportunities!.columns).toHaveLength(36);
      expect(status.tables.gas_prices).toMatchObject({ rows: 0 });
      const recorded = await t.store.db.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(recorded.map((r) => Number(r.version))).toEqual([1, 2, 3, 4]);
    });

    it("keeps the seed's indexes", async () => {
      const rows = await t.store.db.query<{ indexdef: string }>(
        `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'arbitrage_opportunities'`,
      );
      const defs = rows.map((r) => r.indexdef.replace(/\s+/g, ' '));
      expect(defs.some((d) => /\(symbol, "?timestamp"? DESC\)/.test(d))).toBe(true);
      expect(defs.some((d) => /\(executed, profitable\)/.test(d))).toBe(true);
    });

    it('imports gas rows idempotently: second run all duplicates, overlap counted exactly', async () => {
      const rows = Array.from({ length: 1000 }, (_, i) => ({
        chain: 'ethereum',
        timeMs: Date.UTC(2021, 10, 26) + i * 300_000,
        minGasPriceGwei: 80 + i / 7,
        avgGasPriceGwei: 100.125,
        maxGasPriceGwei: 400,
        utilisation: 0.5,
        source: 'test',
      }));
      expect(await t.store.insertGasPrices(rows)).toEqual({ inserted: 1000, duplicates: 0 });
      expect(await t.store.insertGasPrices(rows)).toEqual({ inserted: 0, duplicates: 1000 });
      const more = Array.from({ length: 10 }, (_, i) => ({
        ...rows[0]!,
        timeMs: rows[0]!.timeMs + (995 + i) * 300_000,
      }));
      expect(await t.store.insertGasPrices(more)).toEqual({ inserted: 5, duplicates: 5 });
      const [{ n, v }] = await t.store.db.query<{ n: string; v: string }>(
        `SELECT count(*) AS n, min_gas_price_gwei::text AS v FROM gas_prices WHERE time = $1 GROUP BY v`,
        [new Date(Date.UTC(2021, 10, 26) + 7 * 300_000).toISOString()],
      );
      expect([n, v]).toEqual(['1', '81']);
    });

    it('probes for possible key conflicts with one index range: equal prefix, then a time range', async () => {
      const meta = await tableMeta(t.store.db, 'gas_prices');
      const keyIndex = [0, 1];
      const at = (chain: string, ms: number) => [chain, new Date(Date.UTC(2021, 10, 26) + ms)];
      // Stored: ethereum, 1000 bins from 2021-11-26 00:00 (previous test).
      expect(await mayConflict(t.store.db, meta, [at('ethereum', -600_000), at('ethereum', -300_000)], keyIndex)).toBe(
        false,
      );
      expect(await mayConflict(t.store.db, meta, [at('ethereum', -300_000), at('ethereum', 300_000)], keyIndex)).toBe(
        true,
      );
      expect(await mayConflict(t.store.db, meta, [at('polygon', 0), at('polygon', 300_000)], keyIndex)).toBe(false);
      // Chains differ and text order depends on collation: undecided, so the caller looks keys up.
      expect(await mayConflict(t.store.db, meta, [at('polygon', 0), at('ethereum', -300_000)], keyIndex)).toBe(true);
    });

    it('stores on-chain amounts digit for digit (uint256 range, negative flows)', async () => {
      const huge = 2n ** 255n + 12345678901234567890n;
      const result = await t.store.insertPoolStates([
        {
          chain: 'polygon',
          pool: '0xpool',
          timeMs: Date.UTC(2022, 6, 19),
          openTick: -887272,
          closeTick: 202693,
          netAmount0: -30361565484n,
          netAmount1: 19253165598944715626n,
          liquidity: huge,
          inAmount1: 34314688834673185254n,
        },
      ]);
      expect(result).toEqual({ inserted: 1, duplicates: 0 });
      const [row] = await t.store.db.query<Record<string, unknown>>('SELECT * FROM pool_states');
      expect(row).toMatchObject({
        open_tick: -887272,
        net_amount0: '-30361565484',
        net_amount1: '19253165598944715626',
        liquidity: huge.toString(),
        in_amount1: '34314688834673185254',
        reserve0: null,
      });
    });

    it('commits a batch whole or not at all', async () => {
      const good = {
        instrument: 'ETH/USDT',
        granularity: '1m',
        timeMs: 0,
        open: 1,
        high: 2,
        low: 0.5,
        close: 1.5,
        volume: 3,
        source: 's',
      };
      await expect(
        t.store.insertCandles([good, { ...good, timeMs: 60_000, open: null as unknown as number }]),
      ).rejects.toThrow();
      const [{ n }] = await t.store.db.query<{ n: string }>('SELECT count(*) AS n FROM oanda_candles');
      expect(n).toBe('0');
      expect(await t.store.insertCandles([good, good, { ...good, timeMs: 60_000 }])).toEqual({
        inserted: 2,
        duplicates: 1,
      });
    });
  });
}
