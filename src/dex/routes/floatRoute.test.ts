import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { randomGraph } from '../testing/randomGraph.ts';
import { buildPoolGraph, findRoutes } from './findRoutes.ts';
import { floatOptimalSize, floatPool, floatProfitBound } from './floatRoute.ts';
import { routeOutput } from './quoteRoute.ts';

describe('floatProfitBound', () => {
  it('is never below the best float or exact profit of a cycle', () => {
    let profitable = 0;
    for (const seed of [1, 2, 3, 4]) {
      const g = randomGraph({ rng: createRng(seed), tokens: 5, pools: 12 });
      for (const route of findRoutes({ graph: buildPoolGraph({ chain: 'arbitrum', pools: g.pools }) })) {
        const hops = route.hops.map((h) => ({ pool: floatPool(h.pool), zeroForOne: h.zeroForOne }));
        const bound = floatProfitBound(hops, 1);
        const sized = floatOptimalSize(hops, 1, 1e30);
        if (!sized) continue;
        profitable++;
        expect(bound * (1 + 1e-9)).toBeGreaterThanOrEqual(sized.profit);
        const exact = routeOutput(route, BigInt(Math.round(sized.amountIn)));
        if (exact !== undefined) expect(bound * (1 + 1e-9) + 1).toBeGreaterThanOrEqual(Number(exact) - sized.amountIn);
      }
    }
    expect(profitable).toBeGreaterThan(20);
  });
});
