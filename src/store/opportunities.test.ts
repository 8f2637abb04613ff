import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { syntheticOpportunities } from './syntheticOpportunities.ts';
import { openTestStore, testBackends, type TestStore } from './testing.ts';

/** What a row looks like after a round trip: NUMERIC columns come back as exact decimal strings. */
function asStored(row: OpportunityRow): OpportunityRow {
  const dec = (v: number | string | null): string | null => (v === null ? null : String(v));
  return {
    ...row,
    cexPrice: dec(row.cexPrice),
    dexPrice: dec(row.dexPrice),
    poolLiquidityQuote: dec(row.poolLiquidityQuote),
    gasPriceGwei: dec(row.gasPriceGwei),
    profitEth: dec(row.profitEth),
    tradeSizeQuote: dec(row.tradeSizeQuote),
    gasCostQuote: dec(row.gasCostQuote),
    predictedGasGwei: dec(row.predictedGasGwei),
    counterfactualProfitEth: dec(row.counterfactualProfitEth),
  };
}

for (const backend of testBackends()) {
  if (backend.skipReason) console.warn(`skipping opportunity ledger tests on ${backend.name}: ${backend.skipReason}`);
  describe.skipIf(!!backend.skipReason)(`opportunity ledger on ${backend.name}`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(backend, 'opportunities');
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('round-trips every column exactly: bigint on-chain amounts, decimal strings, JSON route, NULLs', async () => {
      const rows = syntheticOpportunities({ count: 300, seed: 7 });
      expect(await t.store.insertOpportunities(rows)).toEqual({ inserted: 300, duplicates: 0 });
      const back = await t.store.readOpportunities();
      expect(back).toHaveLength(300);
      expect(back).toEqual(rows.map(asStored));
      expect(back.some((r) => r.executedOutputRaw === null && r.executed)).toBe(true);
      expect(typeof back[0]!.amountInRaw).toBe('bigint');
    });

    it('a journal replay doubles nothing; a partly new replay adds only the new rows', async () => {
      const rows = syntheticOpportunities({ count: 300, seed: 7 });
      expect(await t.store.insertOpportunities(rows)).toEqual({ inserted: 0, duplicates: 300 });
      const more = syntheticOpportunities({ count: 320, seed: 7 });
      expect(await t.store.insertOpportunities(more)).toEqual({ inserted: 20, duplicates: 300 });
      const [{ n }] = await t.store.db.query<{ n: string }>('SELECT count(*) AS n FROM arbitrage_opportunities');
      expect(n).toBe('320');
    });

    it('stores text that needs CSV quoting and keeps empty string apart from NULL', async () => {
      const [base] = syntheticOpportunities({ count: 1, seed: 3, idPrefix: 'quote' });
      const tricky = {
        ...base!,
        decidedBy: 'ml "v2", with\ncomma,\r\nand quotes',
        txHash: '',
        route: { note: 'a,"b"\nc' },
      };
      await t.store.insertOpportunities([tricky]);
      const [back] = await t.store.readOpportunities({
        from: tricky.timestamp,
        to: new Date(tricky.timestamp.getTime() + 1),
      });
      expect(back!.decidedBy).toBe(tricky.decidedBy);
      expect(back!.txHash).toBe('');
      expect(back!.route).toEqual({ note: 'a,"b"\nc' });
      expect(back!.flashLoanProvider).toBe(base!.flashLoanProvider);
    });

    it('rejects a batch with a bad value whole, naming row and column, and stays usable', async () => {
      const count = async (prefix: string) =>
        (
          await t.store.db.query<{ n: string }>(`SELECT count(*) AS n FROM arbitrage_opportunities WHERE id LIKE $1`, [
            prefix + ':%',
          ])
        )[0]!.n;
      const rows = syntheticOpportunities({ count: 5, seed: 9, idPrefix: 'bad' });
      rows[3] = { ...rows[3]!, decision: 'maybe' as never };
      await expect(t.store.insertOpportunities(rows)).rejects.toThrow(
        /row 3: column decision: "maybe" is not one of execute, wait, skip/,
      );
      expect(await count('bad')).toBe('0');
      // A bad value far into the stream: chunks are already sent when it is found, so the COPY is aborted.
      const many = syntheticOpportunities({ count: 8000, seed: 9, idPrefix: 'late' });
      many[7000] = { ...many[7000]!, edgeBps: Number.NaN };
      await expect(t.store.insertOpportunities(many)).rejects.toThrow(/row 7000: column edge_bps: expected a finite/);
      expect(await count('late')).toBe('0');
      many[7000] = { ...many[7000]!, edgeBps: 1 };
      expect(await t.store.insertOpportunities(many)).toEqual({ inserted: 8000, duplicates: 0 });
    });
  });
}
