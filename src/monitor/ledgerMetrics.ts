/**
 * Store-derived series for the dashboard server's /metrics: what the ledger holds, read at scrape time, so they
 * grow while a simulation writes. Gauges, because they are read back from the database rather than counted here.
 */
import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../store/db.ts';

export function registerLedgerMetrics(registry: Registry, db: Db): void {
  new Gauge({
    name: 'arbml_ledger_opportunities',
    help: 'Opportunities in the ledger by chain and outcome',
    labelNames: ['chain', 'outcome'],
    registers: [registry],
    async collect() {
      const counts = await db.query<{ chain: string; outcome: string; n: string | number }>(
        `SELECT chain, COALESCE(outcome, 'undecided') AS outcome, count(*) AS n
         FROM arbitrage_opportunities GROUP BY 1, 2`,
      );
      this.reset();
      for (const c of counts) this.set({ chain: c.chain, outcome: c.outcome }, Number(c.n));
    },
  });
  new Gauge({
    name: 'arbml_ledger_profit_eth',
    help: 'Realised net profit of executed ledger rows by chain (ETH)',
    labelNames: ['chain'],
    registers: [registry],
    async collect() {
      const sums = await db.query<{ chain: string; profit: string | null }>(
        `SELECT chain, sum(profit_eth)::text AS profit FROM arbitrage_opportunities WHERE executed GROUP BY 1`,
      );
      this.reset();
      for (const s of sums) this.set({ chain: s.chain }, Number(s.profit ?? 0));
    },
  });
}
