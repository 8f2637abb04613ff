/**
 * The opportunity ledger (`arbitrage_opportunities`): one row per detected opportunity, taken or not. Writes are
 * batched through COPY and idempotent on (id, timestamp), so a journal replay never doubles a row.
 */
import { bulkInsert, type BulkInsertResult } from './bulkInsert.ts';
import type { Db } from './db.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';

/** Column name for each OpportunityRow field, in table order. */
export const opportunityColumns = {
  id: 'id',
  timestamp: 'timestamp',
  symbol: 'symbol',
  chain: 'chain',
  cexPrice: 'cex_price',
  dexPrice: 'dex_price',
  edgeBps: 'edge_bps',
  poolLiquidityQuote: 'pool_liquidity_quote',
  gasPriceGwei: 'gas_price_gwei',
  estimatedSlippageBps: 'estimated_slippage_bps',
  actualSlippageBps: 'actual_slippage_bps',
  executed: 'executed',
  profitable: 'profitable',
  profitEth: 'profit_eth',
  tradeSizeQuote: 'trade_size_quote',
  hopCount: 'hop_count',
  priceVolatility1h: 'price_volatility_1h',
  route: 'route',
  flashLoanProvider: 'flash_loan_provider',
  flashFeeBps: 'flash_fee_bps',
  gasUsed: 'gas_used',
  gasCostQuote: 'gas_cost_quote',
  predictedSlippageBps: 'predicted_slippage_bps',
  predictedGasGwei: 'predicted_gas_gwei',
  decision: 'decision',
  decidedBy: 'decided_by',
  outcome: 'outcome',
  counterfactualProfitEth: 'counterfactual_profit_eth',
  blockNumber: 'block_number',
  txHash: 'tx_hash',
  latencyMs: 'latency_ms',
  amountInRaw: 'amount_in_raw',
  quotedOutputRaw: 'quoted_output_raw',
  executedOutputRaw: 'executed_output_raw',
  recentPoolVolatilityBps: 'recent_pool_volatility_bps',
  competitorPressure: 'competitor_pressure',
} as const satisfies Record<keyof OpportunityRow, string>;

const fields = Object.keys(opportunityColumns) as (keyof OpportunityRow)[];
/** Table columns in the order opportunityValues returns them. */
export const opportunityColumnNames: readonly string[] = fields.map((f) => opportunityColumns[f]);
const columns = opportunityColumnNames;

/** A row's values in opportunityColumnNames order. */
export function opportunityValues(row: OpportunityRow): unknown[] {
  return fields.map((f) => row[f]);
}

export interface InsertOpportunitiesOptions {
  /** Rows per COPY transaction (default 250,000: fewer, larger COPYs keep the server busy; measured by bench ingest); each batch commits whole or not at all. */
  batchRows?: number;
}

export async function insertOpportunities(
  db: Db,
  rows: readonly OpportunityRow[],
  { batchRows = 250_000 }: InsertOpportunitiesOptions = {},
): Promise<BulkInsertResult> {
  const total: BulkInsertResult = { inserted: 0, duplicates: 0 };
  for (let start = 0; start < rows.length; start += batchRows) {
    const batch = rows.slice(start, start + batchRows).map(opportunityValues);
    const result = await bulkInsert(db, { table: 'arbitrage_opportunities', columns, rows: batch });
    total.inserted += result.inserted;
    total.duplicates += result.duplicates;
  }
  return total;
}
