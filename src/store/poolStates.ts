/**
 * `pool_states`: per pool and time, ticks or reserves, active liquidity and flows. Every on-chain amount is a bigint
 * written digit for digit into NUMERIC(78,0). Idempotent on (chain, pool, time).
 */
import { bulkInsert, type BulkInsertResult } from './bulkInsert.ts';
import type { Db } from './db.ts';

export interface PoolStateRow {
  chain: string;
  /** Lower-case pool address. */
  pool: string;
  timeMs: number;
  dex?: string | null;
  blockNumber?: bigint | null;
  openTick?: number | null;
  closeTick?: number | null;
  lowestTick?: number | null;
  highestTick?: number | null;
  sqrtPriceX96?: bigint | null;
  reserve0?: bigint | null;
  reserve1?: bigint | null;
  liquidity?: bigint | null;
  netAmount0?: bigint | null;
  netAmount1?: bigint | null;
  inAmount0?: bigint | null;
  inAmount1?: bigint | null;
  source?: string | null;
}

const columns = [
  'chain',
  'pool',
  'time',
  'dex',
  'block_number',
  'open_tick',
  'close_tick',
  'lowest_tick',
  'highest_tick',
  'sqrt_price_x96',
  'reserve0',
  'reserve1',
  'liquidity',
  'net_amount0',
  'net_amount1',
  'in_amount0',
  'in_amount1',
  'source',
] as const;

export async function insertPoolStates(db: Db, rows: readonly PoolStateRow[]): Promise<BulkInsertResult> {
  return bulkInsert(db, {
    table: 'pool_states',
    columns,
    rows: rows.map((r) => [
      r.chain,
      r.pool,
      new Date(r.timeMs),
      r.dex,
      r.blockNumber,
      r.openTick,
      r.closeTick,
      r.lowestTick,
      r.highestTick,
      r.sqrtPriceX96,
      r.reserve0,
      r.reserve1,
      r.liquidity,
      r.netAmount0,
      r.netAmount1,
      r.inAmount0,
      r.inAmount1,
      r.source,
    ]),
  });
}
