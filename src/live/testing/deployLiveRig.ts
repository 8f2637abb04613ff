/**
 * The loopback rig's market on a local chain: USDC (deployed first so it sorts before WETH: token0 USDC in every
 * pool, as the detector expects), WETH, two WETH/USDC V2 pairs (30 and 25 bps), a WETH/USDC V3 pool (5 bps,
 * spacing 10), an Aave-style lender (5 bps) and a Balancer-style vault (0 fee) funded with both tokens, FlashArb
 * owned by the runner's account and a Multicall. All pools start at one price. Returns the market description
 * the runner reads (`LiveMarketSpec`).
 */
import type { Address } from 'viem';
import { compileContracts, type Artifacts } from '../../evm/compile.ts';
import { deployContract } from '../../evm/deploy.ts';
import {
  createPairV2,
  deployAaveLender,
  deployBalancerVault,
  deployFlashArb,
  deployPoolV3,
  deployToken,
  mintToken,
  type FixtureContext,
} from '../../evm/fixtures.ts';
import type { LocalChain } from '../../evm/localChain.ts';
import { loadPriceV2, loadPriceV3 } from '../../evm/localMarket.ts';
import { InvariantError } from '../../core/errors.ts';
import type { Token } from '../../dex/types.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';

export interface LiveRig {
  spec: LiveMarketSpec;
  ctx: FixtureContext;
  artifacts: Artifacts;
  usdc: Token;
  weth: Token;
}

export interface DeployLiveRigOptions {
  chain: LocalChain;
  /** Start price, USDC per WETH, a decimal string (e.g. the served kline close). */
  price: string;
  /** WETH in each V2 pair (default 1,000). */
  pairWethWhole?: bigint;
  lenderLiquidityWhole?: { usdc: bigint; weth: bigint };
}

export async function deployLiveRig(o: DeployLiveRigOptions): Promise<LiveRig> {
  const artifacts = compileContracts();
  const ctx: FixtureContext = { clients: o.chain, artifacts, from: o.chain.accounts[0] };
  const usdcAddress = await deployToken(ctx, 'USDC', 6);
  const wethAddress = await deployToken(ctx, 'WETH', 18);
  if (usdcAddress.toLowerCase() >= wethAddress.toLowerCase())
    throw new InvariantError('rig: USDC must sort before WETH');
  const usdc: Token = { address: usdcAddress, symbol: 'USDC', decimals: 6 };
  const weth: Token = { address: wethAddress, symbol: 'WETH', decimals: 18 };
  const factory = await deployContract({ ...ctx, contractName: 'TestV2Factory' });
  const pairA = await createPairV2(ctx, factory, wethAddress, usdcAddress, 30);
  const pairB = await createPairV2(ctx, factory, wethAddress, usdcAddress, 25);
  const v3 = await deployPoolV3(ctx, usdcAddress, wethAddress, 500, 10);
  const aave = await deployAaveLender(ctx, 5);
  const balancer = await deployBalancerVault(ctx, 0);
  const lend = o.lenderLiquidityWhole ?? { usdc: 50_000_000n, weth: 20_000n };
  for (const lender of [aave, balancer]) {
    await mintToken(ctx, usdcAddress, lender, lend.usdc * 10n ** 6n);
    await mintToken(ctx, wethAddress, lender, lend.weth * 10n ** 18n);
  }
  const flashArb = await deployFlashArb(ctx);
  const multicall = await deployContract({ ...ctx, contractName: 'Multicall' });
  const pairWeth = o.pairWethWhole ?? 1_000n;
  for (const pair of [pairA, pairB]) await loadPriceV2(ctx, pair, weth, usdc, pairWeth, o.price);
  await loadPriceV3(ctx, {
    pool: v3,
    base: weth,
    quote: usdc,
    price: o.price,
    tickSpacing: 10,
    fullRangeLiquidity: 10n ** 15n,
    concentratedLiquidity: 5n * 10n ** 15n,
    halfWidth: 200,
  });
  const spec: LiveMarketSpec = {
    chain: 'ethereum',
    chainId: o.chain.chain.id,
    usdc: { address: usdcAddress, symbol: 'USDC', decimals: 6 },
    weth: { address: wethAddress, symbol: 'WETH', decimals: 18 },
    pools: [
      { kind: 'v2', address: pairA, dex: 'testswap-v2-30', feeBps: 30 },
      { kind: 'v2', address: pairB, dex: 'testswap-v2-25', feeBps: 25 },
      { kind: 'v3', address: v3, dex: 'testswap-v3-5', feePips: 500, tickSpacing: 10 },
    ],
    flashArb,
    multicall: multicall as Address,
    lenders: { aave, balancer },
    lenderLiquidityWhole: { usdc: Number(lend.usdc), weth: Number(lend.weth) },
    aavePremiumBps: 5,
  };
  return { spec, ctx, artifacts, usdc, weth };
}
