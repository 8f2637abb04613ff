import { describe, expect, it } from 'vitest';
import { poolPrice } from '../market/pools/poolMath.ts';
import { buildOpportunity } from '../exec/buildOpportunity.ts';
import { detectOpportunities } from '../exec/detectOpportunities.ts';
import { defaultFlashProviders } from '../exec/flashProviders.ts';
import { MarketMemory } from '../exec/marketMemory.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { edgeBlock } from '../exec/testing.ts';
import { HeuristicDecider, heuristicNet } from './heuristicDecider.ts';

function opportunity(movePct: number, gasGwei = 40n): Opportunity {
  const block = edgeBlock({ baseFeeWei: gasGwei * 1_000_000_000n }, movePct);
  const prices = block.pools.map(poolPrice);
  const [edge] = detectOpportunities({
    block,
    pools: block.pools,
    poolPrices: prices,
    providers: defaultFlashProviders('polygon'),
    busy: new Set(),
  });
  return buildOpportunity({
    id: 'h',
    edge: edge!,
    block,
    pools: block.pools,
    poolPrices: prices,
    memory: new MarketMemory(),
    blocksOpen: 0,
  });
}

describe('HeuristicDecider (seed baseline)', () => {
  const decider = new HeuristicDecider();
  const wide = opportunity(2.5);

  it('executes a wide edge: |edge| > 50 bps, gas < 100 gwei, gross - 50 bps - gas - flash fee > 0', () => {
    const r = wide.routes[0]!;
    expect(Math.abs(wide.edgeBps)).toBeGreaterThan(50);
    expect(heuristicNet(wide)).toBe(
      r.grossProfit - (r.amountOut * 50n + 9_999n) / 10_000n - r.gasCost.token - r.flashFee,
    );
    expect(heuristicNet(wide)).toBeGreaterThan(0n);
    expect(decider.decide(wide)).toEqual({
      decision: 'execute',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: 50,
      slippageToleranceBps: 50,
      decidedBy: 'heuristic',
    });
  });

  it('skips when gas is at or above 100 gwei', () => {
    const o = opportunity(2.5, 60n); // 60 base + 45 tip = 105 gwei
    expect(o.gasPriceGwei).toBe(105);
    expect(decider.decide(o).decision).toBe('skip');
  });

  it('skips a profitable quote that does not survive the static 50 bps allowance', () => {
    const o = opportunity(1);
    expect(o.routes[0]!.netProfit).toBeGreaterThan(0n);
    expect(heuristicNet(o)).toBeLessThanOrEqual(0n);
    expect(decider.decide(o).decision).toBe('skip');
  });

  it('skips when |edge_bps| is at most 50 even if the net survives', () => {
    const strict = new HeuristicDecider({ minEdgeBps: Math.abs(wide.edgeBps), maxGasGwei: 100, slippageBps: 50 });
    expect(strict.decide(wide).decision).toBe('skip');
  });
});
