import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { aaveV3Provider, balancerV2Provider } from '../flash/flashProvider.ts';
import { chainProfile } from '../gas/chainProfiles.ts';
import { tokenKey } from '../types.ts';
import { randomGraph, type RandomGraph } from '../testing/randomGraph.ts';
import { swapV3 } from '../v3/swapV3.ts';
import { swapV2 } from '../v2/swapV2.ts';
import { cycleKey } from './cycleGraph.ts';
import { createCycleScanner } from './cycleScanner.ts';
import { evaluateRoute } from './evaluateRoute.ts';
import { buildPoolGraph, findRoutes } from './findRoutes.ts';
import type { Route } from './route.ts';

const GAS = { baseFeeWei: 10_000_000n, priorityFeeWei: 0n };
const profile = chainProfile('arbitrum');

function setting(g: RandomGraph) {
  const all = Object.fromEntries(
    g.tokens.map((t, i) => [t.address, BigInt(Math.round((1e9 / g.usd[i]) * 10 ** t.decimals))]),
  );
  const providers = [balancerV2Provider({ liquidity: all }), aaveV3Provider({ liquidity: all })];
  // Native token = ETH at 3000 USD: base units per whole ETH.
  const tokenPerNative = new Map(
    g.tokens.map((t, i) => [tokenKey(t), BigInt(Math.round((3000 / g.usd[i]) * 10 ** t.decimals))]),
  );
  return { providers, tokenPerNative };
}

const keyOf = (pools: RandomGraph['pools'], route: Route): number =>
  route.hops.length > 3 ? -1 : cycleKey(route.hops.map((h) => pools.indexOf(h.pool) * 2 + (h.zeroForOne ? 1 : 0)));

/** Brute force: every route of findRoutes priced by evaluateRoute's own size search; best net per cycle. */
function bruteForce(
  g: RandomGraph,
  s: ReturnType<typeof setting>,
): Map<number, { net: bigint; amountIn: bigint; native: number; nativeIn: number }> {
  const best = new Map<number, { net: bigint; amountIn: bigint; native: number; nativeIn: number }>();
  for (const route of findRoutes({ graph: buildPoolGraph({ chain: 'arbitrum', pools: g.pools }) })) {
    const perNative = s.tokenPerNative.get(tokenKey(route.token))!;
    const q = evaluateRoute({ route, providers: s.providers, ...GAS, tokenPerNative: perNative, profile });
    if (!q) continue;
    const native = Number(q.netProfit) / Number(perNative);
    const key = keyOf(g.pools, route);
    const prev = best.get(key);
    if (!prev || native > prev.native)
      best.set(key, {
        net: q.netProfit,
        amountIn: q.amountIn,
        native,
        nativeIn: Number(q.amountIn) / Number(perNative),
      });
  }
  return best;
}

/** Output of a route by chaining the reference swaps directly. */
function referenceOutput(route: Route, amountIn: bigint): bigint {
  let amount = amountIn;
  for (const { pool, zeroForOne } of route.hops) {
    if (pool.kind === 'v2') amount = swapV2({ pool, zeroForOne, amountIn: amount }).amountOut;
    else {
      const r = swapV3({ pool, zeroForOne, amountSpecified: amount });
      amount = -(zeroForOne ? r.amount1 : r.amount0);
    }
  }
  return amount;
}

describe('cycle scanner against brute force on random graphs', () => {
  for (const seed of [1, 2, 3]) {
    it(`finds the same profitable cycles as brute force (seed ${seed}), exact amounts equal to the reference swaps`, () => {
      const g = randomGraph({ rng: createRng(seed), tokens: 5, pools: 12 });
      const s = setting(g);
      const brute = bruteForce(g, s);
      const scanner = createCycleScanner({ pools: g.pools, ...s, profile });
      const all = scanner.scan(
        g.pools.map((_, i) => i),
        GAS,
      );
      const found = new Set(all.profitable.map((c) => c.key));
      const bruteProfitable = [...brute].filter(([, v]) => v.net > 0n).map(([k]) => k);
      // Never drops a cycle the exact search finds profitable beyond the margin (1e-6 of the size).
      for (const key of bruteProfitable) {
        const v = brute.get(key)!;
        if (Number(v.net) > 1e-6 * Number(v.amountIn)) expect(found.has(key), `cycle ${key} dropped`).toBe(true);
      }
      // And reports nothing brute force does not: each found cycle is profitable there too.
      for (const c of all.profitable)
        expect((brute.get(c.key)?.net ?? -1n) > 0n, `cycle ${c.key} not profitable in brute force`).toBe(true);
      expect(bruteProfitable.length).toBeGreaterThan(0);
      expect(new Set(bruteProfitable)).toEqual(found);
      // The scanner's exact numbers: sized within the margin of brute force's size search, amounts = reference swaps.
      for (const c of all.profitable) {
        expect(c.quote.amountOut).toBe(referenceOutput(c.quote.route, c.quote.amountIn));
        const b = brute.get(c.key)!;
        // Compared in native units: the best rotation may borrow a different token in each.
        expect(Number(c.netNativeWei) / 1e18).toBeGreaterThanOrEqual(b.native - 1e-6 * b.nativeIn);
      }
      // Screens prune: fewer exact evaluations than cycles.
      expect(all.logSurvivors).toBeLessThan(all.cycles);

      // Incremental: only cycles through the changed pools, and all of those.
      const changed = [0, 5];
      const part = scanner.scan(changed, GAS);
      const through = new Set(
        [...found].filter((k) =>
          all.profitable
            .find((c) => c.key === k)!
            .quote.route.hops.some((h) => changed.includes(g.pools.indexOf(h.pool))),
        ),
      );
      expect(new Set(part.profitable.map((c) => c.key))).toEqual(through);
    });
  }
});
