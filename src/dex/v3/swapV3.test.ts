import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { encodeSqrtPriceX96 } from './encodeSqrtPriceX96.ts';
import { createPoolV3, liquidityAtTick, type PoolV3 } from './poolV3.ts';
import { swapV3 } from './swapV3.ts';
import { getTickAtSqrtRatio, MAX_SQRT_RATIO, MIN_SQRT_RATIO } from './tickMath.ts';
import { ticksFromPositions, type PositionV3 } from './ticksFromPositions.ts';

const e18 = 10n ** 18n;
const minTick = (s: number): number => Math.ceil(-887272 / s) * s;
const maxTick = (s: number): number => Math.floor(887272 / s) * s;
const T0 = { address: '0x0000000000000000000000000000000000000a00', symbol: 'T0', decimals: 18 };
const T1 = { address: '0x0000000000000000000000000000000000000b00', symbol: 'T1', decimals: 18 };

function pool(feePips: number, tickSpacing: number, sqrtPriceX96: bigint, positions: PositionV3[]): PoolV3 {
  const ticks = ticksFromPositions(positions);
  const tick = getTickAtSqrtRatio(sqrtPriceX96);
  return createPoolV3({
    chain: 'ethereum',
    dex: 'uniswap-v3',
    address: '0xpool',
    token0: T0,
    token1: T1,
    feePips,
    tickSpacing,
    sqrtPriceX96,
    tick,
    liquidity: liquidityAtTick(ticks, tick),
    ticks,
  });
}

// Pools and expected results from Uniswap v3-core's pool swap test snapshots (UniswapV3Pool.swaps.spec.ts).
const aroundPrice = pool(3000, 60, encodeSqrtPriceX96(1n, 1n), [
  { tickLower: minTick(60), tickUpper: -60, liquidity: 2n * e18 },
  { tickLower: 60, tickUpper: maxTick(60), liquidity: 2n * e18 },
]);

describe('swapV3 against the v3-core pool snapshots', () => {
  it('0 liquidity at the price: exact 1e18 token0 in crosses into the lower range', () => {
    expect(aroundPrice.liquidity).toBe(0n);
    const r = swapV3({ pool: aroundPrice, zeroForOne: true, amountSpecified: e18 });
    expect([r.amount0, r.amount1, r.pool.tick]).toEqual([e18, -662011820624678025n, -8130]);
    expect(r.ticksCrossed).toBe(1);
    expect(r.pool.liquidity).toBe(2n * e18);
    expect(aroundPrice.tick).toBe(0);
  });

  it('0 liquidity at the price: exact outputs and a price limit', () => {
    const out = swapV3({ pool: aroundPrice, zeroForOne: true, amountSpecified: -e18 });
    expect([out.amount0, out.amount1, out.pool.tick]).toEqual([2024171064311638316n, -e18, -13984]);
    const out1 = swapV3({ pool: aroundPrice, zeroForOne: false, amountSpecified: -e18 });
    expect([out1.amount0, out1.amount1, out1.pool.tick]).toEqual([-e18, 2024171064311638316n, 13983]);
    const toPrice = swapV3({
      pool: aroundPrice,
      zeroForOne: false,
      amountSpecified: 2n ** 255n - 1n,
      sqrtPriceLimitX96: encodeSqrtPriceX96(5n, 2n),
    });
    expect([toPrice.amount0, toPrice.amount1, toPrice.pool.tick]).toEqual([
      -729098226020826705n,
      1159748196632793863n,
      9163,
    ]);
    expect(toPrice.pool.sqrtPriceX96).toBe(encodeSqrtPriceX96(5n, 2n));
    const small = swapV3({ pool: aroundPrice, zeroForOne: true, amountSpecified: 1000n });
    expect([small.amount0, small.amount1, small.pool.tick]).toEqual([1000n, -991n, -61]);
  });

  it('high fee full range, and the max-liquidity full range pool', () => {
    const high = pool(10000, 200, encodeSqrtPriceX96(1n, 1n), [
      { tickLower: minTick(200), tickUpper: maxTick(200), liquidity: 2n * e18 },
    ]);
    const r = swapV3({ pool: high, zeroForOne: true, amountSpecified: e18 });
    expect([r.amount1, r.pool.tick]).toEqual([-662207357859531772n, -8043]);
    const maxLiquidity = (2n ** 128n - 1n) / BigInt((maxTick(60) - minTick(60)) / 60 + 1);
    const big = pool(3000, 60, encodeSqrtPriceX96(1n, 1n), [
      { tickLower: minTick(60), tickUpper: maxTick(60), liquidity: maxLiquidity },
    ]);
    expect(swapV3({ pool: big, zeroForOne: true, amountSpecified: e18 }).amount1).toBe(-996999999999999318n);
    expect(swapV3({ pool: big, zeroForOne: false, amountSpecified: e18 }).amount0).toBe(-996999999999999232n);
    expect(swapV3({ pool: big, zeroForOne: true, amountSpecified: -e18 }).amount0).toBe(1003009027081361181n);
  });

  it('low fee full range: swaps that step across several bitmap words (2560 ticks each at spacing 10)', () => {
    const low = pool(500, 10, encodeSqrtPriceX96(1n, 1n), [
      { tickLower: minTick(10), tickUpper: maxTick(10), liquidity: 2n * e18 },
    ]);
    const in0 = swapV3({ pool: low, zeroForOne: true, amountSpecified: e18 });
    expect([in0.amount1, in0.pool.tick]).toEqual([-666444407401233536n, -8107]);
    const in1 = swapV3({ pool: low, zeroForOne: false, amountSpecified: e18 });
    expect([in1.amount0, in1.pool.tick]).toEqual([-666444407401233536n, 8106]);
    const out1 = swapV3({ pool: low, zeroForOne: true, amountSpecified: -e18 });
    expect([out1.amount0, out1.pool.tick]).toEqual([2001000500250125077n, -13864]);
    const out0 = swapV3({ pool: low, zeroForOne: false, amountSpecified: -e18 });
    expect([out0.amount1, out0.pool.tick]).toEqual([2001000500250125079n, 13863]);
    const toPrice = swapV3({
      pool: low,
      zeroForOne: true,
      amountSpecified: 2n ** 255n - 1n,
      sqrtPriceLimitX96: encodeSqrtPriceX96(2n, 5n),
    });
    expect([toPrice.amount0, toPrice.amount1, toPrice.pool.tick]).toEqual([
      1162859089713235953n,
      -735088935932648266n,
      -9164,
    ]);
    expect(in0.ticksCrossed).toBe(0);
  });

  it('stable-swap range: an exact output larger than the range walks every word up to the max price', () => {
    const stable = pool(500, 10, encodeSqrtPriceX96(1n, 1n), [{ tickLower: -10, tickUpper: 10, liquidity: 2n * e18 }]);
    const r = swapV3({ pool: stable, zeroForOne: false, amountSpecified: -e18 });
    expect([r.amount0, r.amount1, r.pool.tick]).toEqual([-999700069986002n, 1000700370186095n, 887271]);
    expect(r.pool.sqrtPriceX96).toBe(MAX_SQRT_RATIO - 1n);
    expect(r.ticksCrossed).toBe(1);
    expect(r.pool.liquidity).toBe(0n);
  });

  it('rejects a price limit on the wrong side (SPL) and a zero amount (AS)', () => {
    expect(() =>
      swapV3({
        pool: aroundPrice,
        zeroForOne: true,
        amountSpecified: e18,
        sqrtPriceLimitX96: encodeSqrtPriceX96(5n, 2n),
      }),
    ).toThrow(/SPL/);
    expect(() =>
      swapV3({ pool: aroundPrice, zeroForOne: true, amountSpecified: e18, sqrtPriceLimitX96: MIN_SQRT_RATIO }),
    ).toThrow(/SPL/);
    expect(() => swapV3({ pool: aroundPrice, zeroForOne: true, amountSpecified: 0n })).toThrow(/AS/);
  });
});

