/**
 * Episodes from one seeded market run: the paper runner (src/exec) over the market model with the recording
 * decider, so the RL world is exactly the runner's world (detection, latency, inclusion, competitors, exact
 * execution). One run per seed; training and evaluation replay the result.
 */
import type { Chain } from '../../dex/types.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import { runSimulation } from '../../exec/runSimulation.ts';
import { createMarket } from '../../market/market.ts';
import type { Episode } from './episode.ts';
import { EpisodeRecorder } from './episodeRecorder.ts';

export interface GenerateEpisodesOptions {
  seed: number;
  days: number;
  chains?: readonly Chain[];
  onStart?: (totalBlocks: number) => void;
  onProgress?: (blocksDone: number) => void;
  /** Tip of the counterfactuals (default the block's typical tip), e.g. the ML decider's fee bid. */
  counterfactualTip?: (opp: Opportunity) => bigint;
}

export async function generateEpisodes(o: GenerateEpisodesOptions): Promise<Episode[]> {
  const market = createMarket({ seed: o.seed, days: o.days, chains: o.chains });
  o.onStart?.(market.info.totalBlocks);
  const recorder = new EpisodeRecorder();
  await runSimulation({
    market,
    decider: recorder,
    seed: o.seed,
    runTag: `rl${o.seed}`,
    sink: recorder.rowSink,
    onProgress: o.onProgress,
    counterfactualTip: o.counterfactualTip,
  });
  return recorder.result();
}
