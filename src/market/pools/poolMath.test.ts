import { describe, expect, it } from 'vitest';
import { getAmountOutV2 } from '../../dex/v2/getAmountOutV2.ts';
import type { PoolV2 } from '../../dex/v2/poolV2.ts';
import type { PoolV3 } from '../../dex/v3/poolV3.ts';
import { createMarketPools, recentreV3 } from './createMarketPools.ts';
import { poolEdge } from './edge.ts';
import { poolDepthUsd, poolPrice, swapExactIn, swapToPrice } from './poolMath.ts';

const specs = [
  { dex: 'uniswap-v3', kind: 'v3' as const, fee: 500, size: 28e6 },
  { dex: 'quickswap', kind: 'v2' as const, fee: 30, size: 8e6 },
];

describe('market pools', () => {
  const [v3, v2] = createMarketPools('polygon', specs, 2_000) as [PoolV3, PoolV2];

  it('start at the price with the stated size: V2 by its USDC reserve, V3 by its depth', () => {
    expect(v2.reserve0).toBe(8_000_000_000_000n);
    expect(v2.reserve1).toBe(4_000n * 10n ** 18n);
    expect(poolPrice(v2)).toBeCloseTo(2_000, 9);
    expect(poolPrice(v3) / 2_000).toBeCloseTo(1, 4); // nearest tick
    expect(poolDepthUsd(v3) / 28e6).toBeCloseTo(1, 6);
    expect(poolDepthUsd(v2)).toBe(4e6);
    expect(v3.address).toBe('0x45dda9cb7c25131df268515131f647d726f50608');
  });

  it('exact-input swaps use the dex engine math (V2 getAmountOut)', () => {
    const s = swapExactIn(v2, true, 1_000_000_000n)!; // 1,000 USDC in
    expect(s.amountOut).toBe(
      getAmountOutV2({ amountIn: 1_000_000_000n, reserveIn: v2.reserve0, reserveOut: v2.reserve1, feeBps: 30 }),
    );
    expect(swapExactIn(v2, true, 0n)).toBeNull();
  });

  it('swapToPrice moves V2 and V3 mid prices to the target from either side', () => {
    for (const pool of [v2, v3]) {
      for (const target of [2_010, 1_990]) {
        const s = swapToPrice(pool, target)!;
        expect(s.zeroForOne).toBe(target > 2_000);
        expect(Math.abs(poolPrice(s.pool) / target - 1)).toBeLessThan(1e-5); // within 0.1 bps (V2: fee grows k)
      }
    }
  });

  it('poolEdge: excess over the fee, profit depth*excess^2/2 and the fee-adjusted target', () => {
    const e = poolEdge(2_020, 1e6, 0.003, 2_000);
    const excess = Math.log(1.01) + Math.log(0.997);
    expect(e.excess).toBeCloseTo(excess, 12);
    expect(e.profitUsd).toBeCloseTo((1e6 * excess * excess) / 2, 6);
    expect(e.targetPrice).toBeCloseTo(2_000 / 0.997, 9);
    expect(e.side).toBe(1);
    expect(poolEdge(2_001, 1e6, 0.003, 2_000).profitUsd).toBe(0);
  });

  it('recentreV3 keeps price and depth and moves the ladder to the current tick', () => {
    const moved = swapToPrice(v3, 2_400)!.pool as PoolV3;
    const r = recentreV3(moved, specs[0]!);
    expect(r.sqrtPriceX96).toBe(moved.sqrtPriceX96);
    expect(poolDepthUsd(r) / 28e6).toBeCloseTo(1, 6);
    const inner = r.ticks.filter((t) => t.liquidityNet > 0n && t.index > -800_000);
    expect(Math.max(...inner.map((t) => t.index))).toBeGreaterThan(moved.tick - 100);
  });
});
