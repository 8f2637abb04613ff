import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { gasFeatureColumns } from '../../gas/gasFeatures.ts';
import { binIndex } from '../../gas/gasSeries.ts';
import { loadGasFile } from '../../gas/loadGasFile.ts';
import { trainGasForecaster } from '../../gas/trainGasForecaster.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { recordTrainedModel } from '../recordTrainedModel.ts';
import { info, report, warn } from '../output.ts';

interface Flags extends CommonFlags {
  data: string;
  out: string;
  through?: string;
  threads: string;
  lstm: boolean;
  gbdt: boolean;
  register: boolean;
}

/** `arbml train gas`: fits the gas forecaster (ridge + LSTM blend) on a 5-minute gas file and writes its JSON. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'train')
      .command('gas')
      .description('Train the min-gas-price forecaster (5-50 min ahead) on a 5-minute gas CSV; writes a JSON model')
      .requiredOption('--data <file>', '5-minute gas CSV (e.g. $ARBML_DATA_DIR/gas/eth-5min-2021-11-26_2022-01-26.csv)')
      .option('--out <file>', 'model JSON to write', 'models/gas-forecaster.json')
      .option(
        '--through <utc>',
        'last bin usable as a training target, e.g. "2021-12-22 04:10:00" (default: the last bin)',
      )
      .option('--seed <n>', 'seed of initialisation and shuffling (default config seed, 1)')
      .option('--threads <n>', 'LSTM training threads (1 or 2)', '2')
      .option('--no-lstm', 'leave the LSTM out of the blend')
      .option('--no-gbdt', 'leave the gradient-boosted trees out of the blend')
      .option('--no-register', 'do not record the model in model_versions (the store of --db-path / --database-url)'),
  ).action(async (opts: Flags) => {
    const config = configFromFlags(opts);
    const seed = config.seed;
    if (opts.threads !== '1' && opts.threads !== '2')
      throw new InvalidInputError(`--threads must be 1 or 2, got ${opts.threads}`);
    const { series, rejected } = loadGasFile(opts.data);
    if (rejected.length)
      warn(`${rejected.length} rows rejected, first: ${rejected[0]!.file}:${rejected[0]!.line} ${rejected[0]!.reason}`);
    if (series.gaps.length) warn(`${series.gaps.length} gaps in the 5-minute series (lags span them)`);
    let cutoff = series.length - 1;
    if (opts.through) {
      cutoff = binIndex(series, Date.parse(opts.through.replace(' ', 'T') + 'Z'));
      if (cutoff < 0) throw new InvalidInputError(`--through ${opts.through}: no such 5-minute bin in ${opts.data}`);
    }
    info(`train gas: ${series.length} bins, targets through ${new Date(series.timeMs[cutoff]!).toISOString()}`);
    const model = await trainGasForecaster({
      series,
      columns: gasFeatureColumns(series),
      cutoff,
      seed,
      lstm: opts.lstm ? { threads: Number(opts.threads) as 1 | 2 } : false,
      gbdt: opts.gbdt ? {} : false,
      onEpoch: (e) =>
        info(
          `train gas: LSTM epoch ${e.epoch} train ${e.trainLoss.toFixed(4)} valid ${e.validLoss?.toFixed(4)} (${e.seconds.toFixed(1)} s)`,
        ),
    });
    mkdirSync(dirname(opts.out), { recursive: true });
    writeFileSync(opts.out, JSON.stringify(model));
    const registryVersion = opts.register
      ? await recordTrainedModel({
          config,
          model: {
            kind: 'gas',
            trainedAt: new Date(),
            windowStart: new Date(model.trainingWindow.from),
            windowEnd: new Date(model.trainingWindow.to),
            features: model.features,
            metrics: { source: opts.data, validation: model.validation, blend: model.blend },
            artefactPath: opts.out,
          },
        })
      : null;
    const result = {
      model: opts.out,
      rows: series.length,
      rejected: rejected.length,
      trainingWindow: model.trainingWindow,
      lstmBestEpoch: model.lstm?.bestEpoch ?? null,
      blend: model.blend,
      validation: model.validation,
      registry_version: registryVersion,
    };
    report({
      json: !!opts.json,
      result,
      human: (r) =>
        [
          `wrote ${r.model} (training window ${r.trainingWindow.from} .. ${r.trainingWindow.to})`,
          `held-out log-ratio RMSE h=1/2/3: blend ${fmt(r.validation.blendRmse)}, ridge ${fmt(r.validation.ridgeRmse)}, GBDT ${fmt(r.validation.gbdtRmse)}, LSTM ${fmt(r.validation.lstmRmse)}, persistence ${fmt(r.validation.persistenceRmse)}`,
          `blend weights ridge/GBDT/LSTM at h=1/2/3: ${r.blend
            .slice(0, 3)
            .map((b) => [b.ridge, b.gbdt, b.lstm].map((x) => x.toFixed(2)).join('/'))
            .join(', ')}`,
        ].join('\n'),
    });
  });
}

const fmt = (a: (number | null)[]): string =>
  a
    .slice(0, 3)
    .map((x) => (x === null ? '-' : x.toFixed(4)))
    .join('/');
