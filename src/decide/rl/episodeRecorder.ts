/**
 * A Decider that never trades (it always answers `wait`, so the runner re-offers every open edge each block and
 * resolves its counterfactual on the real path) and records each offer as a step of an episode: the snapshot, the
 * heuristic's answer and the exact quotes of every execute action on the detection pools (via makePending, the
 * runner's own sizing). `rowSink` receives the runner's ledger rows and attaches the realised outcome to each step.
 */
import { HEURISTIC_SLIPPAGE_BPS } from '../../slippage/slippagePredictor.ts';
import type { Decider, DecisionContext, DecisionResult } from '../../domain/decider.ts';
import { HeuristicDecider } from '../heuristicDecider.ts';
import { makePending } from '../../exec/makePending.ts';
import type { Opportunity, RouteCandidate } from '../../domain/opportunity.ts';
import { tokenAmountToEth } from '../../domain/opportunity.ts';
import type { RowSink } from '../../exec/runSimulation.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { EXECUTE_ACTIONS, executeParams, type RlAction } from './actions.ts';
import { MAX_STEPS } from './episode.ts';
import { opportunitySnapshot } from './opportunitySnapshot.ts';
import { slippageFeaturesOf } from '../../slippage/slippageFeaturesOf.ts';
import { discretise, type RlSnapshot } from './rlState.ts';
import { stepRewards, type CandidateQuote } from './stepRewards.ts';
import type { Episode, EpisodeStep } from './episode.ts';

interface OpenStep {
  episode: Episode & { steps: EpisodeStep[] };
  snapshot: RlSnapshot;
  opp: Pick<Opportunity, 'cexPrice' | 'ethUsd'>;
  quotes: (CandidateQuote | null)[];
  heuristicExecute: boolean;
  slippage: EpisodeStep['slippage'];
  quotedNetEth: number;
  quotedOutEth: number;
}

export class EpisodeRecorder implements Decider {
  readonly name = 'rl-recorder';
  readonly episodes: (Episode & { steps: EpisodeStep[] })[] = [];
  private readonly open = new Map<
    string,
    { episode: Episode & { steps: EpisodeStep[] }; lastBlock: number; steps: number }
  >();
  private readonly pending = new Map<string, OpenStep>();
  private readonly heuristic = new HeuristicDecider();
  /** Offers skipped because their episode had MAX_STEPS steps already. */
  capped = 0;

  constructor(private readonly predictSlippageBps?: (opp: Opportunity) => number) {}

  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    const wait: DecisionResult = {
      decision: 'wait',
      sizeFactor: 1,
      routeIndex: 0,
      estimatedSlippageBps: HEURISTIC_SLIPPAGE_BPS,
      decidedBy: this.name,
    };
    const key = `${opp.chain}:${opp.dexPool}`;
    let ep = this.open.get(key);
    if (!ep || opp.blocksOpen === 0 || ep.lastBlock !== opp.blockNumber - 1) {
      ep = { episode: { id: opp.id, steps: [] }, lastBlock: opp.blockNumber, steps: 0 };
      this.open.set(key, ep);
      this.episodes.push(ep.episode);
    }
    ep.lastBlock = opp.blockNumber;
    if (ep.steps >= MAX_STEPS) {
      this.capped++;
      return wait;
    }
    const snapshot = opportunitySnapshot(opp, ctx, ep.steps, this.predictSlippageBps?.(opp));
    ep.steps++;
    const quotes: (CandidateQuote | null)[] = [];
    for (let a = 0; a < EXECUTE_ACTIONS; a++) quotes.push(quoteAction(opp, a as RlAction));
    const best = opp.routes[0]!;
    const decimals = best.route.token.decimals;
    this.pending.set(opp.id, {
      episode: ep.episode,
      snapshot,
      opp: { cexPrice: opp.cexPrice, ethUsd: opp.ethUsd },
      quotes,
      heuristicExecute: this.heuristic.decide(opp).decision === 'execute',
      slippage: slippageFeaturesOf(opp),
      quotedNetEth: opp.netProfitEth,
      quotedOutEth: tokenAmountToEth(best.amountOut, decimals, opp.cexPrice),
    });
    return wait;
  }

  /** Where the runner writes ledger rows: completes the recorded step of each row. */
  readonly rowSink: RowSink = {
    push: (row: OpportunityRow) => this.complete(row),
    buffered: 0,
    flush: async () => {},
  };

  private complete(row: OpportunityRow): void {
    const p = this.pending.get(row.id);
    if (!p) return;
    this.pending.delete(row.id);
    const { rewards, realisedSlippageBps } = stepRewards({
      row,
      quotes: p.quotes,
      cexPrice: p.opp.cexPrice,
      ethUsd: p.opp.ethUsd,
    });
    p.episode.steps.push({
      snapshot: p.snapshot,
      stateKey: discretise(p.snapshot),
      executeRewards: rewards,
      heuristicExecute: p.heuristicExecute,
      slippage: p.slippage,
      quotedNetEth: p.quotedNetEth,
      quotedOutEth: p.quotedOutEth,
      realisedSlippageBps,
    });
  }

  /** Recorded episodes with at least one step, steps in block order. */
  result(): Episode[] {
    for (const e of this.episodes)
      e.steps.sort((a, b) => a.snapshot.blocksSinceDetection - b.snapshot.blocksSinceDetection);
    return this.episodes.filter((e) => e.steps.length > 0);
  }
}

function quoteAction(opp: Opportunity, action: RlAction): CandidateQuote | null {
  const x = executeParams(action)!;
  if (x.routeIndex >= opp.routes.length) return null;
  const c: RouteCandidate = makePending(
    opp,
    {
      decision: 'execute',
      sizeFactor: x.sizeFactor,
      routeIndex: x.routeIndex,
      estimatedSlippageBps: HEURISTIC_SLIPPAGE_BPS,
      decidedBy: 'rl',
    },
    0,
  ).candidate;
  if (x.sizeFactor !== 1 && c === opp.routes[x.routeIndex]) return null;
  return {
    amountIn: c.amountIn,
    amountOut: c.amountOut,
    flashFee: c.flashFee,
    gasUsed: c.gasUsed,
    decimals: c.route.token.decimals,
  };
}
