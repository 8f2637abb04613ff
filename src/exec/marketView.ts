/**
 * The part of the market model the runner needs (src/market's Market implements it): blocks in time order,
 * the pools a transaction with a given tip meets in a chain's current block, and a way to make our own trade
 * part of the world.
 */
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';

export interface MarketView {
  readonly info: { startMs: number; endMs: number; chains: readonly Chain[]; totalBlocks: number };
  step(): BlockSnapshot | null;
  current(chain: Chain): BlockSnapshot | undefined;
  poolsAtInclusion(o: { chain: Chain; tipWei: bigint }): Pool[];
  include(o: { chain: Chain; tipWei: bigint; pools: readonly Pool[] }): void;
}
