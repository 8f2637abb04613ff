/**
 * A real Aave V3 market (npm @aave/core-v3 bytecode) on a local chain, set up as the protocol's own deploy scripts
 * do: PoolAddressesProvider -> ACL admin and ACLManager -> the logic libraries -> Pool implementation (linked) ->
 * proxy through setPoolImpl -> PoolConfigurator -> AaveOracle on mock Chainlink aggregators -> AToken / debt token
 * implementations and an interest rate strategy -> initReserves, flash loans enabled, the flash-loan premium set
 * (5 bps, the mainnet value) -> liquidity supplied. `ctx.from` is ACL admin and pool admin.
 */
import type { Address } from 'viem';
import { writeAndMine } from '../deploy.ts';
import { callProtocol, deployArtifact, readProtocol, type ProtocolContext } from './deployArtifact.ts';
import { MINT_ABI, mintTo } from './deployUniswap.ts';

export interface AaveReserveInput {
  asset: Address;
  symbol: string;
  decimals: number;
  /** USD price with 8 decimals (Chainlink style), for the oracle. */
  priceUsd8: bigint;
  /** Base units supplied as lendable liquidity. */
  supply: bigint;
}

export interface AaveV3Market {
  addressesProvider: Address;
  aclManager: Address;
  /** The Pool proxy (what users call). */
  pool: Address;
  configurator: Address;
  oracle: Address;
  /** asset (lower case) -> its aToken proxy, which holds the lendable underlying. */
  aTokens: Record<string, Address>;
  premiumBps: number;
}

export interface DeployAaveV3Options {
  ctx: ProtocolContext;
  reserves: readonly AaveReserveInput[];
  /** FLASHLOAN_PREMIUM_TOTAL in bps. Default 5 (mainnet). */
  premiumBps?: number;
}

const RAY = 10n ** 27n;
const pct = (x: number) => (BigInt(Math.round(x * 1e4)) * RAY) / 10_000n;

async function deployLibraries(ctx: ProtocolContext): Promise<Record<string, Address>> {
  const libs: Record<string, Address> = {};
  for (const name of [
    'BorrowLogic',
    'BridgeLogic',
    'EModeLogic',
    'LiquidationLogic',
    'PoolLogic',
    'SupplyLogic',
    'ConfiguratorLogic',
  ] as const) {
    libs[name] = await deployArtifact({ ctx, name });
  }
  libs.FlashLoanLogic = await deployArtifact({ ctx, name: 'FlashLoanLogic', libraries: libs });
  return libs;
}

export async function deployAaveV3({ ctx, reserves, premiumBps = 5 }: DeployAaveV3Options): Promise<AaveV3Market> {
  const addressesProvider = await deployArtifact({
    ctx,
    name: 'PoolAddressesProvider',
    args: ['arbml-local', ctx.from],
  });
  await callProtocol(ctx, 'PoolAddressesProvider', addressesProvider, 'setACLAdmin', [ctx.from]);
  const aclManager = await deployArtifact({ ctx, name: 'ACLManager', args: [addressesProvider] });
  await callProtocol(ctx, 'PoolAddressesProvider', addressesProvider, 'setACLManager', [aclManager]);
  await callProtocol(ctx, 'ACLManager', aclManager, 'addPoolAdmin', [ctx.from]);
  const libs = await deployLibraries(ctx);
  const poolImpl = await deployArtifact({ ctx, name: 'Pool', args: [addressesProvider], libraries: libs });
  await callProtocol(ctx, 'PoolAddressesProvider', addressesProvider, 'setPoolImpl', [poolImpl]);
  const pool = await readProtocol<Address>(ctx, 'PoolAddressesProvider', addressesProvider, 'getPool');
  const configuratorImpl = await deployArtifact({ ctx, name: 'PoolConfigurator', libraries: libs });
  await callProtocol(ctx, 'PoolAddressesProvider', addressesProvider, 'setPoolConfiguratorImpl', [configuratorImpl]);
  const configurator = await readProtocol<Address>(
    ctx,
    'PoolAddressesProvider',
    addressesProvider,
    'getPoolConfigurator',
  );

  const sources: Address[] = [];
  for (const r of reserves) sources.push(await deployArtifact({ ctx, name: 'MockAggregator', args: [r.priceUsd8] }));
  const zero = '0x0000000000000000000000000000000000000000';
  const oracle = await deployArtifact({
    ctx,
    name: 'AaveOracle',
    args: [addressesProvider, reserves.map((r) => r.asset), sources, zero, zero, 10n ** 8n],
  });
  await callProtocol(ctx, 'PoolAddressesProvider', addressesProvider, 'setPriceOracle', [oracle]);

  const aTokenImpl = await deployArtifact({ ctx, name: 'AToken', args: [pool] });
  const stableImpl = await deployArtifact({ ctx, name: 'StableDebtToken', args: [pool] });
  const variableImpl = await deployArtifact({ ctx, name: 'VariableDebtToken', args: [pool] });
  const strategy = await deployArtifact({
    ctx,
    name: 'DefaultReserveInterestRateStrategy',
    args: [addressesProvider, pct(0.8), 0n, pct(0.04), pct(0.75), pct(0.02), pct(0.75), pct(0.02), pct(0.05), pct(0.2)],
  });
  await callProtocol(ctx, 'PoolConfigurator', configurator, 'initReserves', [
    reserves.map((r) => ({
      aTokenImpl,
      stableDebtTokenImpl: stableImpl,
      variableDebtTokenImpl: variableImpl,
      underlyingAssetDecimals: r.decimals,
      interestRateStrategyAddress: strategy,
      underlyingAsset: r.asset,
      treasury: ctx.from,
      incentivesController: zero,
      aTokenName: `Aave ${r.symbol}`,
      aTokenSymbol: `a${r.symbol}`,
      variableDebtTokenName: `Variable debt ${r.symbol}`,
      variableDebtTokenSymbol: `variableDebt${r.symbol}`,
      stableDebtTokenName: `Stable debt ${r.symbol}`,
      stableDebtTokenSymbol: `stableDebt${r.symbol}`,
      params: '0x',
    })),
  ]);
  await callProtocol(ctx, 'PoolConfigurator', configurator, 'updateFlashloanPremiumTotal', [BigInt(premiumBps)]);

  const aTokens: Record<string, Address> = {};
  const approveAbi = [
    ...MINT_ABI,
    {
      type: 'function',
      name: 'approve',
      stateMutability: 'nonpayable',
      inputs: [
        { name: 's', type: 'address' },
        { name: 'a', type: 'uint256' },
      ],
      outputs: [],
    },
  ] as const;
  for (const r of reserves) {
    await callProtocol(ctx, 'PoolConfigurator', configurator, 'setReserveFlashLoaning', [r.asset, true]);
    await mintTo(ctx, r.asset, ctx.from, r.supply);
    // approve declared without a return value: works for bool-returning and USDT-style tokens alike.
    await writeAndMine({
      clients: ctx.clients,
      address: r.asset,
      abi: approveAbi,
      functionName: 'approve',
      args: [pool, r.supply],
      from: ctx.from,
    });
    await callProtocol(ctx, 'Pool', pool, 'supply', [r.asset, r.supply, ctx.from, 0]);
    const data = await readProtocol<{ aTokenAddress: Address }>(ctx, 'Pool', pool, 'getReserveData', [r.asset]);
    aTokens[r.asset.toLowerCase()] = data.aTokenAddress;
  }

  return { addressesProvider, aclManager, pool, configurator, oracle, aTokens, premiumBps };
}
