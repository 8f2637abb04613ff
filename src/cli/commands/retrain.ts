/**
 * `arbml retrain [--every 7d] [--max-runs N] [--kinds slippage,gas,rl] [--json]`: retrains the slippage model (from
 * the ledger), the gas forecaster (from the store's gas rows) and the RL policy (market-model episodes), promoting
 * each only if it beats the active one on the same holdout. One-shot by default (cron-able); `--every` keeps
 * running and retrains on that interval until SIGINT / SIGTERM or --max-runs.
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { isModelKind, type ModelKind } from '../../train/artefacts.ts';
import { retrainAll, type RetrainReport } from '../../train/retrainAll.ts';
import { openStore } from '../../store/openStore.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';

interface Flags extends CommonFlags {
  every?: string;
  maxRuns?: string;
  kinds: string;
  modelsDir?: string;
  rlEpisodes: string;
  gasEpochs: string;
  rlDays: string;
}

const UNIT_MS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** `7d`, `12h`, `30m`, `10s` -> ms. */
export function parseInterval(text: string): number {
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(text.trim());
  if (!m || !(Number(m[1]) > 0))
    throw new InvalidInputError(`--every must be a number with a unit s, m, h or d (e.g. 7d), got ${text}`);
  return Number(m[1]) * UNIT_MS[m[2]!]!;
}

export function formatRetrain(r: RetrainReport): string {
  return Object.entries(r)
    .map(([kind, o]) =>
      'skipped' in o
        ? `${kind.padEnd(9)} skipped: ${o.skipped}`
        : `${kind.padEnd(9)} v${o.registryVersion} ${o.promoted ? 'PROMOTED' : 'kept active'}: ${o.metric} candidate ${o.candidate.toFixed(4)}, active ${o.current === null ? '-' : `${o.current.toFixed(4)} (v${o.currentVersion})`}, baseline ${o.baseline.toFixed(4)} (${o.seconds} s)`,
    )
    .join('\n');
}

export function register(program: Command): void {
  withCommonOptions(
    program
      .command('retrain')
      .description(
        'Retrain slippage (ledger), gas (store gas rows) and RL (market-model episodes); promote each only if it beats the active model on the same holdout',
      )
      .option('--every <interval>', 'keep running and retrain every interval, e.g. 7d, 12h, 30m')
      .option('--max-runs <n>', 'with --every: stop after this many retrains')
      .option('--kinds <list>', 'comma list of slippage, gas, rl', 'slippage,gas,rl')
      .option('--models-dir <dir>', 'models folder (default config modelsDir)')
      .option('--rl-episodes <n>', 'Q-learning episodes', '10000')
      .option('--rl-days <n>', 'simulated days of the RL training episodes', '6')
      .option('--gas-epochs <n>', 'LSTM epochs of the gas forecaster (0 = no LSTM)', '8'),
  ).action(async (flags: Flags) => {
    const config = configFromFlags(flags, flags.modelsDir ? { modelsDir: flags.modelsDir } : {});
    const kinds = flags.kinds.split(',').map((k) => k.trim());
    const bad = kinds.find((k) => !isModelKind(k));
    if (bad) throw new InvalidInputError(`--kinds: unknown model kind ${bad}`);
    const every = flags.every ? parseInterval(flags.every) : null;
    const maxRuns = flags.maxRuns ? Number(flags.maxRuns) : Infinity;
    if (!(maxRuns >= 1)) throw new InvalidInputError(`--max-runs must be >= 1, got ${flags.maxRuns}`);
    const epochs = Number(flags.gasEpochs);
    let stopping = false;
    let wake: (() => void) | null = null;
    const stop = (): void => {
      stopping = true;
      wake?.();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    const store = await openStore(config);
    try {
      for (let run = 1; ; run++) {
        const started = Date.now();
        info(`retrain: run ${run} at ${new Date(started).toISOString()}`);
        const r = await retrainAll({
          db: store.db,
          modelsDir: config.modelsDir,
          seed: config.seed,
          kinds: kinds as ModelKind[],
          rlEpisodes: Number(flags.rlEpisodes),
          rlTrainDays: Number(flags.rlDays),
          lstm: epochs > 0 ? { epochs } : false,
          onStage: (m) => info(m),
        });
        report({
          json: !!flags.json,
          result: { run, at: new Date(started).toISOString(), models: r },
          human: (x) => formatRetrain(x.models),
        });
        if (!every || run >= maxRuns || stopping) break;
        const due = started + every;
        info(`retrain: next run at ${new Date(due).toISOString()}`);
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, Math.max(0, due - Date.now()));
          wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
        if (stopping) break;
      }
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await store.close();
    }
  });
}
