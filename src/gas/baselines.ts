/**
 * Baseline forecasts of min gas price h bins after t, from bins <= t only.
 * - persistence: the value at t.
 * - EWMA: the exponentially weighted mean at t (alpha per bin).
 * - EIP-1559 drift: the value at t moved by the base-fee drift its own bin's utilisation implies
 *   (exp(6.25*(u_t - 0.5))), assuming blocks are half full on average afterwards, whatever h.
 */
import { eip1559Drift } from './gasFeatures.ts';
import type { GasSeries } from './gasSeries.ts';
import { ewma } from './rolling.ts';

export type BaselineName = 'persistence' | 'ewma' | 'eip1559';

export function persistenceForecast(s: GasSeries, t: number): number {
  return s.minGas[t]!;
}

export function eip1559DriftForecast(s: GasSeries, t: number): number {
  return s.minGas[t]! * Math.exp(eip1559Drift(s.utilisation[t]!));
}

/** EWMA forecasts at every bin (one pass); index with t. */
export function ewmaForecasts(s: GasSeries, alpha = 0.3): Float64Array {
  return ewma(s.minGas, alpha);
}

export function baselineForecasts(s: GasSeries, name: BaselineName, origins: readonly number[]): number[] {
  if (name === 'ewma') {
    const e = ewmaForecasts(s);
    return origins.map((t) => e[t]!);
  }
  return origins.map((t) => (name === 'persistence' ? persistenceForecast(s, t) : eip1559DriftForecast(s, t)));
}
