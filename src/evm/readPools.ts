/**
 * Reads pool states from the chain into src/dex values (PoolV2 / PoolV3), so the TS engine quotes exactly what
 * the contracts hold. Works with the test contracts (TestV2Pair, TestV3Pool); the V3 tick list is read from the
 * pool's sorted initialised-tick array.
 */
import type { Address } from 'viem';
import type { Chain, Token } from '../dex/types.ts';
import { createPoolV2, type PoolV2 } from '../dex/v2/poolV2.ts';
import { createPoolV3, type PoolV3, type TickV3 } from '../dex/v3/poolV3.ts';
import { artifactOf } from './compile.ts';
import { readReservesV2, readStateV3, type FixtureContext } from './fixtures.ts';

export interface ReadPoolOptions {
  ctx: FixtureContext;
  address: Address;
  token0: Token;
  token1: Token;
  chain?: Chain;
  dex: string;
}

export async function readPoolV2({
  ctx,
  address,
  token0,
  token1,
  chain = 'ethereum',
  dex,
}: ReadPoolOptions): Promise<PoolV2> {
  const { abi } = artifactOf(ctx.artifacts, 'TestV2Pair');
  const [[reserve0, reserve1], feeBps] = await Promise.all([
    readReservesV2(ctx, address),
    ctx.clients.publicClient.readContract({ address, abi, functionName: 'feeBps' }),
  ]);
  return createPoolV2({ chain, dex, address, token0, token1, reserve0, reserve1, feeBps: Number(feeBps) });
}

export async function readPoolV3({
  ctx,
  address,
  token0,
  token1,
  chain = 'ethereum',
  dex,
}: ReadPoolOptions): Promise<PoolV3> {
  const { abi } = artifactOf(ctx.artifacts, 'TestV3Pool');
  const read = (functionName: string, args: readonly unknown[] = []) =>
    ctx.clients.publicClient.readContract({ address, abi, functionName, args: args as unknown[] });
  const [state, fee, spacing, count] = await Promise.all([
    readStateV3(ctx, address),
    read('fee'),
    read('tickSpacing'),
    read('tickCount'),
  ]);
  const ticks: TickV3[] = [];
  for (let i = 0n; i < (count as bigint); i++) {
    const [index, liquidityNet] = (await read('tickAt', [i])) as readonly [number, bigint];
    ticks.push({ index: Number(index), liquidityNet });
  }
  return createPoolV3({
    chain,
    dex,
    address,
    token0,
    token1,
    feePips: Number(fee),
    tickSpacing: Number(spacing),
    ...state,
    ticks,
  });
}
