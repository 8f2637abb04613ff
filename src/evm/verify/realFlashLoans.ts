/**
 * Flash loans through the real lenders: the real Aave V3 Pool (flashLoanSimple), the real Balancer V2 Vault and a
 * real Uniswap V2 pair's flash swap, each funding two FlashArb routes: over two real V2 pairs (WETH bought on the
 * 'uniswap-v2' pair, sold dear on 'sushi-v2' after USDC is added to it) and from the real 0.05% V3 pool to sushi. For each lender, src/dex sizes the trade
 * (evaluateRoute, the lender's fee as read from chain), FlashArb executes it, and the check passes when the owner
 * received exactly the predicted profit (route output - input - fee), the contract returned the same figure,
 * the lender got back exactly loan + fee, and FlashArb keeps nothing.
 */
import { parseAbi, type Address } from 'viem';
import {
  aaveV3Provider,
  balancerV2Provider,
  uniswapV2FlashProvider,
  type FlashProvider,
  type FlashProviderKind,
} from '../../dex/flash/flashProvider.ts';
import { zeroForOneSelling } from '../../dex/pool.ts';
import { evaluateRoute } from '../../dex/routes/evaluateRoute.ts';
import { createRoute, type Route } from '../../dex/routes/route.ts';
import type { Token } from '../../dex/types.ts';
import { InvariantError } from '../../core/errors.ts';
import type { Artifacts } from '../compile.ts';
import { writeAndMine } from '../deploy.ts';
import { encodeRoute } from '../encodeRoute.ts';
import { executeFlashArb, simulateFlashArb } from '../executeFlashArb.ts';
import type { LocalChain } from '../localChain.ts';
import { readProtocol } from '../protocols/deployArtifact.ts';
import { poolKey, type ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import { mintTo } from '../protocols/deployUniswap.ts';
import { readRealPoolV2, readRealPoolV3 } from '../protocols/readRealPools.ts';

const ERC20 = parseAbi(['function balanceOf(address) view returns (uint256)', 'function sync()']);

export interface FlashCheck {
  kind: FlashProviderKind;
  /** Route shape: 'V2-V2' or 'V3-V2'. */
  shape?: string;
  amountIn: bigint;
  predicted: bigint;
  paidToOwner: bigint;
  reported?: bigint;
  lenderRepaid: bigint;
  fee: bigint;
  gasUsed: bigint;
  equal: boolean;
  /** Why the check failed, when it threw. */
  error?: string;
}

export interface RealFlashOptions {
  chain: LocalChain;
  artifacts: Artifacts;
  d: ProtocolsDeployment;
}

export const balanceOf = (chain: LocalChain, token: Token | Address, who: Address): Promise<bigint> =>
  chain.publicClient.readContract({
    address: (typeof token === 'string' ? token : token.address) as Address,
    abi: ERC20,
    functionName: 'balanceOf',
    args: [who],
  });

/** Adds `extraUsdc` to the sushi WETH/USDC pair (mint + sync): WETH becomes dearer there. Returns the route. */
export async function skewedRoute({ chain, artifacts, d }: RealFlashOptions, extraUsdc: bigint): Promise<Route> {
  const { weth, usdc } = d.tokens;
  const ctx = { clients: chain, from: d.owner };
  const uniAddress = d.v2.pairs[`uniswap-v2:${poolKey(weth, usdc)}`];
  const sushiAddress = d.v2.pairs[`sushi-v2:${poolKey(weth, usdc)}`];
  await mintTo(ctx, usdc.address as Address, sushiAddress, extraUsdc);
  await writeAndMine({ clients: chain, address: sushiAddress, abi: ERC20, functionName: 'sync', from: d.owner });
  const [token0, token1] = weth.address < usdc.address ? [weth, usdc] : [usdc, weth];
  const read = (address: Address, dex: string) =>
    readRealPoolV2({ clients: chain, artifacts, multicall: d.multicall, address, token0, token1, dex });
  const uni = await read(uniAddress, 'uniswap-v2');
  const sushi = await read(sushiAddress, 'sushi-v2');
  return createRoute([
    { pool: uni, zeroForOne: zeroForOneSelling(uni, usdc) },
    { pool: sushi, zeroForOne: zeroForOneSelling(sushi, weth) },
  ]);
}

/** The three real lenders as src/dex flash providers, fees and lendable USDC read from chain. */
export async function realProviders({
  chain,
  d,
}: RealFlashOptions): Promise<
  Record<FlashProviderKind, { provider: FlashProvider; lender: Address; holder: Address }>
> {
  const usdc = d.tokens.usdc;
  const ctx = { clients: chain, from: d.owner };
  const aToken = d.aave.aTokens[usdc.address];
  const premium = await readProtocol<bigint>(ctx, 'Pool', d.aave.pool, 'FLASHLOAN_PREMIUM_TOTAL');
  const feePct = await chain.publicClient.readContract({
    address: d.balancer.protocolFeesCollector,
    abi: parseAbi(['function getFlashLoanFeePercentage() view returns (uint256)']),
    functionName: 'getFlashLoanFeePercentage',
  });
  const flashPair = d.v2.pairs[`flash-v2:${poolKey(d.tokens.weth, usdc)}`];
  const liquidity = async (holder: Address) => ({ [usdc.address]: await balanceOf(chain, usdc, holder) });
  return {
    'aave-v3': {
      provider: aaveV3Provider({ feeBps: Number(premium), liquidity: await liquidity(aToken) }),
      lender: d.aave.pool,
      holder: aToken,
    },
    'balancer-v2': {
      provider: balancerV2Provider({
        feeBps: Number(feePct / 10n ** 14n),
        liquidity: await liquidity(d.balancer.vault),
      }),
      lender: d.balancer.vault,
      holder: d.balancer.vault,
    },
    'uniswap-v2': {
      provider: uniswapV2FlashProvider(
        { feeBps: 30, liquidity: { [usdc.address]: (await balanceOf(chain, usdc, flashPair)) - 1n } },
        flashPair,
      ),
      lender: flashPair,
      holder: flashPair,
    },
  };
}

type Lender = Awaited<ReturnType<typeof realProviders>>[FlashProviderKind];

async function checkOne(
  { chain, artifacts, d }: RealFlashOptions,
  route: Route,
  kind: FlashProviderKind,
  { provider, lender, holder }: Lender,
): Promise<FlashCheck> {
  const quote = evaluateRoute({ route, providers: [provider], baseFeeWei: 0n, tokenPerNative: 3_000_000_000n });
  if (!quote) throw new InvariantError(`${kind}: the skewed route is not profitable in TypeScript`);
  const predicted = quote.grossProfit - quote.flashFee;
  const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider, lender });
  const args = { clients: chain, artifacts, flashArb: d.flashArb, encoded, minProfit: 1n };
  const simulated = await simulateFlashArb(args);
  const usdc = d.tokens.usdc;
  const [ownerBefore, holderBefore] = [await balanceOf(chain, usdc, d.owner), await balanceOf(chain, usdc, holder)];
  const run = await executeFlashArb(args);
  const paidToOwner = (await balanceOf(chain, usdc, d.owner)) - ownerBefore;
  const lenderRepaid = (await balanceOf(chain, usdc, holder)) - holderBefore;
  const kept = await balanceOf(chain, usdc, d.flashArb);
  return {
    kind,
    amountIn: quote.amountIn,
    predicted,
    paidToOwner,
    reported: run.profit,
    lenderRepaid,
    fee: quote.flashFee,
    gasUsed: run.receipt.gasUsed,
    equal:
      run.status === 'success' &&
      predicted > 0n &&
      simulated === predicted &&
      paidToOwner === predicted &&
      run.profit === predicted &&
      lenderRepaid === quote.flashFee &&
      kept === 0n,
  };
}

