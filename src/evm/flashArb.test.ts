/**
 * FlashArb on the in-process EVM: exact profit for every flash provider and route shape, the InsufficientProfit
 * guard (nothing changes but gas), callback and owner access control, and the per-hop minimum under a sandwich.
 * Each test starts from the same deployed market (evm_snapshot / evm_revert).
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address, Hex } from 'viem';
import {
  aaveV3Provider,
  balancerV2Provider,
  uniswapV2FlashProvider,
  type FlashProvider,
  type FlashProviderKind,
} from '../dex/flash/flashProvider.ts';
import { zeroForOneSelling, type Pool } from '../dex/pool.ts';
import { evaluateRoute } from '../dex/routes/evaluateRoute.ts';
import { quoteRoute } from '../dex/routes/quoteRoute.ts';
import { createRoute, type Route } from '../dex/routes/route.ts';
import { compileContracts } from './compile.ts';
import type { ContractRevertError } from './deploy.ts';
import { encodeRoute } from './encodeRoute.ts';
import { executeFlashArb, simulateFlashArb } from './executeFlashArb.ts';
import { balanceOf, type FixtureContext } from './fixtures.ts';
import { startLocalChain, type LocalChain } from './localChain.ts';
import { deployLocalMarket, loadPriceV2, loadPriceV3, pairTokens, type LocalMarket } from './localMarket.ts';
import { readPoolV2, readPoolV3 } from './readPools.ts';
import { attackCallbacks, sandwichV2 } from './flashArbAttacks.ts';

const USDC_PER_ETH = 3_000_000_000n;

describe('FlashArb', () => {
  let chain: LocalChain;
  let ctx: FixtureContext;
  let m: LocalMarket;
  let snapshot: Hex;

  beforeAll(async () => {
    chain = await startLocalChain();
    ctx = { clients: chain, artifacts: compileContracts() };
    m = await deployLocalMarket(ctx);
  });
  beforeEach(async () => {
    snapshot = await chain.snapshot();
  });
  afterEach(async () => {
    await chain.revert(snapshot);
  });

  const pairPool = (address: Address, dex: string): Promise<Pool> => {
    const [token0, token1] = pairTokens(m.weth, m.usdc);
    return readPoolV2({ ctx, address, token0, token1, dex });
  };

  function provider(kind: FlashProviderKind): { provider: FlashProvider; lender: Address } {
    const liquidity = { [m.usdc.address]: 10n ** 14n, [m.weth.address]: 10n ** 26n };
    if (kind === 'aave-v3') return { provider: aaveV3Provider({ liquidity }), lender: m.aave };
    if (kind === 'balancer-v2') return { provider: balancerV2Provider({ liquidity }), lender: m.balancer };
    return {
      provider: uniswapV2FlashProvider({ feeBps: 20, liquidity: { [m.usdc.address]: 10n ** 12n } }, m.flashPair),
      lender: m.flashPair,
    };
  }

  /** Buy WETH where it is cheap (pair A at 3000), sell where it is dear (pair B at `priceB`). */
  async function usdcRoute(priceB: string): Promise<Route> {
    await loadPriceV2(ctx, m.pairA, m.weth, m.usdc, 1000n, '3000');
    await loadPriceV2(ctx, m.pairB, m.weth, m.usdc, 1000n, priceB);
    await loadPriceV2(ctx, m.flashPair, m.weth, m.usdc, 5000n, '3030');
    const a = await pairPool(m.pairA, 'dex-a');
    const b = await pairPool(m.pairB, 'dex-b');
    return createRoute([
      { pool: a, zeroForOne: zeroForOneSelling(a, m.usdc) },
      { pool: b, zeroForOne: zeroForOneSelling(b, m.weth) },
    ]);
  }

  const usdcOf = (who: Address) => balanceOf(ctx, m.usdc.address as Address, who);

  it.each(['aave-v3', 'balancer-v2', 'uniswap-v2'] as const)(
    'a profitable route via %s pays the owner exactly the predicted profit',
    async (kind) => {
      const route = await usdcRoute('3060');
      const { provider: p, lender } = provider(kind);
      const block = await chain.publicClient.getBlock();
      const quote = evaluateRoute({
        route,
        providers: [p],
        baseFeeWei: block.baseFeePerGas!,
        tokenPerNative: USDC_PER_ETH,
      })!;
      expect(quote.netProfit).toBeGreaterThan(0n);
      const predicted = quote.grossProfit - quote.flashFee;
      const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider: p, lender });
      const args = {
        clients: chain,
        artifacts: ctx.artifacts,
        flashArb: m.flashArb,
        encoded,
        minProfit: quote.gasCost.token,
      };
      expect(await simulateFlashArb(args)).toBe(predicted);
      const before = await usdcOf(m.owner);
      const run = await executeFlashArb(args);
      expect(run.status).toBe('success');
      expect((await usdcOf(m.owner)) - before).toBe(predicted);
      expect([run.profit, run.amountOut, run.flashFee]).toEqual([predicted, quote.amountOut, quote.flashFee]);
      // The pools end exactly where the TS engine said they would.
      const after = quoteRoute(route, quote.amountIn).pools;
      expect(await pairPool(m.pairA, 'dex-a')).toEqual(after[0]);
      expect(await pairPool(m.pairB, 'dex-b')).toEqual(after[1]);
      expect(await usdcOf(m.flashArb)).toBe(0n);
    },
  );

  it('a mixed V2->V3 route and a 3-hop triangular route pay exactly the predicted profit and leave the V3 pool as quoted', async () => {
    await loadPriceV2(ctx, m.pairA, m.weth, m.usdc, 1000n, '3000');
    await loadPriceV2(ctx, m.wethDaiPair, m.weth, m.dai, 1000n, '3060');
    await loadPriceV2(ctx, m.flashPair, m.weth, m.usdc, 5000n, '3030');
    await loadPriceV3(ctx, {
      pool: m.v3WethUsdc,
      base: m.weth,
      quote: m.usdc,
      price: '3060',
      tickSpacing: 10,
      fullRangeLiquidity: 5n * 10n ** 16n,
      concentratedLiquidity: 5n * 10n ** 17n,
      halfWidth: 50,
    });
    await loadPriceV3(ctx, {
      pool: m.v3UsdcDai,
      base: m.usdc,
      quote: m.dai,
      price: '1',
      tickSpacing: 1,
      fullRangeLiquidity: 10n ** 18n,
      concentratedLiquidity: 10n ** 20n,
      halfWidth: 100,
    });
    const a = await pairPool(m.pairA, 'dex-a');
    const [d0, d1] = pairTokens(m.weth, m.dai);
    const wethDai = await readPoolV2({ ctx, address: m.wethDaiPair, token0: d0, token1: d1, dex: 'dex-a' });
    const [u0, u1] = pairTokens(m.weth, m.usdc);
    const v3 = await readPoolV3({ ctx, address: m.v3WethUsdc, token0: u0, token1: u1, dex: 'v3' });
    const [s0, s1] = pairTokens(m.usdc, m.dai);
    const stable = await readPoolV3({ ctx, address: m.v3UsdcDai, token0: s0, token1: s1, dex: 'v3' });
    const mixed = createRoute([
      { pool: a, zeroForOne: zeroForOneSelling(a, m.usdc) },
      { pool: v3, zeroForOne: zeroForOneSelling(v3, m.weth) },
    ]);
    const triangle = createRoute([
      { pool: a, zeroForOne: zeroForOneSelling(a, m.usdc) },
      { pool: wethDai, zeroForOne: zeroForOneSelling(wethDai, m.weth) },
      { pool: stable, zeroForOne: zeroForOneSelling(stable, m.dai) },
    ]);
    for (const [route, kind] of [
      [mixed, 'aave-v3'],
      [triangle, 'uniswap-v2'],
    ] as const) {
      const snap = await chain.snapshot();
      const { provider: p, lender } = provider(kind);
      const quote = evaluateRoute({ route, providers: [p], baseFeeWei: 0n, tokenPerNative: USDC_PER_ETH })!;
      expect(quote.grossProfit - quote.flashFee, route.id).toBeGreaterThan(0n);
      const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider: p, lender });
      const before = await usdcOf(m.owner);
      const args = { clients: chain, artifacts: ctx.artifacts, flashArb: m.flashArb, encoded, minProfit: 1n };
      expect(await simulateFlashArb(args), route.id).toBe(quote.grossProfit - quote.flashFee);
      const run = await executeFlashArb(args);
      expect(run.status, route.id).toBe('success');
      expect((await usdcOf(m.owner)) - before, route.id).toBe(quote.grossProfit - quote.flashFee);
      const lastV3 = quoteRoute(route, quote.amountIn).pools.at(-1)!;
      const onChain = await readPoolV3({
        ctx,
        address: lastV3.address as Address,
        token0: lastV3.token0,
        token1: lastV3.token1,
        dex: 'v3',
      });
      expect(onChain, route.id).toEqual(lastV3);
      await chain.revert(snap);
    }
  });

  it('an unprofitable route reverts with InsufficientProfit and nothing changes but gas', async () => {
    const route = await usdcRoute('3000');
    const { provider: p, lender } = provider('aave-v3');
    const amountIn = 10_000n * 10n ** 6n;
    const { amounts } = quoteRoute(route, amountIn);
    const loss = amounts[2] - amountIn - (amountIn * 5n + 5_000n) / 10_000n;
    expect(loss).toBeLessThan(0n);
    const encoded = encodeRoute({ route, amountIn, provider: p, lender });
    const args = { clients: chain, artifacts: ctx.artifacts, flashArb: m.flashArb, encoded, minProfit: 0n };
    const error = (await simulateFlashArb(args).catch((e: unknown) => e)) as ContractRevertError;
    expect([error.errorName, error.errorArgs]).toEqual(['InsufficientProfit', [loss, 0n]]);

    const holders = [m.owner, m.flashArb, m.pairA, m.pairB, m.aave];
    const tokens = [m.usdc, m.weth].map((t) => t.address as Address);
    const balances = () => Promise.all(holders.flatMap((h) => tokens.map((t) => balanceOf(ctx, t, h))));
    const tokensBefore = await balances();
    const ethBefore = await chain.publicClient.getBalance({ address: m.owner });
    const run = await executeFlashArb({ ...args, gas: 1_500_000n });
    expect(run.status).toBe('reverted');
    expect(await balances()).toEqual(tokensBefore);
    const gasPaid = run.receipt.gasUsed * run.receipt.effectiveGasPrice;
    expect(gasPaid).toBeGreaterThan(0n);
    expect(await chain.publicClient.getBalance({ address: m.owner })).toBe(ethBefore - gasPaid);
  });

  it('a profitable route below minProfit reverts with the exact profit in InsufficientProfit', async () => {
    const route = await usdcRoute('3060');
    const { provider: p, lender } = provider('balancer-v2');
    const quote = evaluateRoute({ route, providers: [p], baseFeeWei: 0n, tokenPerNative: USDC_PER_ETH })!;
    const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider: p, lender });
    const minProfit = quote.grossProfit + 1n;
    const error = (await simulateFlashArb({
      clients: chain,
      artifacts: ctx.artifacts,
      flashArb: m.flashArb,
      encoded,
      minProfit,
    }).catch((e: unknown) => e)) as ContractRevertError;
    expect([error.errorName, error.errorArgs]).toEqual(['InsufficientProfit', [quote.grossProfit, minProfit]]);
  });

  it('rejects loan callbacks from any other address and loans it did not start', async () => {
    await usdcRoute('3060'); // loads the flash pair so a flash swap from it reaches the callback
    const outcomes = await attackCallbacks({ ctx, market: m, attacker: chain.accounts[1] });
    for (const [what, errorName] of Object.entries(outcomes)) expect(errorName, what).toBe('UnauthorizedCallback');
    expect(Object.keys(outcomes).length).toBeGreaterThanOrEqual(7);
  });

  it('a non-owner cannot start a loan', async () => {
    const route = await usdcRoute('3060');
    const { provider: p, lender } = provider('aave-v3');
    const encoded = encodeRoute({ route, amountIn: 10n ** 9n, provider: p, lender });
    const args = {
      clients: chain,
      artifacts: ctx.artifacts,
      flashArb: m.flashArb,
      encoded,
      minProfit: 0n,
      from: chain.accounts[3],
    };
    const error = (await simulateFlashArb(args).catch((e: unknown) => e)) as ContractRevertError;
    expect(error.errorName).toBe('NotOwner');
    const run = await executeFlashArb({ ...args, gas: 1_000_000n });
    expect(run.status).toBe('reverted');
  });

  it('a pool moved between quote and execution (a sandwich) trips the per-hop minimum', async () => {
    const route = await usdcRoute('3060');
    const { provider: p, lender } = provider('balancer-v2');
    const quote = evaluateRoute({ route, providers: [p], baseFeeWei: 0n, tokenPerNative: USDC_PER_ETH })!;
    const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider: p, lender });
    // Another account buys WETH on pair A first, in the same direction as our first hop.
    const movedOut = await sandwichV2({
      ctx,
      market: m,
      route,
      frontRunIn: 50_000n * 10n ** 6n,
      attacker: chain.accounts[2],
      ourIn: quote.amountIn,
    });
    expect(movedOut).toBeLessThan(encoded.hops[0].minOut);
    const args = { clients: chain, artifacts: ctx.artifacts, flashArb: m.flashArb, encoded, minProfit: 0n };
    const error = (await simulateFlashArb(args).catch((e: unknown) => e)) as ContractRevertError;
    expect([error.errorName, error.errorArgs]).toEqual(['HopOutputTooLow', [0n, movedOut, encoded.hops[0].minOut]]);
    const before = await usdcOf(m.owner);
    const run = await executeFlashArb({ ...args, gas: 1_500_000n });
    expect(run.status).toBe('reverted');
    expect(await usdcOf(m.owner)).toBe(before);
  });
});
