import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchGbdt, type BenchGbdtResult } from '../../ml/gbdt/bench/benchGbdt.ts';
import { syntheticMatrix } from '../../slippage/syntheticMatrix.ts';
import { commandGroup } from '../group.ts';
import { info, report, warn } from '../output.ts';

function human(r: BenchGbdtResult): string {
  const a = r.arbml;
  const lines = [
    `rows ${r.rows} (80% train, 20% holdout), 100 rounds, depth 6`,
    `arbml:   train ${a.train_s.toFixed(3)} s, predict ${Math.round(a.predict_rows_per_s)} rows/s, RMSE ${a.rmse.toFixed(4)}, single row p99 ${a.single_row_p99_us.toFixed(2)} us`,
  ];
  if (r.xgboost) {
    const x = r.xgboost;
    lines.push(
      `xgboost: train ${x.train_s.toFixed(3)} s, predict ${Math.round(x.predict_rows_per_s)} rows/s, RMSE ${x.rmse.toFixed(4)}`,
    );
    lines.push(
      `train ratio ${r.train_ratio!.toFixed(3)} (target <= 1.25), predict ratio ${r.predict_ratio!.toFixed(3)} (target >= 1.0), RMSE ratio ${r.rmse_ratio!.toFixed(5)}`,
    );
  } else {
    lines.push(`xgboost side skipped: ${r.skipped}`);
  }
  return lines.join('\n');
}

/** `arbml bench gbdt`: our gradient-boosted trees against Python XGBoost in the same run. */
export function register(program: Command): void {
  commandGroup(program, 'bench')
    .command('gbdt')
    .description('GBDT training/prediction speed and holdout RMSE against XGBoost (hist, 1 thread), same data')
    .option('--rows <n>', 'rows of seeded synthetic slippage data (80% train)', '100000')
    .option('--seed <n>', 'data seed', '1')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: { rows: string; seed: string; json?: boolean }) => {
      const rows = Number(opts.rows);
      const seed = Number(opts.seed);
      if (!Number.isInteger(rows) || rows < 100)
        throw new InvalidInputError(`--rows must be an integer >= 100, got ${opts.rows}`);
      if (!Number.isInteger(seed) || seed < 0)
        throw new InvalidInputError(`--seed must be a non-negative integer, got ${opts.seed}`);
      info(`bench gbdt: generating ${rows} synthetic slippage rows (seed ${seed})`);
      const { matrix, labels } = syntheticMatrix({ rows, seed });
      const result = await benchGbdt({
        matrix,
        labels,
        trainRows: Math.floor(rows * 0.8),
        onStep: (m) => info(`bench gbdt: ${m}`),
      });
      if (result.skipped) warn(`xgboost side skipped: ${result.skipped}`);
      report({ json: !!opts.json, result, human });
    });
}
