/** Synthetic episodes for tests: a state key and the execute rewards per step (other fields neutral). */
import { EXECUTE_ACTIONS } from './actions.ts';
import type { Episode, EpisodeStep } from './episode.ts';

export function syntheticStep(stateKey: string, rewards: readonly number[], heuristicExecute = false): EpisodeStep {
  const executeRewards = Array.from({ length: EXECUTE_ACTIONS }, (_, a) => rewards[a] ?? NaN);
  return {
    snapshot: {
      edgeBps: 0,
      predictedSlippageBps: 0,
      gasVsForecast: 1,
      gasTrend: 0,
      poolLiquidityQuote: 1e6,
      competitorPressure: 0,
      chain: 'polygon',
      blocksSinceDetection: 0,
      quotedNetEth: 0,
    },
    stateKey,
    executeRewards,
    heuristicExecute,
    slippage: {
      tradeSizeQuote: 1,
      poolLiquidityQuote: 1e6,
      priceVolatility1h: 0,
      gasPriceGwei: 30,
      hourOfDay: 0,
      isPolygon: true,
      hopCount: 2,
    },
    quotedNetEth: rewards[2] ?? 0,
    quotedOutEth: 1,
    realisedSlippageBps: 0,
  };
}

export function syntheticEpisode(id: string, steps: EpisodeStep[]): Episode {
  return { id, steps };
}
