/**
 * Model against reality: every checked statistic measured on the real data and on the model (given parameters,
 * fixed seed), with its tolerance and whether the model is within it. This is what `arbml calibrate` prints.
 */
import type { CexParams, MarketParams } from '../params.ts';
import { DEFAULT_MARKET_PARAMS } from '../defaultParams.ts';
import { modelStats } from './modelStats.ts';
import { realStats } from './realStats.ts';
import { absoluteTolerance, statSource, TOLERANCES } from './tolerances.ts';

export interface CalibrationStat {
  name: string;
  model: number;
  real: number;
  /** Largest allowed |model - real|. */
  tolerance: number;
  ok: boolean;
  /** The real file it is measured on (under ARBML_DATA_DIR). */
  source: string;
}

export interface CalibrationReport {
  stats: CalibrationStat[];
  seed: number;
  market_days: number;
  rejected_rows: number;
  /** CEX parameters fitted on the real minutes beside the committed ones used by the model side. */
  fitted_cex: { real_fit: CexParams; committed: CexParams };
}

export interface CalibrateOptions {
  dataDir: string;
  params?: MarketParams;
  seed?: number;
  marketDays?: number;
  onStep?: (message: string) => void;
}

export function calibrate({
  dataDir,
  params = DEFAULT_MARKET_PARAMS,
  seed = 1,
  marketDays = 7,
  onStep,
}: CalibrateOptions): CalibrationReport {
  onStep?.(`reading real data in ${dataDir}`);
  const real = realStats(dataDir);
  const model = modelStats({ params, seed, marketDays, onStep });
  const stats = Object.entries(TOLERANCES).map(([name, tol]) => {
    const r = real.stats[name]!;
    const m = model[name]!;
    const tolerance = absoluteTolerance(tol, r);
    return {
      name,
      model: m,
      real: r,
      tolerance,
      ok: Number.isFinite(m) && Math.abs(m - r) <= tolerance,
      source: statSource(name),
    };
  });
  return {
    stats,
    seed,
    market_days: marketDays,
    rejected_rows: real.rejected.length,
    fitted_cex: { real_fit: real.fittedCex, committed: params.cex },
  };
}
