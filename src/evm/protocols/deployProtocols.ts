/**
 * A local chain with the real protocols (npm bytecode) and a market on them: tokens (WETH, USDC, DAI, a
 * USDT-style token whose transfer/approve return nothing, and a 1% fee-on-transfer token), Uniswap V2 on two
 * factories ('uniswap-v2' and 'sushi-v2', same bytecode, so two pairs of one token pair exist) plus a third
 * factory whose pair only lends (flash swaps), Uniswap V3 pools at the 0.01/0.05/0.3/1% tiers, an Aave V3 market
 * and a Balancer V2 Vault funded for flash loans, and FlashArb owned by `ctx.from`. Prices: WETH 3000 USD.
 */
import type { Address } from 'viem';
import type { Token } from '../../dex/types.ts';
import { type Artifacts } from '../compile.ts';
import { deployContract } from '../deploy.ts';
import { deployAaveV3, type AaveV3Market } from './deployAaveV3.ts';
import type { ProtocolContext } from './deployArtifact.ts';
import { deployBalancerV2, type BalancerV2Vault } from './deployBalancerV2.ts';
import { addLiquidityV2, createPairV2, deployV2Factory, deployV3Factory } from './deployUniswap.ts';
import { seedPoolV3 } from './seedPoolV3.ts';

export interface ProtocolTokens {
  weth: Token;
  usdc: Token;
  dai: Token;
  /** USDT-style: no return values, approve must go through 0. */
  usdt: Token;
  /** 1% burnt on every transfer. */
  fot: Token;
}

export interface ProtocolsDeployment {
  owner: Address;
  tokens: ProtocolTokens;
  v2: { uniswapFactory: Address; sushiFactory: Address; flashFactory: Address; pairs: Record<string, Address> };
  v3: { factory: Address; liquidityHelper: Address; pools: Record<string, Address> };
  aave: AaveV3Market;
  balancer: BalancerV2Vault;
  flashArb: Address;
  /** contracts/Multicall.sol, for readRealPools. */
  multicall: Address;
}

export interface DeployProtocolsOptions {
  ctx: ProtocolContext;
  artifacts: Artifacts;
  /** Progress lines (one per stage). */
  onStage?: (stage: string) => void;
}

const USD = (token: Token, usd: bigint) => usd * 10n ** BigInt(token.decimals);

async function deployTokens(ctx: ProtocolContext, artifacts: Artifacts): Promise<ProtocolTokens> {
  const make = async (
    contractName: string,
    symbol: string,
    decimals: number,
    extra: readonly unknown[] = [],
  ): Promise<Token> => {
    const address = await deployContract({
      clients: ctx.clients,
      artifacts,
      contractName,
      args: [symbol, symbol, decimals, ...extra],
      from: ctx.from,
    });
    return { address: address.toLowerCase(), symbol, decimals };
  };
  return {
    weth: await make('TestERC20', 'WETH', 18),
    usdc: await make('TestERC20', 'USDC', 6),
    dai: await make('TestERC20', 'DAI', 18),
    usdt: await make('NoReturnERC20', 'USDT', 6),
    fot: await make('FeeOnTransferERC20', 'FOT', 18, [100]),
  };
}

/** Key of a pair or pool in the deployment's maps: 'WETH/USDC' (V2) or 'WETH/USDC/500' (V3). */
export const poolKey = (a: Token, b: Token, feePips?: number) =>
  `${a.symbol}/${b.symbol}${feePips === undefined ? '' : `/${feePips}`}`;

