/**
 * Competitor latency and tip draws: latency in blocks from the real distance table (equal-probability entries),
 * tip per gas as a log-normal multiple of the base fee (real CEX-DEX arbitrage payments).
 */
import type { Rng } from '../../core/random.ts';
import type { CompetitorParams } from '../params.ts';

export function drawLatencyBlocks(rng: Rng, table: readonly number[]): number {
  return table[rng.int(table.length)]!;
}

export function drawTipRatio(rng: Rng, params: CompetitorParams): number {
  return Math.exp(params.tipToBaseFeeLogMean + params.tipToBaseFeeLogStd * rng.normal());
}
