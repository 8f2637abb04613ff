/**
 * Real Uniswap V2 and V3 (npm bytecode) on a local chain: factories, pairs and pools made through them (so their
 * addresses are the CREATE2 addresses mainnet would give), and liquidity. Test tokens are minted straight into a
 * pair or, for V3, paid by V3LiquidityHelper's mint callback.
 */
import { parseAbi, type Address } from 'viem';
import { writeAndMine } from '../deploy.ts';
import { callProtocol, deployArtifact, readProtocol, type ProtocolContext } from './deployArtifact.ts';

export const MINT_ABI = parseAbi(['function mint(address to, uint256 amount)']);

/** Mints a test token (any of this repository's test tokens: open mint). */
export async function mintTo(ctx: ProtocolContext, token: Address, to: Address, amount: bigint): Promise<void> {
  await writeAndMine({
    clients: ctx.clients,
    address: token,
    abi: MINT_ABI,
    functionName: 'mint',
    args: [to, amount],
    from: ctx.from,
  });
}

/** A UniswapV2Factory with `ctx.from` as feeToSetter (protocol fee off). */
export function deployV2Factory(ctx: ProtocolContext): Promise<Address> {
  return deployArtifact({ ctx, name: 'UniswapV2Factory', args: [ctx.from] });
}

export async function createPairV2(
  ctx: ProtocolContext,
  factory: Address,
  tokenA: Address,
  tokenB: Address,
): Promise<Address> {
  await callProtocol(ctx, 'UniswapV2Factory', factory, 'createPair', [tokenA, tokenB]);
  return readProtocol<Address>(ctx, 'UniswapV2Factory', factory, 'getPair', [tokenA, tokenB]);
}

/** Mints both amounts into the pair and calls pair.mint (LP tokens to ctx.from). Amounts in pair token order. */
export async function addLiquidityV2(
  ctx: ProtocolContext,
  pair: Address,
  amount0: bigint,
  amount1: bigint,
): Promise<void> {
  const token0 = await readProtocol<Address>(ctx, 'UniswapV2Pair', pair, 'token0');
  const token1 = await readProtocol<Address>(ctx, 'UniswapV2Pair', pair, 'token1');
  await mintTo(ctx, token0, pair, amount0);
  await mintTo(ctx, token1, pair, amount1);
  await callProtocol(ctx, 'UniswapV2Pair', pair, 'mint', [ctx.from]);
}

/** A UniswapV3Factory (fee tiers 0.05/0.3/1% built in) with the 0.01% tier (spacing 1) enabled as on mainnet. */
export async function deployV3Factory(ctx: ProtocolContext): Promise<Address> {
  const factory = await deployArtifact({ ctx, name: 'UniswapV3Factory' });
  await callProtocol(ctx, 'UniswapV3Factory', factory, 'enableFeeAmount', [100, 1]);
  return factory;
}

/** Creates and initialises a pool at sqrtPriceX96; returns its address. */
export async function createPoolV3(
  ctx: ProtocolContext,
  factory: Address,
  tokenA: Address,
  tokenB: Address,
  feePips: number,
  sqrtPriceX96: bigint,
): Promise<Address> {
  await callProtocol(ctx, 'UniswapV3Factory', factory, 'createPool', [tokenA, tokenB, feePips]);
  const pool = await readProtocol<Address>(ctx, 'UniswapV3Factory', factory, 'getPool', [tokenA, tokenB, feePips]);
  await callProtocol(ctx, 'UniswapV3Pool', pool, 'initialize', [sqrtPriceX96]);
  return pool;
}

export interface MintPositionV3Options {
  ctx: ProtocolContext;
  /** A deployed V3LiquidityHelper (contracts/test). */
  helper: Address;
  helperAbi: readonly unknown[];
  pool: Address;
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
}

export async function mintPositionV3(o: MintPositionV3Options): Promise<void> {
  await writeAndMine({
    clients: o.ctx.clients,
    address: o.helper,
    abi: o.helperAbi as never,
    functionName: 'mint',
    args: [o.pool, o.tickLower, o.tickUpper, o.liquidity],
    from: o.ctx.from,
  });
}
