import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAge, retain } from './retain.ts';
import { openTestStore, testBackends, type TestStore } from './testing.ts';
import { chunkIntervals } from './timescale.ts';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 5);

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping retention tests on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`retention on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(backend, 'retain');
      // One gas row per day for 200 days before `now` (chunks of 7 days on a hypertable).
      const rows = Array.from({ length: 200 }, (_, i) => ({
        chain: 'ethereum',
        timeMs: now - (i + 1) * day,
        avgGasPriceGwei: i,
      }));
      await t.store.insertGasPrices(rows);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('removes exactly the rows before the cutoff that its method can reach', async () => {
      const cutoff = new Date(now - 90 * day);
      const result = await retain(t.store.db, { cutoff, tables: ['gas_prices'] });
      const [{ n, oldest }] = await t.store.db.query<{ n: string; oldest: Date }>(
        'SELECT count(*) AS n, min(time) AS oldest FROM gas_prices',
      );
      const left = Number(n);
      expect(result.gas_prices!.rows).toBe(200 - left);
      if (backend.name === 'timescale') {
        // drop_chunks drops whole 7-day chunks ending before the cutoff: the straddling chunk stays.
        expect(result.gas_prices!.method).toBe('drop_chunks');
        expect(result.gas_prices!.chunks).toBeGreaterThan(10);
        expect(left).toBeGreaterThanOrEqual(90);
        expect(left).toBeLessThan(90 + 7);
        expect(oldest.getTime()).toBeGreaterThan(cutoff.getTime() - 7 * day);
      } else {
        expect(result.gas_prices).toEqual({ rows: 110, chunks: 0, method: 'delete' });
        expect(left).toBe(90);
        expect(oldest.getTime()).toBeGreaterThanOrEqual(cutoff.getTime());
      }
      const again = await retain(t.store.db, { cutoff, tables: ['gas_prices'] });
      expect(again.gas_prices!.rows).toBe(0);
    });

    it.skipIf(backend.name !== 'timescale')('makes each time table a hypertable with its chunk interval', async () => {
      const rows = await t.store.db.query<{ table: string; interval: string }>(
        `SELECT hypertable_name AS table, time_interval::text AS interval FROM timescaledb_information.dimensions
          WHERE hypertable_schema = current_schema() ORDER BY 1`,
      );
      const pg = (i: string) => i.replace(/^(\d+) days$/, '$1 days').replace('1 day', '1 day');
      expect(Object.fromEntries(rows.map((r) => [r.table, r.interval]))).toEqual(
        Object.fromEntries(
          Object.entries(chunkIntervals)
            .sort()
            .map(([k, v]) => [k, v === '6 hours' ? '06:00:00' : pg(v)]),
        ),
      );
    });

    it('rejects an unknown table and a malformed age', async () => {
      await expect(retain(t.store.db, { cutoff: new Date(now), tables: ['model_versions'] })).rejects.toThrow(
        /not a time table/,
      );
      expect(parseAge('90d')).toBe(90 * day);
      expect(parseAge('12h')).toBe(12 * 3_600_000);
      expect(() => parseAge('90')).toThrow(/--older-than/);
    });
  });
}
