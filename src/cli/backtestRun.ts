/**
 * The backtest as a CLI step (`arbml backtest` and the demo): one progress bar per market run, a line per stage,
 * and the report file written when asked.
 */
import type { Chain } from '../dex/types.ts';
import { backtest, type BacktestRun } from '../eval/backtest.ts';
import { writeBacktestReport } from '../eval/report/renderBacktestReport.ts';
import { createMarket } from '../market/market.ts';
import { info } from './output.ts';
import { createProgress, type Progress } from './progress.ts';

export interface CliBacktestOptions {
  days: number;
  seed: number;
  chains: readonly Chain[];
  cexFile?: string;
  gasFile?: string;
  trainDays?: number;
  retrainEveryDays?: number;
  rlEpisodes?: number;
  mlMinNetEth?: number;
  bidShare?: number;
  reportFile?: string;
  progress: boolean;
  label?: string;
}

export async function runCliBacktest(o: CliBacktestOptions): Promise<BacktestRun> {
  const label = o.label ?? 'backtest';
  let bar: { name: string; p: Progress } | null = null;
  const stop = (): void => {
    bar?.p.stop();
    bar = null;
  };
  const run = await backtest({
    market: () =>
      createMarket({ seed: o.seed, days: o.days, chains: o.chains, cexFile: o.cexFile, gasFile: o.gasFile }),
    days: o.days,
    seed: o.seed,
    trainDays: o.trainDays,
    retrainEveryDays: o.retrainEveryDays,
    rlEpisodes: o.rlEpisodes,
    chains: o.chains,
    mlMinNetEth: o.mlMinNetEth,
    bidShare: o.bidShare,
    marketKind: o.cexFile || o.gasFile ? 'replay' : 'model',
    onStage: (m) => {
      stop();
      info(`${label}: ${m}`);
    },
    onProgress: (name, n, total) => {
      if (bar?.name !== name) {
        stop();
        bar = { name, p: createProgress({ label: `${label} ${name}`, total, enabled: o.progress }) };
      }
      bar.p.update(n);
    },
  });
  stop();
  if (o.reportFile) {
    writeBacktestReport(o.reportFile, run.result);
    info(`${label}: report written to ${o.reportFile}`);
  }
  return run;
}
