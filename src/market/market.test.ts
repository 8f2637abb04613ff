import { describe, expect, it } from 'vitest';
import type { Pool } from '../dex/pool.ts';
import type { BlockSnapshot } from './blockSnapshot.ts';
import { DEFAULT_MARKET_PARAMS } from './defaultParams.ts';
import { createMarket } from './market.ts';
import { poolFee, poolPrice, swapExactIn } from './pools/poolMath.ts';
import { quantile } from '../core/statistics.ts';

function poolKey(p: Pool): string {
  return p.kind === 'v2' ? `${p.address}:${p.reserve0}:${p.reserve1}` : `${p.address}:${p.sqrtPriceX96}:${p.liquidity}`;
}

function fingerprint(b: BlockSnapshot): string {
  const arbs = b.competitorArbs.map((a) => `${a.poolIndex}/${a.tipWei}/${a.amountIn}`).join(',');
  return `${b.chain}#${b.blockNumber}@${b.timeMs}|${b.cexPrice}|${b.baseFeeWei}|${b.priorityFeeWei}|${b.pools.map(poolKey).join(';')}|${arbs}`;
}

function stream(seed: number, days: number, chains?: ('ethereum' | 'polygon')[]): string[] {
  return [...createMarket({ seed, days, chains }).blocks()].map(fingerprint);
}

describe('createMarket', () => {
  it('same seed, same stream bit for bit; another seed, another stream', () => {
    const a = stream(5, 0.25);
    expect(a).toEqual(stream(5, 0.25));
    expect(a.length).toBe(1_800 + 10_800); // 6 hours of 12 s and 2 s blocks
    expect(stream(6, 0.25)).not.toEqual(a);
  });

  it('a chain stream does not depend on which other chains run (own named streams)', () => {
    const both = stream(9, 0.1).filter((s) => s.startsWith('ethereum'));
    expect(stream(9, 0.1, ['ethereum'])).toEqual(both);
  });

  it('merges chains in time order with ethereum first on a tie', () => {
    const blocks = [...createMarket({ seed: 1, days: 0.01 }).blocks()];
    for (let i = 1; i < blocks.length; i++) expect(blocks[i]!.timeMs).toBeGreaterThanOrEqual(blocks[i - 1]!.timeMs);
    expect(blocks[0]!.chain).toBe('ethereum');
    expect(blocks[1]!.chain).toBe('polygon');
    expect(blocks[1]!.timeMs).toBe(blocks[0]!.timeMs);
  });

  it('competitor arbitrage keeps pools near the CEX price; without competitors they drift away', () => {
    const excessP95 = (params?: typeof DEFAULT_MARKET_PARAMS): number => {
      const excess: number[] = [];
      for (const b of createMarket({ seed: 2, days: 1, params }).blocks()) {
        if (b.blockNumber % 50 !== 0) continue;
        for (const p of b.pools) excess.push(Math.max(0, Math.abs(Math.log(poolPrice(p) / b.cexPrice)) - poolFee(p)));
      }
      return quantile(excess, 0.95);
    };
    const withArbs = excessP95();
    expect(withArbs).toBeGreaterThan(0); // edges do open
    expect(withArbs).toBeLessThan(0.005);
    const noArbs = {
      ...DEFAULT_MARKET_PARAMS,
      competitors: { ...DEFAULT_MARKET_PARAMS.competitors, searchersPerEdge: { ethereum: 0, polygon: 0, arbitrum: 0 } },
    };
    expect(excessP95(noArbs)).toBeGreaterThan(0.01);
  });

  it('earlier snapshots never change when the market moves on', () => {
    const market = createMarket({ seed: 3, days: 0.05 });
    const kept: [BlockSnapshot, string][] = [];
    for (const b of market.blocks()) if (b.blockNumber % 37 === 0) kept.push([b, fingerprint(b)]);
    expect(kept.length).toBeGreaterThan(10);
    for (const [b, f] of kept) expect(fingerprint(b)).toBe(f);
  });
});

describe('inclusion', () => {
  it('a tip above the competitors sees the pools before their arbitrage; a zero tip sees them after it', () => {
    const market = createMarket({ seed: 4, days: 1, chains: ['ethereum'] });
    let checked = 0;
    for (const b of market.blocks()) {
      if (b.competitorArbs.length === 0) continue;
      const top = b.competitorArbs.reduce((m, a) => (a.tipWei > m ? a.tipWei : m), 0n);
      const first = market.poolsAtInclusion({ chain: 'ethereum', tipWei: top + 1n });
      const last = market.poolsAtInclusion({ chain: 'ethereum', tipWei: 0n });
      const lastTarget = new Map(b.competitorArbs.map((a) => [a.poolIndex, a.targetPrice]));
      for (const arb of b.competitorArbs) {
        expect(poolKey(first[arb.poolIndex]!)).not.toBe(poolKey(last[arb.poolIndex]!));
        // after the arbitrages the pool sits at the last one's target (swaps ordered behind us come later)
        expect(poolPrice(last[arb.poolIndex]!) / lastTarget.get(arb.poolIndex)! - 1).toBeCloseTo(0, 4);
        // before the arbitrage the edge was open on the side the competitor traded
        expect(poolPrice(first[arb.poolIndex]!) < arb.targetPrice).toBe(arb.zeroForOne);
      }
      expect(market.competitorsFor('ethereum')).toBe(b.competitorArbs);
      if (++checked === 20) break;
    }
    expect(checked).toBe(20);
  });

  it('an included trade becomes the pool state the next blocks start from', () => {
    const market = createMarket({ seed: 8, days: 0.2, chains: ['polygon'] });
    let b = market.step()!;
    while (b.competitorArbs.length > 0) b = market.step()!;
    const pools = market.poolsAtInclusion({ chain: 'polygon', tipWei: 10n ** 12n });
    const ours = swapExactIn(pools[1]!, true, 1_000_000n)!; // 1 USDC into the V2 pool
    market.include({ chain: 'polygon', tipWei: 10n ** 12n, pools: [ours.pool] });
    // the pool is ours, then the block's swaps ordered behind us: 1 USDC more than the block without us
    const now = market.current('polygon')!.pools[1]!;
    if (now.kind !== 'v2' || b.pools[1]!.kind !== 'v2') throw new Error('pool 1 is the V2 pool');
    expect(Number(now.reserve0 - b.pools[1]!.reserve0) / 1e6).toBeCloseTo(1, 3);
    expect(b.pools[1]).not.toBe(ours.pool); // the snapshot handed out before stays as it was
    expect(market.current('polygon')!.pools[1]).not.toBe(b.pools[1]);
  });
});
