import { describe, expect, it } from 'vitest';
import { chainProfile } from '../dex/gas/chainProfiles.ts';
import { flashFee } from '../dex/flash/flashProvider.ts';
import type { Pool } from '../dex/pool.ts';
import { quoteRoute } from '../dex/routes/quoteRoute.ts';
import { poolPrice, swapExactIn } from '../market/pools/poolMath.ts';
import { detectOpportunities } from './detectOpportunities.ts';
import { executeRoute, gasThroughHop, hopMinimums, type ExecutionPlan } from './executeRoute.ts';
import { defaultFlashProviders } from './flashProviders.ts';
import { edgeBlock } from './testing.ts';

const profile = chainProfile('polygon');
const block = edgeBlock();
const [edge] = detectOpportunities({
  block,
  pools: block.pools,
  poolPrices: block.pools.map(poolPrice),
  providers: defaultFlashProviders('polygon'),
  busy: new Set(),
});
const best = edge!.routes[0]!;
const plan = (over: Partial<ExecutionPlan> = {}): ExecutionPlan => ({
  route: best.route,
  amountIn: best.amountIn,
  hopMinOuts: hopMinimums(best.hopOutputs, 50),
  quotedOut: best.amountOut,
  minProfit: best.gasCost.token,
  provider: best.provider,
  ...over,
});
const byAddress = (pools: readonly Pool[]): Map<string, Pool> =>
  new Map(pools.map((p) => [p.address.toLowerCase(), p]));

describe('executeRoute (FlashArb guard model)', () => {
  it('detection finds the pushed quickswap pool and routes it with an exact positive net', () => {
    expect(edge!.legIndex).toBe(1);
    expect(best.route.hops[1]!.pool.dex).toBe('quickswap');
    expect(best.netProfit).toBeGreaterThan(0n);
    expect(best.amountOut).toBe(quoteRoute(best.route, best.amountIn).amounts[2]);
  });

  it('executes on unchanged pools exactly as quoted: profit = out - in - flash fee, full route gas', () => {
    const r = executeRoute({ plan: plan(), pools: byAddress(block.pools), profile });
    expect(r.status).toBe('success');
    if (r.status !== 'success') return;
    expect(r.executedOut).toBe(best.amountOut);
    expect(r.profit).toBe(best.amountOut - best.amountIn - flashFee(best.provider, best.amountIn));
    expect(r.gasUsed).toBe(best.gasUsed);
    expect(r.poolsAfter.map((p) => p.address)).toEqual(best.route.hops.map((h) => h.pool.address));
  });

  it('reverts HopOutputTooLow at hop 0 when a trade moved the first pool more than the tolerance, burning gas to that hop', () => {
    const first = best.route.hops[0]!.pool;
    const moved = swapExactIn(first, true, 2_000_000n * 10n ** 6n)!.pool; // 2M USDC buys WETH ahead of us
    const r = executeRoute({ plan: plan(), pools: byAddress([moved]), profile });
    expect(r).toMatchObject({ status: 'reverted', reason: 'HopOutputTooLow', failedHop: 0 });
    expect(r.gasUsed).toBe(gasThroughHop(profile, best.route, best.provider, 1));
    expect(r.gasUsed).toBeLessThan(best.gasUsed);
  });

  it('reverts InsufficientProfit when the profit does not cover minProfit, with the full gas', () => {
    const r = executeRoute({
      plan: plan({ minProfit: best.grossProfit - best.flashFee + 1n }),
      pools: byAddress(block.pools),
      profile,
    });
    expect(r).toMatchObject({
      status: 'reverted',
      reason: 'InsufficientProfit',
      failedHop: null,
      gasUsed: best.gasUsed,
    });
  });

  it('hopMinimums takes the tolerance off each quoted hop output, rounded down', () => {
    expect(hopMinimums([10_000n, 1_000_001n], 50)).toEqual([9_950n, 995_000n]);
    expect(hopMinimums([10_000n], 0)).toEqual([10_000n]);
  });
});
