import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { butlerCraneEval, type ButlerCraneReport } from '../../gas/butlerCraneEval.ts';
import { loadGasFile } from '../../gas/loadGasFile.ts';
import { readEvalPoints } from '../../gas/readEvalPoints.ts';
import { commandGroup } from '../group.ts';
import { info, report, warn } from '../output.ts';

interface Flags {
  protocol: string;
  data: string;
  points?: string;
  seed: string;
  threads: string;
  lstm: boolean;
  gbdt: boolean;
  json?: boolean;
}

const pointsFile = 'butler-crane-eval-points.csv';

function human(r: ButlerCraneReport): string {
  const f = (a: number[]): string => a.map((x) => x.toFixed(2)).join(' / ');
  const lines = [`RMSE in gwei at ${r.horizons_min.join(', ')} min (mean of the two windows; per window below)`];
  for (const [set, s] of Object.entries(r.sets)) {
    lines.push(`${set}: model ${f(s.model.rmse)}`, `${' '.repeat(set.length)}  persistence ${f(s.persistence.rmse)}`);
    for (const w of s.windows)
      lines.push(
        `  window ${w.window}: model ${f(w.model.rmse.slice(0, 3))}  persistence ${f(w.persistence.rmse.slice(0, 3))} (h=1..3)`,
      );
  }
  return lines.join('\n');
}

/** `arbml eval gas --protocol butler-crane`: the paper's protocol on its own evaluation points. */
export function register(program: Command): void {
  commandGroup(program, 'eval')
    .command('gas')
    .description(
      "Evaluate the gas forecaster under a fixed protocol (butler-crane: the paper's two test sets and windows)",
    )
    .requiredOption('--protocol <name>', 'evaluation protocol (butler-crane)')
    .requiredOption('--data <file>', '5-minute gas CSV')
    .option('--points <file>', `evaluation points CSV (default: ${pointsFile} beside --data)`)
    .option('--seed <n>', 'seed of initialisation and shuffling', '1')
    .option('--threads <n>', 'LSTM training threads (1 or 2)', '2')
    .option('--no-lstm', 'leave the LSTM out of the blend')
    .option('--no-gbdt', 'leave the gradient-boosted trees out of the blend')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: Flags) => {
      if (opts.protocol !== 'butler-crane')
        throw new InvalidInputError(`--protocol: only butler-crane is defined, got ${opts.protocol}`);
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0)
        throw new InvalidInputError(`--seed must be a non-negative integer, got ${opts.seed}`);
      if (opts.threads !== '1' && opts.threads !== '2')
        throw new InvalidInputError(`--threads must be 1 or 2, got ${opts.threads}`);
      if (!existsSync(opts.data)) throw new InvalidInputError(`gas file not found: ${opts.data}`);
      const points = opts.points ?? join(dirname(opts.data), pointsFile);
      if (!existsSync(points)) throw new InvalidInputError(`evaluation points not found: ${points} (pass --points)`);
      const { series, rejected } = loadGasFile(opts.data);
      if (rejected.length)
        warn(
          `${rejected.length} gas rows rejected, first: ${rejected[0]!.file}:${rejected[0]!.line} ${rejected[0]!.reason}`,
        );
      const evalPoints = readEvalPoints(points);
      if (evalPoints.errors.length)
        warn(
          `${evalPoints.errors.length} evaluation points rejected, first: ${evalPoints.errors[0]!.file}:${evalPoints.errors[0]!.line} ${evalPoints.errors[0]!.reason}`,
        );
      info(`eval gas: ${series.length} bins, ${evalPoints.points.length} evaluation points`);
      const result = await butlerCraneEval({
        series,
        points: evalPoints.points,
        seed,
        lstm: opts.lstm ? { threads: Number(opts.threads) as 1 | 2 } : false,
        gbdt: opts.gbdt ? {} : false,
        onModel: (m) => info(`eval gas: ${m}`),
        onEpoch: (e) =>
          info(`eval gas:   LSTM epoch ${e.epoch} valid ${e.validLoss?.toFixed(4)} (${e.seconds.toFixed(1)} s)`),
      });
      report({ json: !!opts.json, result, human });
    });
}