export async function deployProtocols({
  ctx,
  artifacts,
  onStage = () => {},
}: DeployProtocolsOptions): Promise<ProtocolsDeployment> {
  const t = await deployTokens(ctx, artifacts);
  const a = (x: Token) => x.address as Address;
  onStage('tokens: WETH, USDC, DAI, USDT (no return values), FOT (1% fee on transfer)');

  const uniswapFactory = await deployV2Factory(ctx);
  const sushiFactory = await deployV2Factory(ctx);
  const flashFactory = await deployV2Factory(ctx);
  const pairs: Record<string, Address> = {};
  const v2 = async (factory: Address, name: string, x: Token, y: Token, usdEach: bigint, px: bigint, py: bigint) => {
    const pair = await createPairV2(ctx, factory, a(x), a(y));
    const [ax, ay] = [USD(x, usdEach) / px, USD(y, usdEach) / py];
    await addLiquidityV2(ctx, pair, ...(x.address < y.address ? ([ax, ay] as const) : ([ay, ax] as const)));
    pairs[`${name}:${poolKey(x, y)}`] = pair;
  };
  const M = 1_000_000n;
  await v2(uniswapFactory, 'uniswap-v2', t.weth, t.usdc, 30n * M, 3000n, 1n);
  await v2(uniswapFactory, 'uniswap-v2', t.weth, t.dai, 30n * M, 3000n, 1n);
  await v2(uniswapFactory, 'uniswap-v2', t.usdc, t.usdt, 10n * M, 1n, 1n);
  await v2(uniswapFactory, 'uniswap-v2', t.weth, t.fot, 3n * M, 3000n, 1n);
  await v2(uniswapFactory, 'uniswap-v2', t.usdt, t.fot, 3n * M, 1n, 1n);
  await v2(sushiFactory, 'sushi-v2', t.weth, t.usdc, 10n * M, 3000n, 1n);
  await v2(sushiFactory, 'sushi-v2', t.weth, t.usdt, 10n * M, 3000n, 1n);
  await v2(flashFactory, 'flash-v2', t.weth, t.usdc, 50n * M, 3000n, 1n);
  await v2(flashFactory, 'flash-v2', t.usdc, t.usdt, 50n * M, 1n, 1n);
  onStage(`uniswap v2: 3 factories, ${Object.keys(pairs).length} pairs with liquidity`);

  const factory = await deployV3Factory(ctx);
  const liquidityHelper = await deployContract({
    clients: ctx.clients,
    artifacts,
    contractName: 'V3LiquidityHelper',
    from: ctx.from,
  });
  const pools: Record<string, Address> = {};
  const seed = { ctx, artifacts, factory, helper: liquidityHelper };
  for (const fee of [500, 3000, 10000])
    pools[poolKey(t.weth, t.usdc, fee)] = await seedPoolV3({
      ...seed,
      base: t.weth,
      quote: t.usdc,
      price: 3000n,
      feePips: fee,
      usdDepth: 20n * M,
    });
  pools[poolKey(t.usdc, t.dai, 100)] = await seedPoolV3({
    ...seed,
    base: t.usdc,
    quote: t.dai,
    price: 1n,
    feePips: 100,
    usdDepth: 20n * M,
  });
  pools[poolKey(t.usdc, t.usdt, 100)] = await seedPoolV3({
    ...seed,
    base: t.usdc,
    quote: t.usdt,
    price: 1n,
    feePips: 100,
    usdDepth: 20n * M,
  });
  onStage(
    `uniswap v3: factory, ${Object.keys(pools).length} pools (0.01/0.05/0.3/1%) with full-range and concentrated liquidity`,
  );

  const reserves = [
    { token: t.weth, price: 3000n },
    { token: t.usdc, price: 1n },
    { token: t.dai, price: 1n },
    { token: t.usdt, price: 1n },
  ].map(({ token, price }) => ({
    asset: a(token),
    symbol: token.symbol,
    decimals: token.decimals,
    priceUsd8: price * 10n ** 8n,
    supply: USD(token, 100n * M) / price,
  }));
  const aave = await deployAaveV3({ ctx, reserves });
  onStage(
    `aave v3: Pool ${aave.pool} with ${reserves.length} reserves, flash loans on, premium ${aave.premiumBps} bps`,
  );
  const balancer = await deployBalancerV2({
    ctx,
    weth: a(t.weth),
    deposits: reserves.map((r) => ({ token: r.asset, amount: r.supply })),
  });
  onStage(`balancer v2: Vault ${balancer.vault} funded with ${reserves.length} tokens`);

  const flashArb = await deployContract({ clients: ctx.clients, artifacts, contractName: 'FlashArb', from: ctx.from });
  const multicall = await deployContract({
    clients: ctx.clients,
    artifacts,
    contractName: 'Multicall',
    from: ctx.from,
  });
  return {
    owner: ctx.from,
    tokens: t,
    v2: { uniswapFactory, sushiFactory, flashFactory, pairs },
    v3: { factory, liquidityHelper, pools },
    aave,
    balancer,
    flashArb,
    multicall,
  };
}
