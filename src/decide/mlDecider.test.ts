/**
 * The ML deciders on real opportunities (a pool moved off the CEX price, exact quotes): the slippage-aware heuristic
 * executes what the static 50 bps allowance skips when the model predicts less; the full ML decider follows its RL
 * policy, prices actions with the slippage model, refuses executes that do not pay after the bid, and bids the
 * documented share of quoted profit as extra tip.
 */
import { describe, expect, it } from 'vitest';
import { rngFor } from '../core/random.ts';
import { buildOpportunity } from '../exec/buildOpportunity.ts';
import { detectOpportunities } from '../exec/detectOpportunities.ts';
import { defaultFlashProviders } from '../exec/flashProviders.ts';
import { MarketMemory } from '../exec/marketMemory.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { edgeBlock } from '../exec/testing.ts';
import { poolPrice } from '../market/pools/poolMath.ts';
import { RlAction } from './rl/actions.ts';
import { opportunitySnapshot } from './rl/opportunitySnapshot.ts';
import { QAgent } from './rl/qAgent.ts';
import { discretise } from './rl/rlState.ts';
import { SlippagePredictor } from '../slippage/slippagePredictor.ts';
import { syntheticSlippage } from '../slippage/syntheticSlippage.ts';
import { expectedNetEth, quoteExecuteActions } from './actionQuotes.ts';
import { bidTipWei } from './bidTip.ts';
import { EpisodeClock } from './episodeClock.ts';
import { heuristicNet } from './heuristicDecider.ts';
import { MlDecider, type MlModels } from './mlDecider.ts';
import { SlippageAwareDecider } from './slippageAwareDecider.ts';

function opportunity(movePct: number, blockNumber = 100): Opportunity {
  const block = { ...edgeBlock({}, movePct), blockNumber };
  const prices = block.pools.map(poolPrice);
  const [edge] = detectOpportunities({
    block,
    pools: block.pools,
    poolPrices: prices,
    providers: defaultFlashProviders('polygon'),
    busy: new Set(),
  });
  return buildOpportunity({
    id: `o${blockNumber}`,
    edge: edge!,
    block,
    pools: block.pools,
    poolPrices: prices,
    memory: new MarketMemory(),
    blocksOpen: 0,
  });
}

const ctx = (o: Opportunity) => ({ chain: o.chain, blockNumber: o.blockNumber, timeMs: o.timeMs, gasHistory: [] });

/** A slippage model that predicts ~0 bps (trained on zero targets). */
function zeroModel(): SlippagePredictor {
  const { features } = syntheticSlippage({ rows: 200, seed: 3 });
  return SlippagePredictor.train({ rows: features, targets: features.map(() => 0), seed: 1, params: { numRounds: 5 } });
}

describe('SlippageAwareDecider', () => {
  it('executes a thin edge the static 50 bps allowance skips when the model predicts ~0 bps', () => {
    const thin = opportunity(0.7);
    expect(heuristicNet(thin)).toBeLessThanOrEqual(0n);
    const model = zeroModel();
    const d = new SlippageAwareDecider({ predictorAt: () => model }).decide(thin, ctx(thin));
    expect(Math.abs(thin.edgeBps)).toBeGreaterThan(50);
    expect(d.decision).toBe('execute');
    expect(d.predictedSlippageBps).toBeCloseTo(0, 6);
    expect(d.decidedBy).toBe(`ml_slippage:${model.version}`);
    // Without a model it is the heuristic.
    expect(new SlippageAwareDecider({ predictorAt: () => null }).decide(thin, ctx(thin)).decision).toBe('skip');
  });
});

describe('MlDecider', () => {
  const wide = opportunity(2.5);
  const slippage = zeroModel();
  const models = (rl: QAgent | null): MlModels => ({
    slippage,
    rl,
    profitability: null,
    gasForecast: null,
    version: 'test',
  });

  it('prices every execute action exactly: 100% of route 0 is the quoted optimum', () => {
    const q = quoteExecuteActions(wide);
    const full = q.find((x) => x.action === RlAction.Exec100R0)!;
    expect(full.candidate).toBe(wide.routes[0]);
    expect(expectedNetEth(wide, full.candidate, 0)).toBeCloseTo(wide.netProfitEth, 9);
    expect(expectedNetEth(wide, full.candidate, 100)).toBeLessThan(wide.netProfitEth);
  });

  it('follows the RL policy for a known state and falls back to the best-priced action otherwise', () => {
    const key = discretise(opportunitySnapshot(wide, ctx(wide), 0));
    const agent = new QAgent(rngFor(1, 't'));
    agent.values(key)[RlAction.Wait] = 1;
    expect(new MlDecider({ modelsAt: () => models(agent) }).decide(wide, ctx(wide)).decision).toBe('wait');
    agent.values(key)[RlAction.Exec50R0] = 2;
    const half = new MlDecider({ modelsAt: () => models(agent) }).decide(wide, ctx(wide));
    expect([half.decision, half.sizeFactor, half.routeIndex]).toEqual(['execute', 0.5, 0]);
    const unseen = new MlDecider({ modelsAt: () => models(null) }).decide(wide, ctx(wide));
    expect(unseen.decision).toBe('execute');
    const best = quoteExecuteActions(wide).reduce((a, b) =>
      expectedNetEth(wide, b.candidate, 0) > expectedNetEth(wide, a.candidate, 0) ? b : a,
    );
    expect([unseen.sizeFactor, unseen.routeIndex]).toEqual([best.sizeFactor, best.routeIndex]);
  });

  it('refuses an execute that does not clear the floor after the bid, and bids the share of quoted profit', () => {
    const floor = new MlDecider({ modelsAt: () => models(null), minNetEth: wide.netProfitEth * 2 }).decide(
      wide,
      ctx(wide),
    );
    expect(floor.decision).toBe('skip');
    const bid = new MlDecider({ modelsAt: () => models(null), bidShare: 0.1 }).decide(wide, ctx(wide));
    const gas = wide.routes[bid.routeIndex ?? 0]!.gasUsed;
    expect(bid.tipWei).toBe(bidTipWei(wide, gas, 0.1));
    const extraEth = (Number(bid.tipWei! - wide.priorityFeeWei) * Number(gas) * wide.nativeUsd) / wide.ethUsd / 1e18;
    expect(extraEth).toBeCloseTo(0.1 * wide.netProfitEth, 9);
    expect(bidTipWei(wide, gas, 0)).toBe(wide.priorityFeeWei);
  });

  it('counts blocks since an edge was first offered like the RL episodes', () => {
    const clock = new EpisodeClock();
    const at = (blockNumber: number, blocksOpen = 1) =>
      clock.step({ chain: 'polygon', dexPool: '0xp', blockNumber, blocksOpen });
    expect([at(10, 0), at(11), at(12), at(14), at(15), at(16, 0)]).toEqual([0, 1, 2, 0, 1, 0]);
  });
});
