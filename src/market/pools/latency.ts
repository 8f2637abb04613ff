/**
 * Competitor latency and tip draws: latency in blocks from the real distance table (equal-probability entries),
 * tip per gas as a multiple of the base fee drawn from the real CEX-DEX arbitrage payments' quantiles.
 */
import type { Rng } from '../../core/random.ts';
import type { CompetitorParams } from '../params.ts';
import { drawFromQuantiles } from './noiseFlow.ts';

export function drawLatencyBlocks(rng: Rng, table: readonly number[]): number {
  return table[rng.int(table.length)]!;
}

export function drawTipRatio(rng: Rng, params: CompetitorParams): number {
  return drawFromQuantiles(rng, params.tipToBaseFeeQuantiles);
}
