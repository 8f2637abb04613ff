/**
 * Reads real Uniswap pools into src/dex values through the repository's Multicall contract (contracts/Multicall.sol):
 * a V2 pair's getReserves; a V3 pool's slot0, liquidity, fee and tickSpacing, the tick bitmap words around the
 * price, then ticks(tick) of every initialised tick found (what Uniswap's TickLens does): three eth_calls pinned
 * to one block. `words` bitmap words are read on each side of the current one; each word spans 256 tick
 * spacings, so a swap that stays inside [coveredTicks] is quoted exactly; `cover` widens the read until the
 * largest trades the sizer may propose stay inside.
 */
import { decodeFunctionResult, encodeFunctionData, parseAbi, type Address, type Hex } from 'viem';
import { InvariantError } from '../../core/errors.ts';
import type { Chain, Token } from '../../dex/types.ts';
import { createPoolV2, type PoolV2 } from '../../dex/v2/poolV2.ts';
import { createPoolV3, type PoolV3, type TickV3 } from '../../dex/v3/poolV3.ts';
import { swapV3 } from '../../dex/v3/swapV3.ts';
import { artifactOf, type Artifacts } from '../compile.ts';
import type { ChainClients } from '../deploy.ts';

const POOL_ABI = parseAbi([
  'function getReserves() view returns (uint112, uint112, uint32)',
  'function slot0() view returns (uint160 sqrtPriceX96, int24 tick, uint16, uint16, uint16, uint8, bool)',
  'function liquidity() view returns (uint128)',
  'function fee() view returns (uint24)',
  'function tickSpacing() view returns (int24)',
  'function tickBitmap(int16 wordPosition) view returns (uint256)',
  'function ticks(int24 tick) view returns (uint128 liquidityGross, int128 liquidityNet, uint256, uint256, int56, uint160, uint32, bool initialized)',
]);

type PoolFn = 'getReserves' | 'slot0' | 'liquidity' | 'fee' | 'tickSpacing' | 'tickBitmap' | 'ticks';

interface Call {
  target: Address;
  fn: PoolFn;
  args?: readonly unknown[];
}

export interface ReadRealPoolOptions {
  clients: ChainClients;
  artifacts: Artifacts;
  multicall: Address;
  address: Address;
  token0: Token;
  token1: Token;
  chain?: Chain;
  dex: string;
}

async function multicall(o: ReadRealPoolOptions, calls: readonly Call[], blockNumber?: bigint): Promise<unknown[]> {
  const { abi } = artifactOf(o.artifacts, 'Multicall');
  const encoded = calls.map((c) => ({
    target: c.target,
    callData: encodeFunctionData({ abi: POOL_ABI, functionName: c.fn, args: (c.args ?? []) as never }),
  }));
  const [, results] = (await o.clients.publicClient.readContract({
    address: o.multicall,
    abi,
    functionName: 'aggregate',
    args: [encoded],
    blockNumber,
  })) as [bigint, { success: boolean; returnData: Hex }[]];
  return results.map((r, i) => {
    if (!r.success) throw new InvariantError(`${calls[i].fn} on ${calls[i].target} failed`);
    return decodeFunctionResult({ abi: POOL_ABI, functionName: calls[i].fn, data: r.returnData });
  });
}

export async function readRealPoolV2(o: ReadRealPoolOptions, feeBps = 30): Promise<PoolV2> {
  const [[reserve0, reserve1]] = (await multicall(o, [{ target: o.address, fn: 'getReserves' }])) as [
    readonly [bigint, bigint, number],
  ];
  return createPoolV2({
    chain: o.chain ?? 'ethereum',
    dex: o.dex,
    address: o.address.toLowerCase(),
    token0: o.token0,
    token1: o.token1,
    reserve0,
    reserve1,
    feeBps,
  });
}

export interface RealPoolV3 {
  pool: PoolV3;
  /** Ticks whose initialised state was read: a swap that stays inside is quoted exactly. */
  coveredTicks: [number, number];
}

export interface ReadRealPoolV3Options extends ReadRealPoolOptions {
  /** Bitmap words read on each side of the current one. Default 2. */
  words?: number;
  /**
   * The largest trades to quote exactly (input amounts, per direction): words are doubled (up to 64) until src/dex's
   * swap of each ends inside the covered ticks, so the sizer's largest proposal is never quoted on missing ticks.
   */
  cover?: { amount0In?: bigint; amount1In?: bigint };
}

/** True when each trade to cover ends inside the ticks read. */
function covers({ pool, coveredTicks }: RealPoolV3, cover: NonNullable<ReadRealPoolV3Options['cover']>): boolean {
  for (const [zeroForOne, amount] of [
    [true, cover.amount0In],
    [false, cover.amount1In],
  ] as const) {
    if (!amount || amount <= 0n) continue;
    const { pool: after } = swapV3({ pool, zeroForOne, amountSpecified: amount });
    if (after.tick < coveredTicks[0] || after.tick > coveredTicks[1]) return false;
  }
  return true;
}

export async function readRealPoolV3(o: ReadRealPoolV3Options): Promise<RealPoolV3> {
  const blockNumber = await o.clients.publicClient.getBlockNumber();
  for (let words = o.words ?? 2; ; words *= 2) {
    const read = await readOnceV3(o, words, blockNumber);
    if (!o.cover || words >= 64 || covers(read, o.cover)) return read;
  }
}

async function readOnceV3(o: ReadRealPoolOptions, words: number, blockNumber: bigint): Promise<RealPoolV3> {
  const read = (calls: readonly Call[]) => multicall(o, calls, blockNumber);
  const at = (fn: PoolFn, args?: readonly unknown[]): Call => ({ target: o.address, fn, args });
  const [s0, liquidity, fee, spacingRead] = (await read([
    at('slot0'),
    at('liquidity'),
    at('fee'),
    at('tickSpacing'),
  ])) as [readonly [bigint, number], bigint, number, number];
  const spacing = Number(spacingRead);
  const current = Math.floor(Math.floor(Number(s0[1]) / spacing) / 256);
  const positions = Array.from({ length: 2 * words + 1 }, (_, i) => current - words + i).filter(
    (w) => w >= -32768 && w <= 32767,
  );
  const bitmaps = (await read(positions.map((w) => at('tickBitmap', [w])))) as bigint[];
  const initialised: number[] = [];
  positions.forEach((w, i) => {
    for (let b = 0; b < 256; b++) if ((bitmaps[i] >> BigInt(b)) & 1n) initialised.push((w * 256 + b) * spacing);
  });
  const tickData = initialised.length
    ? ((await read(initialised.map((t) => at('ticks', [t])))) as (readonly [bigint, bigint])[])
    : [];
  const ticks: TickV3[] = initialised.map((index, i) => ({ index, liquidityNet: tickData[i][1] }));
  const pool = createPoolV3({
    chain: o.chain ?? 'ethereum',
    dex: o.dex,
    address: o.address.toLowerCase(),
    token0: o.token0,
    token1: o.token1,
    feePips: Number(fee),
    tickSpacing: spacing,
    sqrtPriceX96: s0[0],
    tick: Number(s0[1]),
    liquidity,
    ticks,
  });
  return { pool, coveredTicks: [positions[0] * 256 * spacing, (positions.at(-1)! * 256 + 255) * spacing] };
}