/** The skewed V2-V2 route's twin that buys WETH on the real 0.05% V3 pool instead (V3 callback on real bytecode). */
async function v3Route({ chain, artifacts, d }: RealFlashOptions, v2Route: Route): Promise<Route> {
  const { weth, usdc } = d.tokens;
  const [token0, token1] = weth.address < usdc.address ? [weth, usdc] : [usdc, weth];
  const { pool } = await readRealPoolV3({
    clients: chain,
    artifacts,
    multicall: d.multicall,
    address: d.v3.pools[poolKey(weth, usdc, 500)],
    token0,
    token1,
    dex: 'uniswap-v3',
    words: 3,
  });
  const sell = v2Route.hops[1];
  return createRoute([{ pool, zeroForOne: zeroForOneSelling(pool, usdc) }, sell]);
}

export async function checkRealFlashLoans(o: RealFlashOptions): Promise<FlashCheck[]> {
  const { chain } = o;
  const start = await chain.snapshot();
  const v2v2 = await skewedRoute(o, 200_000n * 10n ** 6n);
  const routes = { 'V2-V2': v2v2, 'V3-V2': await v3Route(o, v2v2) };
  const providers = await realProviders(o);
  const checks: FlashCheck[] = [];
  for (const [shape, route] of Object.entries(routes)) {
    for (const kind of ['aave-v3', 'balancer-v2', 'uniswap-v2'] as const) {
      const snap = await chain.snapshot();
      try {
        checks.push({ ...(await checkOne(o, route, kind, providers[kind])), shape });
      } catch (error) {
        // A revert or a failed quote is a failed check, reported rather than thrown.
        const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
        checks.push({
          kind,
          shape,
          amountIn: 0n,
          predicted: 0n,
          paidToOwner: 0n,
          lenderRepaid: 0n,
          fee: 0n,
          gasUsed: 0n,
          equal: false,
          error: reason,
        });
      }
      await chain.revert(snap);
    }
  }
  await chain.revert(start);
  return checks;
}
