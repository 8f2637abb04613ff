/**
 * `arbml calibrate [--data DIR] [--seed N] [--market-days N] [--json]`: every market-model statistic beside the same
 * statistic on the real data, with its tolerance and whether it is met (src/market/CALIBRATION.md). The model
 * side uses the committed defaults (src/market/defaultParams.ts) and a fixed seed. Exits 1 if any is not ok.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../core/config.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { calibrate } from '../../market/calibration/calibrate.ts';
import { info, report } from '../output.ts';

interface CalibrateFlags {
  data?: string;
  config?: string;
  seed: string;
  marketDays: string;
  json?: boolean;
}

export function register(program: Command): void {
  program
    .command('calibrate')
    .description('compare the market model with the real data: each statistic, its tolerance, ok or not')
    .option('--data <dir>', 'real data folder (default: config dataDir, env ARBML_DATA_DIR)')
    .option('--config <file>', 'JSON config file (default arbml.config.json when present)')
    .option('--seed <n>', 'seed of the model side', '1')
    .option('--market-days <n>', 'days of the market run measuring flows, lifetimes and tips', '7')
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .action((flags: CalibrateFlags) => {
      const { dataDir } = loadConfig({ file: flags.config, flags: { dataDir: flags.data } });
      if (!dataDir) throw new InvalidInputError('calibrate needs the real data: pass --data DIR or set ARBML_DATA_DIR');
      if (!existsSync(dataDir)) throw new InvalidInputError(`real data folder not found: ${dataDir}`);
      const seed = Number(flags.seed);
      const marketDays = Number(flags.marketDays);
      if (!Number.isInteger(seed)) throw new InvalidInputError(`--seed must be an integer, got ${flags.seed}`);
      if (!(marketDays > 0)) throw new InvalidInputError(`--market-days must be > 0, got ${flags.marketDays}`);
      const started = Date.now();
      const result = calibrate({
        dataDir,
        seed,
        marketDays,
        onStep: (m) => info(`calibrate: ${m} (${((Date.now() - started) / 1000).toFixed(1)} s)`),
      });
      report({
        json: !!flags.json,
        result,
        human: (r) =>
          [
            `${'statistic'.padEnd(40)}${'real'.padStart(12)}${'model'.padStart(12)}${'tolerance'.padStart(12)}  ok`,
            ...r.stats.map(
              (s) => `${s.name.padEnd(40)}${fmt(s.real)}${fmt(s.model)}${fmt(s.tolerance)}  ${s.ok ? 'ok' : 'NOT OK'}`,
            ),
            `${r.stats.filter((s) => s.ok).length}/${r.stats.length} ok (seed ${r.seed}, ${r.rejected_rows} real rows rejected)`,
          ].join('\n'),
      });
      if (result.stats.some((s) => !s.ok)) process.exitCode = 1;
    });
}

function fmt(x: number): string {
  return x.toPrecision(4).padStart(12);
}
