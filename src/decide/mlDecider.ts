/**
 * The full ML decision (the backtest's "ml" decider): the RL policy picks execute (size, route) / wait / drop from
 * the opportunity's discretised state; the slippage model prices every execute action (expected net after
 * predicted slippage, flash fee and gas), and an execute whose expected net is not above `minNetEth` is refused;
 * on Ethereum the gas forecast can turn an execute into a wait when waiting for cheaper gas beats the risk of
 * losing the edge (gasDecision). A state the policy never saw in training falls back to the best-priced action
 * (or skip). Models are looked up by the opportunity's time, so a walk-forward run swaps them at retrain points.
 */
import { HEURISTIC_SLIPPAGE_BPS } from '../slippage/slippagePredictor.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import type { HorizonForecast } from '../gas/gasForecaster.ts';
import { gasDecision } from '../gas/gasDecision.ts';
import { EXECUTE_ACTIONS, RlAction, ACTION_COUNT } from './rl/actions.ts';
import { opportunitySnapshot, slippageProxyBps } from './rl/opportunitySnapshot.ts';
import { slippageFeaturesOf } from '../slippage/slippageFeaturesOf.ts';
import type { QAgent } from './rl/qAgent.ts';
import type { ProfitabilityModel } from './profitability/profitabilityModel.ts';
import { discretise } from './rl/rlState.ts';
import type { SlippagePredictor } from '../slippage/slippagePredictor.ts';
import { expectedNetEth, quoteExecuteActions } from './actionQuotes.ts';
import { bidTipWei } from './bidTip.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import { EpisodeClock } from './episodeClock.ts';

export interface MlModels {
  slippage: SlippagePredictor | null;
  rl: QAgent | null;
  /** P(execute now is profitable) and the threshold an execute must reach, or null. */
  profitability: ProfitabilityModel | null;
  /**
   * Gas forecasts (5, 10, 15 ... min) for Ethereum at a time, from history up to it, as the forecast change applied
   * to the current price `currentGwei`; null when there is none.
   */
  gasForecast: ((timeMs: number, currentGwei: number) => readonly HorizonForecast[] | null) | null;
  /** Model versions for decided_by, e.g. `slippage-…+rl-…`. */
  version: string;
}

export interface MlDeciderOptions {
  modelsAt: (timeMs: number) => MlModels;
  /** An execute must expect more than this net, ETH (default 0). */
  minNetEth?: number;
  /** Share of the quoted net profit bid as extra priority fee (bidTip; default 0: the typical tip). */
  bidShare?: number;
  /** Expected blocks an edge stays open, per chain, for the gas wait rule (default 3). */
  lifetimeBlocks?: number;
}

export class MlDecider implements Decider {
  readonly name = 'ml';
  private readonly clock = new EpisodeClock();

  constructor(private readonly o: MlDeciderOptions) {}

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    const m = this.o.modelsAt(ctx.timeMs);
    const step = this.clock.step(opp);
    const slip = m.slippage
      ? Math.max(0, m.slippage.predictSlippageBps(slippageFeaturesOf(opp)))
      : slippageProxyBps(opp);
    const quotes = quoteExecuteActions(opp);
    const net = new Map(quotes.map((q) => [q.action, expectedNetEth(opp, q.candidate, slip)]));
    const base = {
      estimatedSlippageBps: slip,
      predictedSlippageBps: m.slippage ? slip : undefined,
      decidedBy: `ml:${m.version}`,
    };
    const skip: DecisionResult = { decision: 'skip', sizeFactor: 1, routeIndex: 0, ...base };
    const snapshot = opportunitySnapshot(opp, ctx, step);
    const key = discretise(snapshot);
    let action: RlAction;
    if (m.rl && m.rl.knows(key)) {
      const valid = Array.from({ length: ACTION_COUNT }, (_, a) => a >= EXECUTE_ACTIONS || net.has(a));
      action = m.rl.greedy(key, valid);
    } else {
      action = RlAction.Drop;
      for (const [a, v] of net) if (v > (net.get(action) ?? 0)) action = a;
    }
    if (action === RlAction.Wait) return { ...skip, decision: 'wait' };
    if (action >= EXECUTE_ACTIONS) return skip;
    const chosen = quotes.find((q) => q.action === action)!;
    const bidShare = this.o.bidShare ?? 0;
    // The bid is paid from the profit: what is left must still clear the bar.
    const expected = net.get(action)! - bidShare * Math.max(0, opp.netProfitEth);
    if (!(expected > (this.o.minNetEth ?? 0))) return skip;
    if (m.profitability) {
      const x = {
        slippage: slippageFeaturesOf(opp),
        blocksSinceDetection: step,
        quotedNetEth: opp.netProfitEth,
        gasVsForecast: snapshot.gasVsForecast,
        gasTrend: snapshot.gasTrend,
      };
      if (!m.profitability.accept(x, expected)) return skip;
    }
    const tipWei = bidShare > 0 ? bidTipWei(opp, chosen.candidate.gasUsed, bidShare) : undefined;
    const forecast = opp.chain === 'ethereum' && m.gasForecast ? m.gasForecast(ctx.timeMs, opp.gasPriceGwei) : null;
    const decision: DecisionResult = {
      decision: 'execute',
      sizeFactor: chosen.sizeFactor,
      routeIndex: chosen.routeIndex,
      slippageToleranceBps: HEURISTIC_SLIPPAGE_BPS,
      tipWei,
      predictedGasGwei: forecast?.[0]?.gwei,
      ...base,
    };
    if (!forecast || forecast.length === 0) return decision;
    const g = gasDecision({
      currentGwei: opp.gasPriceGwei,
      forecast,
      opportunityLifetimeBlocks: this.o.lifetimeBlocks ?? 3,
      gasUnits: Number(chosen.candidate.gasUsed),
      profitBeforeGasEth: expected + opp.gasCostEth,
    });
    return g.action === 'wait' ? { ...decision, decision: 'wait' } : decision;
  }
}
