/**
 * Typed deploy-and-load helpers for the test contracts (tokens, V2 factory and pairs, V3 pools, the Aave-style
 * lender, the Balancer-style vault) and FlashArb. Used by the EVM tests and by anything that needs a local market
 * on chain (the fork-mode runner's loopback rig). Pool states are loaded from src/dex values so the TS engine and
 * the chain start from the same numbers.
 */
import type { Address } from 'viem';
import { InvalidInputError } from '../core/errors.ts';
import { artifactOf, type Artifacts } from './compile.ts';
import { deployContract, writeAndMine, type ChainClients } from './deploy.ts';

export interface FixtureContext {
  clients: ChainClients;
  artifacts: Artifacts;
  /** Sender of deployments and setup transactions (default: the wallet's first account). */
  from?: Address;
}

async function send(
  ctx: FixtureContext,
  contractName: string,
  address: Address,
  functionName: string,
  args: readonly unknown[],
): Promise<void> {
  const { abi } = artifactOf(ctx.artifacts, contractName);
  await writeAndMine({ clients: ctx.clients, address, abi, functionName, args, from: ctx.from });
}

export function deployToken(ctx: FixtureContext, symbol: string, decimals: number): Promise<Address> {
  return deployContract({ ...ctx, contractName: 'TestERC20', args: [symbol, symbol, decimals] });
}

export function mintToken(ctx: FixtureContext, token: Address, to: Address, amount: bigint): Promise<void> {
  return send(ctx, 'TestERC20', token, 'mint', [to, amount]);
}

export async function balanceOf(ctx: FixtureContext, token: Address, owner: Address): Promise<bigint> {
  const { abi } = artifactOf(ctx.artifacts, 'TestERC20');
  return (await ctx.clients.publicClient.readContract({
    address: token,
    abi,
    functionName: 'balanceOf',
    args: [owner],
  })) as bigint;
}

/** Token addresses ordered as a pair/pool orders them (token0 < token1). */
export function sortTokens(a: Address, b: Address): [Address, Address] {
  if (a.toLowerCase() === b.toLowerCase()) throw new InvalidInputError(`identical tokens ${a}`);
  return a.toLowerCase() < b.toLowerCase() ? [a, b] : [b, a];
}

/** Creates a pair through the factory and returns its address. */
export async function createPairV2(
  ctx: FixtureContext,
  factory: Address,
  tokenA: Address,
  tokenB: Address,
  feeBps: number,
): Promise<Address> {
  await send(ctx, 'TestV2Factory', factory, 'createPair', [tokenA, tokenB, feeBps]);
  const { abi } = artifactOf(ctx.artifacts, 'TestV2Factory');
  const pair = await ctx.clients.publicClient.readContract({
    address: factory,
    abi,
    functionName: 'getPair',
    args: [tokenA, tokenB, feeBps],
  });
  return pair as Address;
}

/** Mints the reserves into a pair and syncs. The pair must hold nothing yet (or the reserves add to it). */
export async function loadReservesV2(
  ctx: FixtureContext,
  pair: Address,
  token0: Address,
  token1: Address,
  reserve0: bigint,
  reserve1: bigint,
): Promise<void> {
  if (reserve0 > 0n) await mintToken(ctx, token0, pair, reserve0);
  if (reserve1 > 0n) await mintToken(ctx, token1, pair, reserve1);
  await send(ctx, 'TestV2Pair', pair, 'sync', []);
}

export async function readReservesV2(ctx: FixtureContext, pair: Address): Promise<[bigint, bigint]> {
  const { abi } = artifactOf(ctx.artifacts, 'TestV2Pair');
  const [r0, r1] = (await ctx.clients.publicClient.readContract({
    address: pair,
    abi,
    functionName: 'getReserves',
  })) as readonly [bigint, bigint, number];
  return [r0, r1];
}

export function deployPoolV3(
  ctx: FixtureContext,
  token0: Address,
  token1: Address,
  feePips: number,
  tickSpacing: number,
): Promise<Address> {
  return deployContract({ ...ctx, contractName: 'TestV3Pool', args: [token0, token1, feePips, tickSpacing] });
}

export interface PoolStateV3 {
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  ticks: readonly { index: number; liquidityNet: bigint }[];
}

/** Test-only setState on a TestV3Pool (the pool must also hold enough tokens to pay swaps out). */
export function loadStateV3(ctx: FixtureContext, pool: Address, state: PoolStateV3): Promise<void> {
  const ticks = state.ticks.map((t) => ({ index: t.index, liquidityNet: t.liquidityNet }));
  return send(ctx, 'TestV3Pool', pool, 'setState', [state.sqrtPriceX96, state.tick, state.liquidity, ticks]);
}

export async function readStateV3(ctx: FixtureContext, pool: Address): Promise<Omit<PoolStateV3, 'ticks'>> {
  const { abi } = artifactOf(ctx.artifacts, 'TestV3Pool');
  const read = (functionName: string) => ctx.clients.publicClient.readContract({ address: pool, abi, functionName });
  const [sqrtPriceX96, tick, liquidity] = await Promise.all([read('sqrtPriceX96'), read('tick'), read('liquidity')]);
  return { sqrtPriceX96: sqrtPriceX96 as bigint, tick: Number(tick), liquidity: liquidity as bigint };
}

export function deployAaveLender(ctx: FixtureContext, premiumBps = 5): Promise<Address> {
  return deployContract({ ...ctx, contractName: 'TestAaveLender', args: [premiumBps] });
}

export function deployBalancerVault(ctx: FixtureContext, feeBps = 0): Promise<Address> {
  return deployContract({ ...ctx, contractName: 'TestBalancerVault', args: [feeBps] });
}

/** FlashArb owned by `ctx.from` (the deployer). */
export function deployFlashArb(ctx: FixtureContext): Promise<Address> {
  return deployContract({ ...ctx, contractName: 'FlashArb' });
}
