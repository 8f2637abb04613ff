/**
 * The same statistics measured on the model with given parameters and a fixed seed: 30 days of simulated CEX
 * minutes, 62 days of simulated Ethereum gas in 5-minute bins (the real file's length), and a market run (both
 * chains) recording the Polygon V3 pool's minutes (flows, ticks, volume), Ethereum capture distances and builder
 * payments, and an always-execute searcher's profits on Polygon.
 */
import { rngFor } from '../../core/random.ts';
import { simulateCex } from '../cex/simulateCex.ts';
import { FlowAndLifetimeRecorder } from '../chainRecorder.ts';
import { simulateGas } from '../gas/simulateGas.ts';
import { createMarket } from '../market.ts';
import { DEFAULT_START_MS } from '../marketSources.ts';
import type { MarketParams } from '../params.ts';
import { cexStats } from './cexStats.ts';
import { captureDistanceStats, losingShareStats, paymentStats, poolMinuteStats } from './competitionStats.ts';
import { flowStats } from './flowStats.ts';
import { LosingArbProbe } from './losingArbProbe.ts';
import { gasBins } from './gasBins.ts';
import { gasStats } from './gasStats.ts';
import { lifetimeStats } from './lifetimeStats.ts';

export interface ModelStatsOptions {
  params: MarketParams;
  seed: number;
  /** Days of the market run for flows, lifetimes and tips. */
  marketDays: number;
  onStep?: (message: string) => void;
}

/** Index of the reference pool (the real Polygon V3 USDC/WETH 0.05% pool) in params.pools.polygon. */
function referencePoolIndex(params: MarketParams): number {
  const i = params.pools.polygon.findIndex((p) => p.kind === 'v3' && p.fee === 500);
  return Math.max(0, i);
}

export function modelStats({ params, seed, marketDays, onStep }: ModelStatsOptions): Record<string, number> {
  onStep?.('simulating 30 days of CEX minutes');
  const cex = simulateCex({
    rng: rngFor(seed, 'market/cex'),
    startMs: DEFAULT_START_MS,
    minutes: 30 * 1440,
    params: params.cex,
  });
  onStep?.('simulating 62 days of ethereum gas');
  const bins = gasBins({
    source: simulateGas({ rng: rngFor(seed, 'market/gas/ethereum'), params: params.gas.ethereum }),
    startMs: DEFAULT_START_MS,
    bins: 62 * 288,
    blockTimeSeconds: params.gas.ethereum.blockTimeSeconds,
  });
  onStep?.(`running the market for ${marketDays} days`);
  const recorder = new FlowAndLifetimeRecorder('polygon', referencePoolIndex(params));
  const market = createMarket({ seed, days: marketDays, params, recorder });
  const probe = new LosingArbProbe('polygon', params.competitors.gasUnits);
  for (const block of market.blocks()) probe.observe(block, market);
  const volumes = recorder.inflowUsdc.map((u, i) => u + recorder.inflowWeth[i]!);
  return {
    ...cexStats(cex.minutePrices),
    ...gasStats(bins),
    ...flowStats([...recorder.inflowUsdc, ...recorder.inflowWeth]),
    ...lifetimeStats(recorder.lifetimes.ethereum, 'lifetime.ethereum'),
    ...captureDistanceStats(recorder.lifetimes.ethereum, 'ethereum'),
    ...paymentStats(recorder.paymentBps.ethereum),
    ...losingShareStats(probe.profitsUsd),
    ...poolMinuteStats(recorder.tickChanges, volumes),
  };
}
