/**
 * Where the profit comes from: each decider's realised profit of executed trades by chain x trade-size band x
 * whether a competitor was present (competitor pressure at detection > 0: a competitor hit one of the route's
 * pools in the recent blocks). Bands are of the trade's input in USD.
 */
import type { OpportunityRow } from '../domain/opportunityRow.ts';

export const SIZE_BANDS = [
  { name: '<10k', maxUsd: 10_000 },
  { name: '10k-100k', maxUsd: 100_000 },
  { name: '>=100k', maxUsd: Infinity },
] as const;

export interface BreakdownCell {
  decider: string;
  chain: string;
  size: string;
  competitor: boolean;
  trades: number;
  profit_eth: number;
}

export function sizeBand(usd: number): string {
  return SIZE_BANDS.find((b) => usd < b.maxUsd)!.name;
}

export function profitBreakdown(rowsOf: Record<string, readonly OpportunityRow[]>): BreakdownCell[] {
  const cells = new Map<string, BreakdownCell>();
  for (const [decider, rows] of Object.entries(rowsOf)) {
    for (const r of rows) {
      if (!r.executed) continue;
      const size = sizeBand(Number(r.tradeSizeQuote ?? 0));
      const competitor = (r.competitorPressure ?? 0) > 0;
      const key = `${decider}|${r.chain}|${size}|${competitor}`;
      const c = cells.get(key) ?? { decider, chain: r.chain, size, competitor, trades: 0, profit_eth: 0 };
      c.trades++;
      c.profit_eth += Number(r.profitEth ?? 0);
      cells.set(key, c);
    }
  }
  return [...cells.values()].map((c) => ({ ...c, profit_eth: Number(c.profit_eth.toFixed(9)) }));
}
