/**
 * Retrains the gas forecaster from the store's Ethereum 5-minute gas rows (gas_prices): the last 15% of bins is the
 * holdout; the candidate trains on targets before it; candidate and active model forecast the same holdout origins
 * and are scored by the 5-minute-ahead MAE in gwei; the candidate becomes active only if it is better (with no
 * active model: better than persistence, the last value carried forward).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';
import { GasForecaster } from '../gas/gasForecaster.ts';
import { gasForecasterFromJson } from '../gas/gasForecasterModel.ts';
import { gasFeatureColumns } from '../gas/gasFeatures.ts';
import { gasSeries, type GasSeries } from '../gas/gasSeries.ts';
import { trainGasForecaster } from '../gas/trainGasForecaster.ts';
import type { SequenceModelOptions } from '../gas/trainSequenceModel.ts';
import type { GasRow } from '../market/files/readGasCsv.ts';
import type { Db } from '../store/db.ts';
import { activeModelVersion, recordModelVersion } from '../store/modelVersions.ts';
import { CURRENT_FILES, publishArtefacts, storeArtefacts } from './artefacts.ts';
import { beats, type RetrainOutcome } from './retrainOutcome.ts';

export interface RetrainGasOptions {
  db: Db;
  modelsDir: string;
  seed: number;
  lstm?: SequenceModelOptions | false;
  onEpoch?: (epoch: number, trainLoss: number) => void;
}

/** The store's Ethereum gas bins in the gas file's shape, oldest first. */
export async function readGasRows(db: Db): Promise<GasRow[]> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT time, min_gas_price_gwei, avg_gas_price_gwei, max_gas_price_gwei, utilisation, gas_used, gas_limit, eth_price
     FROM gas_prices WHERE chain = 'ethereum' AND min_gas_price_gwei IS NOT NULL ORDER BY time`,
  );
  return rows.map((r) => ({
    timeMs: new Date(r.time as string | Date).getTime(),
    minGasPrice: Number(r.min_gas_price_gwei),
    avgGasPrice: Number(r.avg_gas_price_gwei ?? r.min_gas_price_gwei),
    maxGasPrice: Number(r.max_gas_price_gwei ?? r.min_gas_price_gwei),
    blockUtilisation: Number(r.utilisation ?? 0.5),
    gasUsed: Number(r.gas_used ?? 0),
    gasLimit: Number(r.gas_limit ?? 0),
    ethPrice: Number(r.eth_price ?? 0),
  }));
}

/** 5-minute-ahead MAE (gwei) of a forecaster over origins. */
async function holdoutMae(
  model: GasForecaster,
  s: GasSeries,
  columns: Map<string, Float64Array>,
  origins: number[],
): Promise<number> {
  const H = model.model.horizons;
  const { blend } = await model.logRatios(columns, origins);
  const err = origins.reduce((a, t, i) => a + Math.abs(s.minGas[t]! * Math.exp(blend[i * H]!) - s.minGas[t + 1]!), 0);
  return Number((err / origins.length).toFixed(6));
}

export async function retrainGas(o: RetrainGasOptions): Promise<RetrainOutcome> {
  const started = performance.now();
  const rows = await readGasRows(o.db);
  if (rows.length < 2_000)
    throw new InvalidInputError(
      `retrain gas: ${rows.length} Ethereum gas bins in the store, need 2000 (arbml import gas FILE)`,
    );
  const s = gasSeries(rows);
  const columns = gasFeatureColumns(s);
  const holdoutStart = Math.floor(s.length * 0.85);
  const model = await trainGasForecaster({
    series: s,
    columns,
    cutoff: holdoutStart - 1,
    seed: o.seed,
    horizons: 3,
    gbdt: { rounds: 100 },
    lstm: o.lstm === false ? false : { hidden: 16, layers: 2, seqLen: 24, epochs: 8, horizons: 3, ...o.lstm },
    onEpoch: (e) => o.onEpoch?.(e.epoch, e.trainLoss),
  });
  const candidate = new GasForecaster(model);
  const origins = Array.from({ length: s.length - 1 - holdoutStart }, (_, i) => holdoutStart + i).filter(
    (t) => t >= candidate.historyBins,
  );
  const cand = await holdoutMae(candidate, s, columns, origins);
  const baseline = Number(
    (origins.reduce((a, t) => a + Math.abs(s.minGas[t]! - s.minGas[t + 1]!), 0) / origins.length).toFixed(6),
  );
  const active = await activeModelVersion(o.db, 'gas');
  let current: number | null = null;
  if (active?.artefactPath) {
    try {
      const prior = new GasForecaster(
        gasForecasterFromJson(JSON.parse(readFileSync(join(active.artefactPath, CURRENT_FILES.gas[0]!), 'utf8'))),
      );
      current = await holdoutMae(
        prior,
        s,
        columns,
        origins.filter((t) => t >= prior.historyBins),
      );
    } catch {
      current = null;
    }
  }
  const promoted = beats({ candidate: cand, current, baseline, higherIsBetter: false });
  const text = JSON.stringify(model);
  const modelVersion = `gas-${model.trainingWindow.to.replace(/[-:]/g, '').slice(0, 15)}-${createHash('sha256').update(text).digest('hex').slice(0, 8)}`;
  const dir = storeArtefacts(o.modelsDir, 'gas', modelVersion, { [CURRENT_FILES.gas[0]!]: text });
  const row = await recordModelVersion(o.db, {
    kind: 'gas',
    trainedAt: new Date(),
    windowStart: new Date(model.trainingWindow.from),
    windowEnd: new Date(model.trainingWindow.to),
    features: model.features,
    artefactPath: dir,
    status: promoted ? 'active' : 'candidate',
    metrics: {
      model_version: modelVersion,
      holdout: 'last 15% of the 5-minute bins',
      holdout_origins: origins.length,
      holdout_mae_gwei_5min: cand,
      active_holdout_mae_gwei_5min: current,
      active_version: active?.version ?? null,
      persistence_mae_gwei_5min: baseline,
      validation: model.validation,
    },
  });
  if (promoted) publishArtefacts(o.modelsDir, 'gas', dir);
  return {
    kind: 'gas',
    registryVersion: row.version,
    modelVersion,
    metric: 'holdout 5-min MAE (gwei)',
    higherIsBetter: false,
    candidate: cand,
    current,
    currentVersion: active?.version ?? null,
    baseline,
    promoted,
    samples: s.length,
    artefactDir: dir,
    seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
  };
}
