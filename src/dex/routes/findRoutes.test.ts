import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { aaveV3Provider, balancerV2Provider } from '../flash/flashProvider.ts';
import { createPoolV2 } from '../v2/poolV2.ts';
import { randomPoolV2, randomPoolV3, USDC, WETH } from '../testing/randomPools.ts';
import { evaluateRoute } from './evaluateRoute.ts';
import { buildPoolGraph, findRoutes } from './findRoutes.ts';
import { optimalInput } from './optimalInput.ts';
import { quoteRoute, routeOutput } from './quoteRoute.ts';
import { createRoute, routePath } from './route.ts';
import { allocateV2V2Batch, screenV2V2 } from './screenV2V2.ts';

const DAI = { address: '0x6b175474e89094c44da98b954eedeac495271d0f', symbol: 'DAI', decimals: 18 };

describe('findRoutes', () => {
  it('finds every 2-hop pair and 3-hop triangle on distinct pools', () => {
    const rng = createRng(9);
    const a = randomPoolV2({ rng, address: '0xa' });
    const b = randomPoolV3({ rng, address: '0xb' });
    const c = createPoolV2({
      chain: 'ethereum',
      dex: 'sushiswap',
      address: '0xc',
      token0: DAI,
      token1: WETH,
      reserve0: 3n * 10n ** 24n,
      reserve1: 10n ** 21n,
      feeBps: 30,
    });
    const d = createPoolV2({
      chain: 'ethereum',
      dex: 'uniswap-v2',
      address: '0xd',
      token0: DAI,
      token1: USDC,
      reserve0: 10n ** 24n,
      reserve1: 10n ** 12n,
      feeBps: 5,
    });
    const other = randomPoolV2({ rng, address: '0xe', chain: 'polygon' });
    const graph = buildPoolGraph({ chain: 'ethereum', pools: [a, b, c, d, other] });
    expect(graph.pools.length).toBe(4);
    const two = findRoutes({ graph, maxHops: 2 });
    // USDC>WETH>USDC and WETH>USDC>WETH on (a,b) in both orders.
    expect(two.length).toBe(4);
    const all = findRoutes({ graph });
    // Triangles: {a or b} x WETH-DAI-USDC cycle, 2 directions, 3 rotations each = 12.
    expect(all.length - two.length).toBe(12);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    expect(findRoutes({ graph, borrowTokens: [USDC] }).every((r) => r.token.symbol === 'USDC')).toBe(true);
    expect(all.map(routePath)).toContain('USDC>WETH>DAI>USDC');
  });

  it('rejects broken routes', () => {
    const rng = createRng(9);
    const a = randomPoolV2({ rng, address: '0xa' });
    expect(() =>
      createRoute([
        { pool: a, zeroForOne: true },
        { pool: a, zeroForOne: false },
      ]),
    ).toThrow(/twice/);
    const b = randomPoolV2({ rng, address: '0xb' });
    expect(() =>
      createRoute([
        { pool: a, zeroForOne: true },
        { pool: b, zeroForOne: true },
      ]),
    ).toThrow(/outputs WETH/);
  });
});

describe('sizing V3 and mixed routes', () => {
  it('the bounded search beats a 200-point grid on random V3-V2 and V3-V3 routes', () => {
    const rng = createRng(77);
    let profitable = 0;
    for (let i = 0; i < 40; i++) {
      const p1 = randomPoolV3({ rng, address: `0x1${i}`, offset: (rng.next() - 0.5) * 0.04 });
      const p2 =
        rng.next() < 0.5
          ? randomPoolV2({ rng, address: `0x2${i}`, offset: (rng.next() - 0.5) * 0.04 })
          : randomPoolV3({ rng, address: `0x2${i}`, offset: (rng.next() - 0.5) * 0.04 });
      const zeroForOne = rng.next() < 0.5;
      const route = createRoute([
        { pool: p1, zeroForOne },
        { pool: p2, zeroForOne: !zeroForOne },
      ]);
      const best = optimalInput({ route });
      const profit = (x: bigint): bigint | undefined => {
        const out = routeOutput(route, x);
        return out === undefined ? undefined : out - x;
      };
      const unit = zeroForOne ? 10n ** 6n : 10n ** 15n; // 1 USDC or 0.001 WETH
      let gridBest: bigint | undefined;
      for (let k = 1n; k <= 200n; k++) {
        const p = profit(unit * k * k * 50n);
        if (p !== undefined && (gridBest === undefined || p > gridBest)) gridBest = p;
      }
      if (gridBest !== undefined) expect(best!.profit).toBeGreaterThanOrEqual(gridBest);
      if (best && best.profit > 0n) profitable++;
    }
    expect(profitable).toBeGreaterThan(10);
  });
});

describe('evaluateRoute', () => {
  it('confirms the float screen in bigint and nets flash fee and gas', () => {
    const rng = createRng(4);
    const p1 = randomPoolV2({ rng, address: '0x1', offset: -0.01 });
    const p2 = randomPoolV2({ rng, address: '0x2', offset: 0.01 });
    const route = createRoute([
      { pool: p1, zeroForOne: true },
      { pool: p2, zeroForOne: false },
    ]); // USDC -> WETH -> USDC
    const providers = [
      aaveV3Provider({ liquidity: { [USDC.address]: 10n ** 15n } }),
      balancerV2Provider({ liquidity: { [USDC.address]: 10n } }),
    ];
    const q = evaluateRoute({ route, providers, baseFeeWei: 20n * 10n ** 9n, tokenPerNative: 3000n * 10n ** 6n })!;
    expect(q.provider.kind).toBe('aave-v3'); // Balancer cannot lend the size
    expect(q.amountOut).toBe(quoteRoute(route, q.amountIn).amounts[2]);
    expect(q.grossProfit).toBe(q.amountOut - q.amountIn);
    expect(q.flashFee).toBe((q.amountIn * 5n + 5000n) / 10_000n);
    expect(q.gasUsed).toBe(21_000n + 35_000n + 93_000n + 186_000n);
    expect(q.gasCost.wei).toBe(q.gasUsed * 21n * 10n ** 9n);
    expect(q.netProfit).toBe(q.grossProfit - q.flashFee - q.gasCost.token);
    expect(q.netProfit).toBeGreaterThan(0n);

    const batch = allocateV2V2Batch(1);
    batch.a1[0] = Number(p1.reserve0);
    batch.b1[0] = Number(p1.reserve1);
    batch.g1[0] = 1 - p1.feeBps / 1e4;
    batch.a2[0] = Number(p2.reserve1);
    batch.b2[0] = Number(p2.reserve0);
    batch.g2[0] = 1 - p2.feeBps / 1e4;
    batch.flashRate[0] = 1.0005;
    batch.gasCost[0] = Number(q.gasCost.token);
    const out = { size: new Float64Array(1), net: new Float64Array(1) };
    screenV2V2(batch, out);
    expect(out.size[0] / Number(q.amountIn)).toBeCloseTo(1, 4);
    expect(out.net[0] / Number(q.netProfit)).toBeCloseTo(1, 6);
  });
});
