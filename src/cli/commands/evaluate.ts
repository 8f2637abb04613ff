/**
 * `arbml evaluate --seeds N --days D [--scenario S ...] [--cex FILE --gas FILE] [--workers W] [--report F.html]
 * [--json]`: every decider (baselines heuristic, heuristic_bid, greedy; ml_slippage, ml, ml_filter) on N seeds, each
 * its own walk-forward backtest, over worker processes; per decider the mean and 95% interval over seeds, ML
 * against the best baseline as a paired per-seed ratio, per stress scenario the same ratio (src/eval).
 */
import { runJobsOnBus } from '../../bus/runJobsOnBus.ts';
import { appendFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { aggregateSeeds, type ScenarioSummary } from '../../eval/aggregateSeeds.ts';
import type { EvaluateConfig, SeedResult } from '../../eval/evaluateSeed.ts';
import { writeEvaluateReport } from '../../eval/report/renderEvaluateReport.ts';
import { runSeedJobs, type SeedJob } from '../../eval/runSeedJobs.ts';
import { scenarioByName } from '../../eval/scenarios.ts';
import { configFromFlags, existingFile, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';
import { parseDays } from './simulate.ts';

interface EvaluateFlags extends CommonFlags {
  seeds: string;
  days: string;
  scenario: string[];
  chains?: string;
  cex?: string;
  gas?: string;
  trainDays?: string;
  retrainEvery: string;
  rlEpisodes: string;
  bidShare: string;
  workers?: string;
  namespace: string;
  lstm: boolean;
  report?: string;
  saveSeeds?: string;
}

const positiveInt = (v: string, flag: string, min = 1): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new InvalidInputError(`${flag} must be an integer >= ${min}, got ${v}`);
  return n;
};
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const iv = (x: { mean: number; ci95: [number, number] }, f: (v: number) => string): string =>
  `${f(x.mean)} [${f(x.ci95[0])}, ${f(x.ci95[1])}]`;

export function formatEvaluate(s: ScenarioSummary, scenarios: Record<string, ScenarioSummary>): string {
  const eth = (v: number): string => v.toFixed(3);
  const lines = Object.entries(s.deciders).map(
    ([n, d]) =>
      `${n.padEnd(14)} ${iv(d.total_profit_eth, eth).padEnd(26)} ${iv(d.success_rate, pct).padEnd(24)} ${iv(d.false_positive_rate, pct).padEnd(24)} ${iv(d.pct_of_bound, pct)}`,
  );
  const r = s.ml_vs_best_baseline;
  return [
    `${'decider'.padEnd(14)} ${'total ETH [95% CI]'.padEnd(26)} ${'success'.padEnd(24)} ${'false positives'.padEnd(24)} % of bound`,
    ...lines,
    `ml vs best baseline (${r.baseline}): profit ratio ${iv(r.profit_ratio, (v) => v.toFixed(3))} over ${r.seeds} seeds; bound respected: ${s.bound_respected}`,
    ...Object.entries(scenarios).map(
      ([n, x]) =>
        `scenario ${n}: ml vs ${x.ml_vs_best_baseline.baseline} ${iv(x.ml_vs_best_baseline.profit_ratio, (v) => v.toFixed(3))}`,
    ),
  ].join('\n');
}

export function register(program: Command): void {
  withCommonOptions(
    program
      .command('evaluate')
      .description('every decider on many seeds with 95% intervals, fair baselines, a path bound and stress scenarios')
      .option('--seeds <n>', 'seeds to run (from --seed on)', '10')
      .option('--days <n>', 'simulated days per seed', '7')
      .option('--seed <n>', 'first seed (default config seed, 1)')
      .option(
        '--scenario <name>',
        'a stress scenario to add (repeatable; default is always run)',
        (v: string, a: string[]) => [...a, v],
        [] as string[],
      )
      .option('--chains <list>', 'comma list of ethereum, polygon (default config chains)')
      .option('--cex <file>', 'replay these 1-minute klines as the CEX price')
      .option('--gas <file>', 'replay this 5-minute Ethereum gas file')
      .option('--train-days <n>', 'days before the first retrain point (default: the backtest rule)')
      .option('--retrain-every <n>', 'days between retrain points', '7')
      .option('--rl-episodes <n>', 'Q-learning episodes per retrain', '10000')
      .option('--bid-share <x>', 'fee bid of ml, greedy and heuristic_bid, share of quoted net profit', '0.05')
      .option(
        '--workers <n|url>',
        'worker processes (default: one per core; 0 = in this process), or nats://host:port to hand the seeds to `arbml node --role worker` processes on that bus',
      )
      .option('--namespace <ns>', 'with --workers nats://...: the bus namespace', 'arbml')
      .option('--no-lstm', 'train the gas forecaster without its LSTM (faster)')
      .option('--report <file>', 'write the HTML report here')
      .option('--save-seeds <file>', 'write each per-seed result here as it finishes (JSON lines)'),
  ).action(async (flags: EvaluateFlags) => {
    const config = configFromFlags(flags, { chains: flags.chains });
    const seeds = positiveInt(flags.seeds, '--seeds');
    const days = parseDays(flags.days);
    const busUrl = flags.workers?.startsWith('nats://') ? flags.workers : undefined;
    const workers = flags.workers === undefined || busUrl ? undefined : positiveInt(flags.workers, '--workers', 0);
    const rlEpisodes = positiveInt(flags.rlEpisodes, '--rl-episodes');
    const bidShare = Number(flags.bidShare);
    if (!(bidShare >= 0 && bidShare < 1))
      throw new InvalidInputError(`--bid-share must be in [0, 1), got ${flags.bidShare}`);
    const names = ['default', ...flags.scenario.filter((s) => s !== 'default')];
    for (const n of names) scenarioByName(n);
    const base: Omit<EvaluateConfig, 'scenario'> = {
      days,
      chains: config.chains,
      cexFile: existingFile(flags.cex, '--cex'),
      gasFile: existingFile(flags.gas, '--gas'),
      trainDays: flags.trainDays === undefined ? undefined : parseDays(flags.trainDays),
      retrainEveryDays: parseDays(flags.retrainEvery),
      rlEpisodes,
      bidShare,
      lstm: flags.lstm,
    };
    const jobs: SeedJob[] = names.flatMap((scenario) =>
      Array.from({ length: seeds }, (_, i) => ({ config: { ...base, scenario }, seed: config.seed + i })),
    );
    if (flags.saveSeeds) writeFileSync(flags.saveSeeds, '');
    const started = performance.now();
    const onDone = (job: SeedJob, r: SeedResult, done: number, eta: number): void => {
      if (flags.saveSeeds) appendFileSync(flags.saveSeeds, JSON.stringify(r) + '\n');
      const d = r.deciders;
      info(
        `evaluate: ${done}/${jobs.length} ${job.config.scenario} seed ${job.seed} in ${r.seconds} s: ml ${d.ml!.total_profit_eth.toFixed(3)} ETH, greedy ${d.greedy!.total_profit_eth.toFixed(3)}, heuristic ${d.heuristic!.total_profit_eth.toFixed(3)}; ETA ${Math.round(eta)} s`,
      );
    };
    const results = busUrl
      ? await runJobsOnBus<SeedJob, SeedResult>({
          busUrl,
          namespace: flags.namespace,
          fn: 'evaluate-seed',
          args: jobs,
          onDone: (i, r, done) =>
            onDone(
              jobs[i]!,
              r as SeedResult,
              done,
              ((performance.now() - started) / 1000 / done) * (jobs.length - done),
            ),
        })
      : await runSeedJobs({ jobs, workers, onDone });
    const byScenario = (n: string): SeedResult[] => results.filter((r) => r.scenario === n);
    const main = aggregateSeeds(byScenario('default'));
    const scenarios = Object.fromEntries(names.map((n) => [n, aggregateSeeds(byScenario(n))]));
    const seconds = Number(((performance.now() - started) / 1000).toFixed(1));
    if (flags.report) {
      writeEvaluateReport(flags.report, { summary: main, scenarios, seeds: results, days, seconds });
      info(`evaluate: report written to ${flags.report}`);
    }
    report({
      json: !!flags.json,
      result: {
        seeds,
        days,
        deciders: main.deciders,
        ml_vs_best_baseline: {
          baseline: main.ml_vs_best_baseline.baseline,
          profit_ratio: main.ml_vs_best_baseline.profit_ratio,
        },
        seed_table: main.seed_table,
        bound_respected: results.every((r) => r.bound_respected),
        scenarios: Object.fromEntries(
          Object.entries(scenarios).map(([n, s]) => [
            n,
            {
              ml_vs_best_baseline: {
                baseline: s.ml_vs_best_baseline.baseline,
                profit_ratio: s.ml_vs_best_baseline.profit_ratio,
              },
              seeds: s.seeds,
            },
          ]),
        ),
        slippage: {
          p50: main.slippage.p50,
          p90: main.slippage.p90,
          p99: main.slippage.p99,
          holdout_mae_bps: main.slippage.mae_bps,
        },
        seconds,
      },
      human: () =>
        `evaluate: ${seeds} seeds x ${days} days, ${names.length} scenario(s), ${seconds} s\n${formatEvaluate(main, scenarios)}`,
    });
  });
}
