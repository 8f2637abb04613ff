/**
 * `gas_prices`: one row per chain and time (a 5-minute bin from the real file, or a block in live mode), gwei as
 * NUMERIC. Idempotent on (chain, time).
 */
import { bulkInsert, type BulkInsertResult } from './bulkInsert.ts';
import type { Db } from './db.ts';

export interface GasPriceRow {
  chain: string;
  timeMs: number;
  blockNumber?: bigint | null;
  baseFeeGwei?: number | null;
  priorityFeeGwei?: number | null;
  minGasPriceGwei?: number | null;
  avgGasPriceGwei?: number | null;
  maxGasPriceGwei?: number | null;
  gasUsed?: number | null;
  gasLimit?: number | null;
  /** gas_used / gas_limit, 0..1. */
  utilisation?: number | null;
  ethPrice?: number | null;
  source?: string | null;
}

const columns = [
  'chain',
  'time',
  'block_number',
  'base_fee_gwei',
  'priority_fee_gwei',
  'min_gas_price_gwei',
  'avg_gas_price_gwei',
  'max_gas_price_gwei',
  'gas_used',
  'gas_limit',
  'utilisation',
  'eth_price',
  'source',
] as const;

export async function insertGasPrices(db: Db, rows: readonly GasPriceRow[]): Promise<BulkInsertResult> {
  return bulkInsert(db, {
    table: 'gas_prices',
    columns,
    rows: rows.map((r) => [
      r.chain,
      new Date(r.timeMs),
      r.blockNumber,
      r.baseFeeGwei,
      r.priorityFeeGwei,
      r.minGasPriceGwei,
      r.avgGasPriceGwei,
      r.maxGasPriceGwei,
      r.gasUsed,
      r.gasLimit,
      r.utilisation,
      r.ethPrice,
      r.source,
    ]),
  });
}
