import { describe, expect, it } from 'vitest';
import { poolPrice } from '../market/pools/poolMath.ts';
import { buildOpportunity } from '../exec/buildOpportunity.ts';
import { detectOpportunities } from '../exec/detectOpportunities.ts';
import { defaultFlashProviders } from '../exec/flashProviders.ts';
import { MarketMemory } from '../exec/marketMemory.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { edgeBlock } from '../exec/testing.ts';
import { bidTipWei } from './bidTip.ts';
import { GreedyDecider, quotedNet } from './greedyDecider.ts';
import { HeuristicBidDecider } from './heuristicBidDecider.ts';
import { HeuristicDecider } from './heuristicDecider.ts';
import { MlFilterDecider } from './mlFilterDecider.ts';

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
    id: 'b',
    edge: edge!,
    block,
    pools: block.pools,
    poolPrices: prices,
    memory: new MarketMemory(),
    blocksOpen: 0,
  });
}

const ctx: DecisionContext = { chain: 'polygon', blockNumber: 1, timeMs: 0, gasHistory: [] };

describe('fair baselines', () => {
  const wide = opportunity(2.5);
  const narrow = opportunity(1); // quote pays, but not after the heuristic's 50 bps allowance

  it('greedy executes every quote that pays after the bid, full size, best route, at the ML bid', () => {
    expect(quotedNet(narrow)).toBe(narrow.routes[0]!.netProfit);
    for (const o of [wide, narrow]) {
      const d = new GreedyDecider({ bidShare: 0.05 }).decide(o);
      expect(d).toMatchObject({ decision: 'execute', sizeFactor: 1, routeIndex: 0 });
      expect(d.tipWei).toBe(bidTipWei(o, o.routes[0]!.gasUsed, 0.05));
      expect(d.tipWei!).toBeGreaterThan(o.priorityFeeWei);
    }
    expect(new HeuristicDecider().decide(narrow).decision).toBe('skip');
  });

  it('heuristic_bid is the heuristic rule plus the bid: same decisions on these, a higher tip', () => {
    const h = new HeuristicDecider();
    const hb = new HeuristicBidDecider({ bidShare: 0.05 });
    expect(hb.decide(wide).decision).toBe(h.decide(wide).decision);
    expect(hb.decide(narrow).decision).toBe('skip');
    expect(hb.decide(wide).tipWei).toBe(bidTipWei(wide, wide.routes[0]!.gasUsed, 0.05));
    expect(hb.decide(opportunity(2.5, 60n)).decision).toBe('skip'); // 105 gwei
  });

  it('ml_filter asks the ML decider only inside the heuristic candidate stream', () => {
    const asked: string[] = [];
    const inner: Decider = {
      name: 'ml',
      decide: (o): DecisionResult => (
        asked.push(o.id),
        { decision: 'execute', sizeFactor: 0.5, routeIndex: 0, estimatedSlippageBps: 3, decidedBy: 'ml' }
      ),
    };
    const f = new MlFilterDecider(inner);
    expect(f.decide(wide, ctx)).toMatchObject({ decision: 'execute', sizeFactor: 0.5 });
    expect(f.decide(opportunity(2.5, 60n), ctx).decision).toBe('skip');
    const small: Opportunity = { ...wide, id: 'small', edgeBps: -50 };
    expect(f.decide(small, ctx).decision).toBe('skip');
    expect(asked).toEqual(['b']);
  });
});
