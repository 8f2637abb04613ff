import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadUniverse, parseUniverse } from './loadUniverse.ts';
import { universePools } from './universePools.ts';
import type { Universe } from './universeSchema.ts';

const universe = loadUniverse();
const clone = (): Universe => JSON.parse(JSON.stringify(universe)) as Universe;

describe('default universe file', () => {
  it('has three chains, >= 8 tokens, >= 40 pools, V2 and every V3 fee tier, several venues per chain', () => {
    expect(universe.chains.map((c) => c.name)).toEqual(['ethereum', 'polygon', 'arbitrum']);
    expect(universe.tokens.length).toBeGreaterThanOrEqual(8);
    for (const s of ['WETH', 'USDC', 'USDT', 'DAI', 'WBTC']) expect(universe.tokens.map((t) => t.symbol)).toContain(s);
    expect(universe.pools.length).toBeGreaterThanOrEqual(40);
    const tiers = new Set(universe.pools.flatMap((p) => (p.kind === 'v3' ? [p.feeTier] : [])));
    expect([...tiers].sort((a, b) => a - b)).toEqual([100, 500, 3000, 10000]);
    for (const chain of ['ethereum', 'polygon', 'arbitrum'] as const) {
      const onChain = universe.pools.filter((p) => p.chain === chain);
      expect(new Set(onChain.map((p) => p.venue)).size).toBeGreaterThanOrEqual(3);
      expect(onChain.some((p) => p.kind === 'v2') && onChain.some((p) => p.kind === 'v3')).toBe(true);
      // Long-tail: at least one pool under 3M USD on each chain.
      expect(onChain.some((p) => p.tvlUsd < 3e6)).toBe(true);
    }
    expect(universe.chains.find((c) => c.name === 'arbitrum')).toMatchObject({
      blockTimeSeconds: 0.25,
      ordering: 'first-come-first-served',
    });
  });
});

describe('universe validation names the bad field', () => {
  const cases: [string, (u: Universe) => void, string][] = [
    [
      'fee tier',
      (u) => Object.assign(u.pools[12], { feeTier: 2500 }),
      'pools[12].feeTier: must be one of 100, 500, 3000, 10000',
    ],
    [
      'tick spacing',
      (u) => Object.assign(u.pools[0], { tickSpacing: 60 }),
      'pools[0].tickSpacing: must be 10 for fee tier 500',
    ],
    ['unknown token', (u) => Object.assign(u.pools[3], { token1: 'SHIB' }), 'pools[3].token1: unknown token SHIB'],
    ['undeclared chain', (u) => (u.chains = u.chains.slice(0, 2)), 'pools[38].chain: arbitrum is not in chains'],
    ['negative TVL', (u) => Object.assign(u.pools[5], { tvlUsd: -1 }), 'pools[5].tvlUsd: must be > 0 (USD)'],
    [
      'ordering',
      (u) => Object.assign(u.chains[1], { ordering: 'random' }),
      'chains[1].ordering: must be one of priority-auction, builder-auction, first-come-first-served',
    ],
    ['decimals', (u) => Object.assign(u.tokens[2], { decimals: 6.5 }), 'tokens[2].decimals: must be an integer'],
    [
      'duplicate pool',
      (u) => u.pools.push({ ...u.pools[0] }),
      'pools[55]: ethereum:uniswap-v3:USDC-WETH:500 is listed twice',
    ],
    ['unknown key', (u) => Object.assign(u.pools[1], { depth: 3 }), 'pools[1]: Unrecognized key: "depth"'],
  ];
  for (const [name, breakIt, message] of cases) {
    it(name, () => {
      const u = clone();
      breakIt(u);
      expect(() => parseUniverse(u, 'u.json')).toThrow(`u.json: ${message}`);
    });
  }

  it('reports an unreadable or non-JSON file in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbml-universe-'));
    writeFileSync(join(dir, 'bad.json'), '{"version": 1,');
    expect(() => loadUniverse({ file: join(dir, 'bad.json') })).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadUniverse({ file: join(dir, 'missing.json') })).toThrow(/universe file not found/);
  });
});

describe('universePools', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = universePools({ universe, seed: 7 });
    const b = universePools({ universe, seed: 7 });
    const c = universePools({ universe, seed: 8 });
    const state = (m: typeof a) =>
      m.pools.map((p) => (p.kind === 'v2' ? `${p.reserve0}/${p.reserve1}` : `${p.sqrtPriceX96}/${p.liquidity}`));
    expect(state(a)).toEqual(state(b));
    expect(state(a)).not.toEqual(state(c));
    expect(a.pools).toHaveLength(universe.pools.length);
  });

  it('holds each pool TVL at its price and starts at the reference price without mispricing', () => {
    const { pools } = universePools({ universe, seed: 1, mispricing: 0 });
    const usd = new Map(universe.tokens.map((t) => [t.symbol, t.priceUsd]));
    for (const [i, pool] of pools.entries()) {
      const spec = universe.pools[i];
      const p0 = usd.get(pool.token0.symbol)!;
      const p1 = usd.get(pool.token1.symbol)!;
      const raw = (p0 / p1) * 10 ** (pool.token1.decimals - pool.token0.decimals);
      if (pool.kind === 'v2') {
        const value =
          (Number(pool.reserve0) / 10 ** pool.token0.decimals) * p0 +
          (Number(pool.reserve1) / 10 ** pool.token1.decimals) * p1;
        expect(value / spec.tvlUsd).toBeCloseTo(1, 6);
        expect(Number(pool.reserve1) / Number(pool.reserve0) / raw).toBeCloseTo(1, 6);
      } else {
        const s = Number(pool.sqrtPriceX96) / 2 ** 96;
        // Within half a tick of the reference price.
        expect(Math.abs(Math.log(s * s) - Math.log(raw))).toBeLessThan(0.00006);
        // Active liquidity L: the ladder's real reserves are a known multiple of L / s, so depth tracks TVL.
        const virtualUsd = ((2 * Number(pool.liquidity)) / s) * (p0 / 10 ** pool.token0.decimals);
        expect(virtualUsd / spec.tvlUsd).toBeGreaterThan(spec.kind === 'v3' && spec.profile === 'ladder' ? 5 : 0.99);
      }
    }
  });
});
