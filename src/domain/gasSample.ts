/**
 * One minute of a chain's gas as the runner remembers it and a decider sees it in its context (the last 3 hours,
 * oldest first). Gwei floats: a feature, never an amount that is paid.
 */
/** One minute of a chain's gas, as the decision context exposes it. */
export interface GasSample {
  timeMs: number;
  baseFeeGwei: number;
  priorityFeeGwei: number;
  utilisation: number;
}
