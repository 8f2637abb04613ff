/**
 * Execute now or wait, from the gas forecast. Generalises the seed's rule (`future_gas > current + 20`: gas is
 * about to spike, so send now):
 * - only forecasts within the opportunity's lifetime count (waiting past it means no trade at all);
 * - execute now when any of them rises more than riseMarginGwei above the current price;
 * - otherwise wait for the horizon where the expected gas saving beats the expected loss from the opportunity
 *   vanishing meanwhile: saving = (current - forecast) x gasUnits; risk = P(gone by then) x net profit now, with a
 *   constant per-block hazard 1/lifetime (P(alive after k blocks) = (1 - 1/lifetime)^k);
 * - execute now otherwise (including when there is no forecast inside the lifetime).
 * Gas and profits enter as expected values (floats, ETH); amounts on chain stay bigint elsewhere.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { HorizonForecast } from './gasForecaster.ts';

export type GasAction = 'execute_now' | 'wait';

export interface GasDecisionOptions {
  currentGwei: number;
  forecast: readonly HorizonForecast[];
  /** Expected number of blocks the opportunity stays open. */
  opportunityLifetimeBlocks: number;
  /** Gas the transaction uses. */
  gasUnits: number;
  /** Profit before gas, ETH. */
  profitBeforeGasEth: number;
  /** Seconds per block (Ethereum 12). */
  blockSeconds?: number;
  /** The seed's margin: a forecast this far above current gas means "execute now". */
  riseMarginGwei?: number;
}

export interface GasDecision {
  action: GasAction;
  /** For wait: minutes to wait (the chosen horizon). */
  waitMin: number | null;
  /** Expected gain of the chosen action over executing now, ETH (0 for execute_now). */
  expectedGainEth: number;
  reason: string;
}

export function gasDecision(o: GasDecisionOptions): GasDecision {
  const { currentGwei, forecast, opportunityLifetimeBlocks: life, gasUnits, profitBeforeGasEth } = o;
  const blockSeconds = o.blockSeconds ?? 12,
    margin = o.riseMarginGwei ?? 20;
  if (!(currentGwei > 0) || !(life > 0) || !(gasUnits > 0) || !(blockSeconds > 0)) {
    throw new InvalidInputError(
      'gasDecision: currentGwei, opportunityLifetimeBlocks, gasUnits and blockSeconds must be positive',
    );
  }
  const lifetimeMin = (life * blockSeconds) / 60;
  const inside = forecast.filter((f) => f.horizonMin <= lifetimeMin);
  if (inside.length === 0) return now(0, `no forecast within the opportunity's ${lifetimeMin.toFixed(1)} min lifetime`);
  const peak = inside.reduce((a, f) => (f.gwei > a.gwei ? f : a));
  if (peak.gwei > currentGwei + margin) {
    return now(
      0,
      `gas forecast to rise to ${peak.gwei.toFixed(1)} gwei in ${peak.horizonMin} min (> current ${currentGwei.toFixed(1)} + ${margin})`,
    );
  }
  const netNow = profitBeforeGasEth - currentGwei * gasUnits * 1e-9;
  let best: { f: HorizonForecast; gain: number } | null = null;
  for (const f of inside) {
    const blocks = (f.horizonMin * 60) / blockSeconds;
    const pGone = 1 - (1 - 1 / Math.max(life, 1)) ** blocks;
    const saving = (currentGwei - f.gwei) * gasUnits * 1e-9;
    const gain = (1 - pGone) * saving - pGone * Math.max(netNow, 0);
    if (gain > 0 && (!best || gain > best.gain)) best = { f, gain };
  }
  if (!best) return now(0, 'no expected gas fall pays for the risk of the opportunity closing');
  return {
    action: 'wait',
    waitMin: best.f.horizonMin,
    expectedGainEth: best.gain,
    reason: `gas forecast to fall to ${best.f.gwei.toFixed(1)} gwei in ${best.f.horizonMin} min; expected gain ${best.gain.toExponential(3)} ETH after the risk of closing`,
  };
}

function now(gain: number, reason: string): GasDecision {
  return { action: 'execute_now', waitMin: null, expectedGainEth: gain, reason };
}
