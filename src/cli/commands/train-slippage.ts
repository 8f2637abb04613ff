/**
 * `arbml train slippage [--days 30] [--min-samples 50] [--rounds 100] [--models-dir DIR] [--json]`: trains the
 * slippage model on the ledger's executed opportunities, saves `slippage_xgb.json` (+ meta) under the models
 * directory, records the version in `model_versions`, and reports holdout MAE against the static 50 bps
 * assumption and the linear baseline, with the target's distribution (stderr) so the figure reads honestly.
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { trainSlippageFromLedger } from '../../slippage/trainSlippageFromLedger.ts';
import { openStore } from '../../store/openStore.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, warn } from '../output.ts';

interface Flags extends CommonFlags {
  days: string;
  minSamples: string;
  rounds: string;
  modelsDir?: string;
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1) throw new InvalidInputError(`${flag} must be a positive integer, got ${text}`);
  return n;
}

export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'train')
      .command('slippage')
      .description(
        'Train the slippage model (GBDT, XGBoost JSON) on executed ledger opportunities and record it in model_versions',
      )
      .option('--days <n>', 'days of ledger back from its newest row', '30')
      .option('--min-samples <n>', 'refuse to train on fewer executed rows with actual slippage', '50')
      .option('--rounds <n>', 'boosting rounds', '100')
      .option('--seed <n>', 'holdout split and subsampling seed (default config seed, 1)')
      .option('--models-dir <dir>', 'where to write slippage_xgb.json (default config modelsDir)'),
  ).action(async (flags: Flags) => {
    const config = configFromFlags(flags, flags.modelsDir ? { modelsDir: flags.modelsDir } : {});
    const days = Number(flags.days);
    if (!(days > 0) || !Number.isFinite(days))
      throw new InvalidInputError(`--days must be a number > 0, got ${flags.days}`);
    const minSamples = positiveInt(flags.minSamples, '--min-samples');
    const rounds = positiveInt(flags.rounds, '--rounds');
    const store = await openStore(config);
    try {
      info(`train slippage: reading executed opportunities of the last ${days} days from ${store.location}`);
      const r = await trainSlippageFromLedger({
        db: store.db,
        days,
        minSamples,
        rounds,
        modelsDir: config.modelsDir,
        seed: config.seed,
      });
      if (r.rejected) warn(`${r.rejected} ledger rows rejected, first: ${r.rejections[0]}`);
      const t = r.target;
      info(
        `train slippage: target actual_slippage_bps over ${r.samples} rows: mean ${t.mean_bps.toFixed(3)}, mean |x| (MAE of predicting 0) ${t.mean_abs_bps.toFixed(3)}, exact zeros ${(t.zero_share * 100).toFixed(1)}%,` +
          ` p50 ${t.p50_bps.toFixed(3)}, p95 ${t.p95_bps.toFixed(3)}, p99 ${t.p99_bps.toFixed(3)}, max ${t.max_bps.toFixed(3)}`,
      );
      const result = {
        samples: r.samples,
        holdout_mae_bps: r.holdout_mae_bps,
        static_mae_bps: r.static_mae_bps,
        linear_mae_bps: r.linear_mae_bps,
        version: r.version,
        path: r.path,
        registry_version: r.registry_version,
        status: r.status,
        rejected: r.rejected,
        window: r.window,
        target: r.target,
      };
      report({
        json: !!flags.json,
        result,
        human: (j) =>
          [
            `wrote ${j.path} (${j.version}, model_versions slippage #${j.registry_version}, ${j.status})`,
            `trained on ${j.samples} executed opportunities ${j.window.from} .. ${j.window.to} (${j.rejected} rejected)`,
            `holdout MAE ${j.holdout_mae_bps.toFixed(3)} bps; static 50 bps ${j.static_mae_bps.toFixed(3)} bps; linear ${j.linear_mae_bps.toFixed(3)} bps`,
          ].join('\n'),
      });
    } finally {
      await store.close();
    }
  });
}
