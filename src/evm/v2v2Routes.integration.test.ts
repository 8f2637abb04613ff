/**
 * Random V2-V2 routes (borrow A, A->B on one pair, B->A on another): the engine's closed-form size beats the best
 * of a 200-point grid, and FlashArb executing that size on the local EVM pays the owner exactly the predicted
 * profit (output - input - flash fee), to the wei, whichever flash provider lends.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Address, Hex } from 'viem';
import { InvariantError } from '../core/errors.ts';
import { createRng, type Rng } from '../core/random.ts';
import {
  aaveV3Provider,
  balancerV2Provider,
  flashFee,
  uniswapV2FlashProvider,
  type FlashProvider,
} from '../dex/flash/flashProvider.ts';
import { zeroForOneSelling, type Pool } from '../dex/pool.ts';
import { flashRateOf } from '../dex/routes/flashRate.ts';
import { optimalInput } from '../dex/routes/optimalInput.ts';
import { optimalInputV2V2 } from '../dex/routes/optimalInputV2V2.ts';
import { routeOutput } from '../dex/routes/quoteRoute.ts';
import { createRoute, type Route } from '../dex/routes/route.ts';
import type { Token } from '../dex/types.ts';
import { compileContracts } from './compile.ts';
import { encodeRoute } from './encodeRoute.ts';
import { executeFlashArb } from './executeFlashArb.ts';
import { balanceOf, createPairV2, loadReservesV2, type FixtureContext } from './fixtures.ts';
import { startLocalChain, type LocalChain } from './localChain.ts';
import { deployLocalMarket, loadPriceV2, pairTokens, type LocalMarket } from './localMarket.ts';
import { logUniformBigint, pick } from './propertyCases.ts';
import { readPoolV2 } from './readPools.ts';

const ROUTES = 300;
const ROUTE_FEES = [0, 5, 10, 25, 30, 50, 100];
const NEG_INF = -(1n << 255n);

function reserveIn(route: Route): bigint {
  const { pool, zeroForOne } = route.hops[0];
  if (pool.kind !== 'v2') throw new InvariantError('V2 routes only');
  return zeroForOne ? pool.reserve0 : pool.reserve1;
}

describe('V2-V2 routes: closed-form size vs grid, and exact profit on the EVM', () => {
  let chain: LocalChain;
  let ctx: FixtureContext;
  let m: LocalMarket;
  let snapshot: Hex;
  const pairs = new Map<number, Address>();

  beforeAll(async () => {
    chain = await startLocalChain();
    ctx = { clients: chain, artifacts: compileContracts() };
    m = await deployLocalMarket(ctx);
    pairs.set(30, m.pairA).set(25, m.pairB);
    for (const fee of ROUTE_FEES)
      if (!pairs.has(fee))
        pairs.set(fee, await createPairV2(ctx, m.factory, m.weth.address as Address, m.usdc.address as Address, fee));
    await loadPriceV2(ctx, m.flashPair, m.weth, m.usdc, 10_000_000n, '3000');
  });
  beforeEach(async () => {
    snapshot = await chain.snapshot();
  });
  afterEach(async () => {
    await chain.revert(snapshot);
  });

  /** Loads a pair with a random depth (about 1 to 1M WETH) at 3000 USDC/WETH +- 3%. */
  async function randomPair(rng: Rng, fee: number): Promise<Pool> {
    const [t0, t1] = pairTokens(m.weth, m.usdc);
    const weth = logUniformBigint(rng, 60, 80);
    const priceMicros = BigInt(Math.round(3000e6 * (1 + (rng.next() * 2 - 1) * 0.03)));
    const usdc = (weth * priceMicros) / 10n ** 18n;
    const [r0, r1] = t0 === m.weth ? [weth, usdc] : [usdc, weth];
    await loadReservesV2(ctx, pairs.get(fee)!, t0.address as Address, t1.address as Address, r0, r1);
    return readPoolV2({ ctx, address: pairs.get(fee)!, token0: t0, token1: t1, dex: `fee-${fee}` });
  }

  function providerFor(rng: Rng): { provider: FlashProvider; lender: Address } {
    const liquidity = { [m.usdc.address]: 10n ** 20n, [m.weth.address]: 10n ** 32n };
    const kind = rng.int(3);
    if (kind === 0) return { provider: aaveV3Provider({ liquidity }), lender: m.aave };
    if (kind === 1) return { provider: balancerV2Provider({ liquidity }), lender: m.balancer };
    const flashLiquidity = { [m.usdc.address]: 3n * 10n ** 16n - 1n, [m.weth.address]: 10n ** 25n - 1n };
    return {
      provider: uniswapV2FlashProvider({ feeBps: 20, liquidity: flashLiquidity }, m.flashPair),
      lender: m.flashPair,
    };
  }

  /** borrow -> other token on p1, back on p2. */
  const routeOf = (p1: Pool, p2: Pool, borrow: Token): Route => {
    const zeroForOne = zeroForOneSelling(p1, borrow);
    return createRoute([
      { pool: p1, zeroForOne },
      { pool: p2, zeroForOne: zeroForOneSelling(p2, zeroForOne ? p1.token1 : p1.token0) },
    ]);
  };

  it(`${ROUTES} random routes: size >= 200-point grid, and the owner receives exactly the predicted profit`, async () => {
    const rng = createRng(777);
    let executed = 0;
    for (let i = 0; i < ROUTES; i++) {
      const f1 = pick(rng, ROUTE_FEES);
      const f2 = pick(
        rng,
        ROUTE_FEES.filter((f) => f !== f1),
      );
      const [p1, p2] = [await randomPair(rng, f1), await randomPair(rng, f2)];
      const borrow = rng.next() < 0.5 ? m.usdc : m.weth;
      const { provider, lender } = providerFor(rng);
      const fee = (x: bigint) => flashFee(provider, x);
      for (const route of [routeOf(p1, p2, borrow), routeOf(p2, p1, borrow)]) {
        const label = `route ${i} ${route.id} borrow ${borrow.symbol} via ${provider.kind}`;
        const profit = (x: bigint): bigint => {
          const out = x > 0n ? routeOutput(route, x) : undefined;
          return out === undefined ? NEG_INF : out - x - fee(x);
        };
        const sized = optimalInput({ route, flashFeeOf: fee, flashRate: flashRateOf(provider) });
        const x0 = optimalInputV2V2({ route, flashRate: flashRateOf(provider) });
        // The grid spans twice the closed-form size, and at least a tenth of the first pool's input reserve.
        const upper = 2n * x0 > reserveIn(route) / 10n ? 2n * x0 : reserveIn(route) / 10n;
        let gridBest = NEG_INF;
        for (let k = 1n; k <= 200n; k++) {
          const p = profit((upper * k) / 200n);
          if (p > gridBest) gridBest = p;
        }
        if (!sized) {
          expect(gridBest, label).toBeLessThanOrEqual(0n);
          continue;
        }
        expect(sized.profit, label).toBe(profit(sized.amountIn));
        expect(sized.profit, label).toBeGreaterThanOrEqual(gridBest);
        expect(profit(x0), label).toBeGreaterThanOrEqual(gridBest);
        if (sized.profit <= 0n) continue;
        const encoded = encodeRoute({ route, amountIn: sized.amountIn, provider, lender });
        const before = await balanceOf(ctx, borrow.address as Address, m.owner);
        const run = await executeFlashArb({
          clients: chain,
          artifacts: ctx.artifacts,
          flashArb: m.flashArb,
          encoded,
          minProfit: sized.profit,
        });
        expect(run.status, label).toBe('success');
        expect((await balanceOf(ctx, borrow.address as Address, m.owner)) - before, label).toBe(sized.profit);
        executed++;
      }
      await chain.revert(snapshot);
      snapshot = await chain.snapshot();
    }
    expect(executed).toBeGreaterThan(ROUTES * 0.6);
  });
});
