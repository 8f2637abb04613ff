import { describe, expect, it } from 'vitest';
import { rngFor } from '../../core/random.ts';
import { DEFAULT_MARKET_PARAMS } from '../defaultParams.ts';
import { winningTipWei } from './orderingRule.ts';
import { drawRace } from './searcherRace.ts';
import { drawPoisson, searcherLatencyCdf } from './searcherLatency.ts';

describe('ordering rules', () => {
  const bids = { capsWei: [50, 200, 120], typicalTipWei: 30, minTipWei: 1 };
  it('builder auction: the highest share of value wins and pays it', () => {
    expect(winningTipWei('builder-auction', bids)).toBe(200);
  });
  it('priority-gas auction: the winner outbids the runner-up by 12.5%, at least the typical tip, at most its cap', () => {
    expect(winningTipWei('priority-gas-auction', bids)).toBe(135);
    expect(winningTipWei('priority-gas-auction', { ...bids, capsWei: [200] })).toBe(30);
    expect(winningTipWei('priority-gas-auction', { ...bids, capsWei: [200, 190] })).toBe(200);
  });
  it('first come: no tip beyond the minimum', () => {
    expect(winningTipWei('first-come', bids)).toBe(1);
  });
});

describe('searcher race', () => {
  it('the first of a Poisson number of searchers lands at the real capture distances', () => {
    const c = DEFAULT_MARKET_PARAMS.competitors;
    const table = c.latencyBlocks.ethereum;
    const lambda = c.searchersPerEdge.ethereum;
    const latency = searcherLatencyCdf(table, lambda);
    const rng = rngFor(1, 'test/race');
    const delays: number[] = [];
    while (delays.length < 40_000) {
      const race = drawRace({
        rng,
        searchersPerEdge: lambda,
        latency,
        bidShareQuantiles: c.bidShareQuantiles.ethereum,
      });
      if (race) delays.push(race.delayBlocks);
    }
    for (const d of [0, 1, 2, 3]) {
      const real = table.filter((x) => x === d).length / table.length;
      expect(delays.filter((x) => x === d).length / delays.length).toBeCloseTo(real, 2);
    }
    // one searcher alone is slower than the first of several
    expect(latency.cdf[0]!).toBeLessThan(table.filter((x) => x === 0).length / table.length);
  });

  it('Poisson counts have the given mean', () => {
    const rng = rngFor(2, 'test/poisson');
    let sum = 0;
    for (let i = 0; i < 20_000; i++) sum += drawPoisson(rng, 3);
    expect(sum / 20_000).toBeCloseTo(3, 1);
  });
});
