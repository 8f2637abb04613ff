/**
 * Gas of FlashArb trades per route shape on the real protocols (deployProtocols): WETH made cheap on the
 * 'uniswap-v2' WETH/USDC pair (WETH added, synced), then USDC routes that buy WETH there and sell it on another
 * real pool are sized by src/dex and executed through each real lender. The owner already holds some of every token
 * (as a running bot does), so no first-time balance write inflates the figure. Returns gasUsed per (shape, lender).
 */
import type { Address } from 'viem';
import type { FlashProviderKind } from '../../dex/flash/flashProvider.ts';
import { zeroForOneSelling, type Pool } from '../../dex/pool.ts';
import { evaluateRoute } from '../../dex/routes/evaluateRoute.ts';
import { createRoute } from '../../dex/routes/route.ts';
import type { Token } from '../../dex/types.ts';
import { InvariantError } from '../../core/errors.ts';
import type { Artifacts } from '../compile.ts';
import { writeAndMine } from '../deploy.ts';
import { encodeRoute } from '../encodeRoute.ts';
import { executeFlashArb } from '../executeFlashArb.ts';
import type { LocalChain } from '../localChain.ts';
import { poolKey, type ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import { mintTo } from '../protocols/deployUniswap.ts';
import { readRealPoolV2, readRealPoolV3 } from '../protocols/readRealPools.ts';
import { realProviders } from '../verify/realFlashLoans.ts';

export interface RouteGas {
  shape: string;
  lender: FlashProviderKind;
  gasUsed: bigint;
  hops: ('v2' | 'v3')[];
}

export interface MeasureRouteGasOptions {
  chain: LocalChain;
  artifacts: Artifacts;
  d: ProtocolsDeployment;
}

export async function measureRouteGas({ chain, artifacts, d }: MeasureRouteGasOptions): Promise<RouteGas[]> {
  const { weth, usdc, dai, usdt } = d.tokens;
  const ctx = { clients: chain, from: d.owner };
  const start = await chain.snapshot();
  for (const t of Object.values(d.tokens)) await mintTo(ctx, t.address as Address, d.owner, 10n ** BigInt(t.decimals));
  const cheap = d.v2.pairs[`uniswap-v2:${poolKey(weth, usdc)}`];
  await mintTo(ctx, weth.address as Address, cheap, 400n * 10n ** 18n);
  await writeAndMine({
    clients: chain,
    address: cheap,
    abi: [{ type: 'function', name: 'sync', inputs: [], outputs: [], stateMutability: 'nonpayable' }],
    functionName: 'sync',
    from: d.owner,
  });
  const order = (a: Token, b: Token) => (a.address < b.address ? [a, b] : [b, a]) as [Token, Token];
  const base = { clients: chain, artifacts, multicall: d.multicall };
  const v2 = (venue: string, a: Token, b: Token) => {
    const [token0, token1] = order(a, b);
    return readRealPoolV2({ ...base, address: d.v2.pairs[`${venue}:${poolKey(a, b)}`], token0, token1, dex: venue });
  };
  const v3 = async (a: Token, b: Token, fee: number) => {
    const [token0, token1] = order(a, b);
    return (
      await readRealPoolV3({ ...base, address: d.v3.pools[poolKey(a, b, fee)], token0, token1, dex: 'uniswap-v3' })
    ).pool;
  };
  const path = (pools: Pool[], tokens: Token[]) =>
    createRoute(pools.map((pool, i) => ({ pool, zeroForOne: zeroForOneSelling(pool, tokens[i]) })));
  const uni = await v2('uniswap-v2', weth, usdc);
  const routes = {
    'V2-V2': path([uni, await v2('sushi-v2', weth, usdc)], [usdc, weth]),
    'V2-V3': path([uni, await v3(weth, usdc, 500)], [usdc, weth]),
    'V2-V2-V3': path([uni, await v2('uniswap-v2', weth, dai), await v3(usdc, dai, 100)], [usdc, weth, dai]),
    'V2-V2-V3 (USDT)': path([uni, await v2('sushi-v2', weth, usdt), await v3(usdc, usdt, 100)], [usdc, weth, usdt]),
  };
  const providers = await realProviders({ chain, artifacts, d });
  const out: RouteGas[] = [];
  for (const [shape, route] of Object.entries(routes)) {
    for (const lender of ['aave-v3', 'balancer-v2', 'uniswap-v2'] as const) {
      const snap = await chain.snapshot();
      const p = providers[lender];
      const quote = evaluateRoute({ route, providers: [p.provider], baseFeeWei: 0n, tokenPerNative: 3_000_000_000n });
      if (!quote || quote.grossProfit <= quote.flashFee)
        throw new InvariantError(`${shape} via ${lender}: not profitable, cannot measure`);
      const encoded = encodeRoute({ route, amountIn: quote.amountIn / 4n, provider: p.provider, lender: p.lender });
      const run = await executeFlashArb({ clients: chain, artifacts, flashArb: d.flashArb, encoded, minProfit: 1n });
      if (run.status !== 'success') throw new InvariantError(`${shape} via ${lender} reverted`);
      out.push({ shape, lender, gasUsed: run.receipt.gasUsed, hops: route.hops.map((h) => h.pool.kind) });
      await chain.revert(snap);
    }
  }
  await chain.revert(start);
  return out;
}