describe('swapV3 invariants on random multi-tick pools', () => {
  it('conserves value direction, crosses ticks consistently and round-trips state', () => {
    const rng = createRng(42);
    for (let i = 0; i < 150; i++) {
      const spacing = [1, 10, 60, 200][rng.int(4)];
      const positions: PositionV3[] = [];
      for (let k = 0; k < 1 + rng.int(6); k++) {
        const a = (rng.int(400) - 200) * spacing;
        const b = a + (1 + rng.int(100)) * spacing;
        positions.push({
          tickLower: a,
          tickUpper: b,
          liquidity: BigInt(1 + rng.int(1e9)) * 10n ** BigInt(6 + rng.int(10)),
        });
      }
      const p = pool(
        [500, 3000, 10000][rng.int(3)],
        spacing,
        encodeSqrtPriceX96(BigInt(1 + rng.int(1000)), BigInt(1 + rng.int(1000))),
        positions,
      );
      const zeroForOne = rng.next() < 0.5;
      const amount = BigInt(1 + rng.int(1e9)) * 10n ** BigInt(rng.int(16));
      const r = swapV3({ pool: p, zeroForOne, amountSpecified: rng.next() < 0.5 ? amount : -amount });
      const [paid, received] = zeroForOne ? [r.amount0, r.amount1] : [r.amount1, r.amount0];
      expect(paid).toBeGreaterThanOrEqual(0n);
      expect(received).toBeLessThanOrEqual(0n);
      if (zeroForOne) expect(r.pool.sqrtPriceX96).toBeLessThanOrEqual(p.sqrtPriceX96);
      else expect(r.pool.sqrtPriceX96).toBeGreaterThanOrEqual(p.sqrtPriceX96);
      // The new state is itself valid and its liquidity equals what its tick list implies.
      const again = createPoolV3(r.pool);
      expect(again.liquidity).toBe(liquidityAtTick(p.ticks, r.pool.tick));
      const crossed = p.ticks.filter((t) =>
        zeroForOne ? t.index <= p.tick && t.index > r.pool.tick : t.index > p.tick && t.index <= r.pool.tick,
      ).length;
      expect(r.ticksCrossed).toBe(crossed);
    }
  });
});
