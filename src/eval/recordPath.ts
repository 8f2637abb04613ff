/**
 * The shadow run of a backtest: the paper runner over the whole market path with the RL episode recorder as its
 * decider (it never trades, so the path is the market's own), recording every offer as an episode step with the
 * realised outcome of every execute action, and the Ethereum gas tape. Every model of the walk-forward is trained
 * from this record, only on the part of it known before its retrain point.
 */
import { InvariantError } from '../core/errors.ts';
import type { Decider, DecisionContext, DecisionResult } from '../domain/decider.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { runSimulation } from '../exec/runSimulation.ts';
import type { MarketView } from '../exec/marketView.ts';
import type { Episode } from '../decide/rl/episode.ts';
import { EpisodeRecorder } from '../decide/rl/episodeRecorder.ts';
import { GasTape } from '../gas/gasTape.ts';
import { observeMarket } from '../exec/observeMarket.ts';

/** An episode and the time of its first offer (ms UTC). */
export interface TimedEpisode {
  episode: Episode;
  timeMs: number;
}

export interface PathRecord {
  startMs: number;
  endMs: number;
  episodes: TimedEpisode[];
  gas: GasTape;
  blocks: number;
}

export interface RecordPathOptions {
  market: MarketView;
  seed: number;
  /** Tip the counterfactuals pay (default the block's typical tip), e.g. the ML decider's fee bid. */
  counterfactualTip?: (opp: Opportunity) => bigint;
  onProgress?: (blocksDone: number) => void;
}

/** Wraps the recorder to note when each offer was made (episode ids are the first offer's opportunity id). */
class TimedRecorder implements Decider {
  readonly name = 'shadow';
  readonly times = new Map<string, number>();
  constructor(readonly recorder: EpisodeRecorder) {}
  decide(opp: Opportunity, ctx: DecisionContext): DecisionResult {
    this.times.set(opp.id, opp.timeMs);
    return this.recorder.decide(opp, ctx);
  }
}

export async function recordPath(o: RecordPathOptions): Promise<PathRecord> {
  const gas = new GasTape();
  const market = observeMarket(o.market, (b) => gas.observe(b));
  const recorder = new EpisodeRecorder();
  const timed = new TimedRecorder(recorder);
  const run = await runSimulation({
    market,
    decider: timed,
    seed: o.seed,
    runTag: `bt${o.seed}`,
    sink: recorder.rowSink,
    onProgress: o.onProgress,
    counterfactualTip: o.counterfactualTip,
  });
  const episodes = recorder.result().map((episode) => ({ episode, timeMs: timed.times.get(episode.id)! }));
  return { startMs: o.market.info.startMs, endMs: o.market.info.endMs, episodes, gas, blocks: run.blocks };
}

/** Episodes whose first offer was at least `marginMs` before `timeMs` (their outcomes were known by then). */
export function episodesBefore(record: PathRecord, timeMs: number, marginMs = 10 * 60_000): Episode[] {
  return record.episodes.filter((e) => e.timeMs < timeMs - marginMs).map((e) => e.episode);
}

/**
 * Two records of the same path (the same offers, counterfactuals at different tips) merged step by step: each
 * action's reward is the better of the two, so the oracle may also choose the tip. Throws if they do not align.
 */
export function mergeRecords(a: PathRecord, b: PathRecord): TimedEpisode[] {
  if (a.episodes.length !== b.episodes.length)
    throw new InvariantError(`records do not align: ${a.episodes.length} vs ${b.episodes.length} episodes`);
  return a.episodes.map((ea, i) => {
    const eb = b.episodes[i]!;
    if (ea.episode.id !== eb.episode.id || ea.episode.steps.length !== eb.episode.steps.length)
      throw new InvariantError(`records do not align at episode ${ea.episode.id}`);
    const steps = ea.episode.steps.map((s, j) => {
      const rb = eb.episode.steps[j]!.executeRewards;
      return {
        ...s,
        executeRewards: s.executeRewards.map((r, k) =>
          Number.isNaN(r) ? rb[k]! : Number.isNaN(rb[k]!) ? r : Math.max(r, rb[k]!),
        ),
      };
    });
    return { timeMs: ea.timeMs, episode: { id: ea.episode.id, steps } };
  });
}
