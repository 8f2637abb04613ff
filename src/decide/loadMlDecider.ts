/**
 * The full ML decider for a run (`arbml simulate --decider ml`, `arbml run --decider ml`) from the active models in
 * the models folder: the slippage model, the RL policy with its profitability model, and the gas forecaster (fed block by block through
 * `onBlock`). A missing or unreadable model is left out with one warning (the decider then prices actions with the
 * size-over-liquidity proxy, falls back to the best-priced action, or decides without a gas forecast).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rngFor } from '../core/random.ts';
import { GasForecaster } from '../gas/gasForecaster.ts';
import { gasForecasterFromJson } from '../gas/gasForecasterModel.ts';
import { LiveGasForecast } from '../gas/liveGasForecast.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { restoreAgent, RL_POLICY_FILE } from './rl/policyFile.ts';
import { loadSlippagePredictorOrNull } from '../slippage/loadSlippagePredictorOrNull.ts';
import { MODEL_FILE } from '../slippage/slippagePredictor.ts';
import { DEFAULT_BID_SHARE } from './bidTip.ts';
import { MlDecider } from './mlDecider.ts';
import { PROFITABILITY_FILE, ProfitabilityModel } from './profitability/profitabilityModel.ts';

export const GAS_FORECASTER_FILE = 'gas-forecaster.json';

export interface LoadedMlDecider {
  decider: MlDecider;
  /** Feed every market block here (the gas forecaster's tape); await what it returns. */
  onBlock: (b: BlockSnapshot) => Promise<void> | undefined;
  models: { slippage: string | null; rl: string | null; gas: string | null; profitability: string | null };
}

function loadOrNull<T>(path: string, what: string, warn: (m: string) => void, load: () => T): T | null {
  if (!existsSync(path)) {
    warn(`${what} not found at ${path}; the ML decider runs without it`);
    return null;
  }
  try {
    return load();
  } catch (e) {
    warn(
      `${what} at ${path} unreadable (${e instanceof Error ? e.message : String(e)}); the ML decider runs without it`,
    );
    return null;
  }
}

export function loadMlDecider(o: {
  modelsDir: string;
  seed: number;
  warn: (m: string) => void;
  bidShare?: number;
}): LoadedMlDecider {
  const slipPath = join(o.modelsDir, MODEL_FILE);
  const slippage = existsSync(slipPath)
    ? loadSlippagePredictorOrNull(slipPath, o.warn)
    : (o.warn(`slippage model not found at ${slipPath}; the ML decider uses the size-over-liquidity proxy`), null);
  const rl = loadOrNull(join(o.modelsDir, RL_POLICY_FILE), 'RL policy', o.warn, () =>
    restoreAgent(join(o.modelsDir, RL_POLICY_FILE), rngFor(o.seed, 'decide/rl')),
  );
  const profitPath = join(o.modelsDir, PROFITABILITY_FILE);
  const profitability = existsSync(profitPath)
    ? loadOrNull(profitPath, 'profitability model', o.warn, () =>
        ProfitabilityModel.fromJson(readFileSync(profitPath, 'utf8'), profitPath),
      )
    : null;
  const gasPath = join(o.modelsDir, GAS_FORECASTER_FILE);
  const forecaster = loadOrNull(
    gasPath,
    'gas forecaster',
    o.warn,
    () => new GasForecaster(gasForecasterFromJson(JSON.parse(readFileSync(gasPath, 'utf8')), gasPath)),
  );
  const live = forecaster ? new LiveGasForecast(forecaster, undefined, o.warn) : null;
  const version = [slippage?.version ?? 'no-slippage', rl ? 'rl' : 'no-rl', forecaster ? 'gas' : 'no-gas'].join('+');
  const decider = new MlDecider({
    modelsAt: () => ({
      slippage,
      rl,
      profitability,
      gasForecast: live ? (t, g) => live.forecastAt(t, g) : null,
      version,
    }),
    bidShare: o.bidShare ?? DEFAULT_BID_SHARE,
  });
  return {
    decider,
    onBlock: (b) => live?.observe(b),
    models: {
      slippage: slippage?.version ?? null,
      rl: rl ? join(o.modelsDir, RL_POLICY_FILE) : null,
      gas: forecaster ? gasPath : null,
      profitability: profitability ? profitPath : null,
    },
  };
}
