/**
 * Every watched pool's state at one block in one eth_call through Multicall.aggregate: V2 reserves; V3 price,
 * tick, in-range liquidity, the initialised-tick count and the tick list (the tick-list interface of our test
 * pools; a mainnet V3 pool would need a tick lens here). The tick count is taken from the previous block; when it
 * changed, a second call reads the new list. Returns src/dex pools (exact bigint state) and `pool_states` rows.
 */
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Address, type Hex } from 'viem';
import { InvariantError } from '../../core/errors.ts';
import type { Pool } from '../../dex/pool.ts';
import type { Chain, Token } from '../../dex/types.ts';
import { createPoolV2 } from '../../dex/v2/poolV2.ts';
import { createPoolV3, type TickV3 } from '../../dex/v3/poolV3.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { rpcCall, type LivePublicClient } from './chainClient.ts';

export const multicallAbi = parseAbi([
  'struct Call { address target; bytes callData; }',
  'struct Result { bool success; bytes returnData; }',
  'function aggregate(Call[] calls) view returns (uint256 blockNumber, Result[] results)',
]);
export const poolAbi = parseAbi([
  'function getReserves() view returns (uint112, uint112, uint32)',
  'function sqrtPriceX96() view returns (uint160)',
  'function tick() view returns (int24)',
  'function liquidity() view returns (uint128)',
  'function tickCount() view returns (uint256)',
  'function tickAt(uint256 i) view returns (int24 index, int128 liquidityNet)',
]);

type PoolFn = 'getReserves' | 'sqrtPriceX96' | 'tick' | 'liquidity' | 'tickCount' | 'tickAt';
interface PlannedCall {
  pool: number;
  fn: PoolFn;
  args?: readonly [bigint];
}

export interface PoolsAtBlock {
  blockNumber: bigint;
  pools: Pool[];
  rows: PoolStateRow[];
}

/** Reads pools each block; remembers V3 tick counts between blocks. */
export class PoolReader {
  private readonly tickCounts = new Map<number, number>();
  private readonly token: (a: string) => Token;

  constructor(
    private readonly client: LivePublicClient,
    private readonly spec: LiveMarketSpec,
  ) {
    const tokens = [spec.usdc, spec.weth];
    this.token = (a) => tokens.find((t) => t.address.toLowerCase() === a.toLowerCase()) ?? tokens[0]!;
  }

  private plan(): PlannedCall[] {
    const calls: PlannedCall[] = [];
    this.spec.pools.forEach((p, i) => {
      if (p.kind === 'v2') return void calls.push({ pool: i, fn: 'getReserves' });
      for (const fn of ['sqrtPriceX96', 'tick', 'liquidity', 'tickCount'] as const) calls.push({ pool: i, fn });
      const n = this.tickCounts.get(i) ?? 0;
      for (let k = 0n; k < BigInt(n); k++) calls.push({ pool: i, fn: 'tickAt', args: [k] });
    });
    return calls;
  }

  private async aggregate(calls: PlannedCall[], blockNumber: bigint): Promise<unknown[]> {
    const encoded = calls.map((c) => ({
      target: this.spec.pools[c.pool]!.address as Address,
      callData: encodeFunctionData({ abi: poolAbi, functionName: c.fn, args: c.args } as never) as Hex,
    }));
    const [, results] = await rpcCall('multicall', () =>
      this.client.readContract({
        address: this.spec.multicall as Address,
        abi: multicallAbi,
        functionName: 'aggregate',
        args: [encoded],
        blockNumber,
      }),
    );
    return results.map((r, i) => {
      const c = calls[i]!;
      if (!r.success)
        throw new InvariantError(`pool ${this.spec.pools[c.pool]!.address}: ${c.fn} failed at block ${blockNumber}`);
      return decodeFunctionResult({ abi: poolAbi, functionName: c.fn, data: r.returnData } as never);
    });
  }

  async read(chain: Chain, blockNumber: bigint, timeMs: number): Promise<PoolsAtBlock> {
    let calls = this.plan();
    let values = await this.aggregate(calls, blockNumber);
    const stale = calls.some(
      (c, i) => c.fn === 'tickCount' && Number(values[i]) !== (this.tickCounts.get(c.pool) ?? 0),
    );
    if (stale) {
      calls.forEach((c, i) => c.fn === 'tickCount' && this.tickCounts.set(c.pool, Number(values[i])));
      calls = this.plan();
      values = await this.aggregate(calls, blockNumber);
    }
    const pools: Pool[] = [];
    const rows: PoolStateRow[] = [];
    this.spec.pools.forEach((p, i) => {
      const mine = (fn: PoolFn) => values.filter((_, k) => calls[k]!.pool === i && calls[k]!.fn === fn);
      const [token0, token1] = [this.spec.usdc, this.spec.weth].map((t) => this.token(t.address));
      const base = { chain, dex: p.dex, address: p.address.toLowerCase(), token0: token0!, token1: token1! };
      const row: PoolStateRow = {
        chain,
        pool: p.address.toLowerCase(),
        timeMs,
        dex: p.dex,
        blockNumber,
        source: 'rpc:multicall',
      };
      if (p.kind === 'v2') {
        const [r0, r1] = mine('getReserves')[0] as readonly [bigint, bigint, number];
        pools.push(createPoolV2({ ...base, reserve0: r0, reserve1: r1, feeBps: p.feeBps }));
        rows.push({ ...row, reserve0: r0, reserve1: r1 });
        return;
      }
      const ticks: TickV3[] = (mine('tickAt') as (readonly [number, bigint])[]).map(([index, liquidityNet]) => ({
        index: Number(index),
        liquidityNet,
      }));
      const sqrtPriceX96 = mine('sqrtPriceX96')[0] as bigint;
      const tick = Number(mine('tick')[0]);
      const liquidity = mine('liquidity')[0] as bigint;
      pools.push(
        createPoolV3({ ...base, feePips: p.feePips, tickSpacing: p.tickSpacing, sqrtPriceX96, tick, liquidity, ticks }),
      );
      rows.push({
        ...row,
        sqrtPriceX96,
        liquidity,
        openTick: tick,
        closeTick: tick,
        lowestTick: tick,
        highestTick: tick,
      });
    });
    return { blockNumber, pools, rows };
  }
}
