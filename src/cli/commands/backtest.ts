/**
 * `arbml backtest --days N --seed S [--cex FILE] [--gas FILE] [--train-days 14] [--retrain-every 7]
 * [--report FILE.html] [--json]`: the walk-forward backtest of the heuristic, the heuristic with ML slippage, the
 * full ML decider and the hindsight oracle on one market path (src/eval/backtest.ts).
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { DECIDER_NAMES, type BacktestResult } from '../../eval/backtestResult.ts';
import { runCliBacktest } from '../backtestRun.ts';
import { configFromFlags, existingFile, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';
import { parseDays } from './simulate.ts';

interface BacktestFlags extends CommonFlags {
  days: string;
  chains?: string;
  cex?: string;
  gas?: string;
  trainDays?: string;
  retrainEvery: string;
  rlEpisodes: string;
  report?: string;
  minNetEth: string;
  bidShare: string;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

export function formatBacktestTable(deciders: BacktestResult['deciders']): string {
  const head = `${'decider'.padEnd(12)} ${'executed'.padStart(8)} ${'slip MAE'.padStart(9)} ${'success'.padStart(8)} ${'FP'.padStart(7)} ${'avg ETH'.padStart(9)} ${'total ETH'.padStart(10)} ${'missed ETH'.padStart(11)} ${'% oracle'.padStart(9)}`;
  const lines = DECIDER_NAMES.map((n) => {
    const m = deciders[n];
    return `${n.padEnd(12)} ${String(m.executed).padStart(8)} ${(m.slippage_mae_bps === null ? '-' : m.slippage_mae_bps.toFixed(2)).padStart(9)} ${pct(m.success_rate).padStart(8)} ${pct(m.false_positive_rate).padStart(7)} ${m.avg_profit_eth.toFixed(5).padStart(9)} ${m.total_profit_eth.toFixed(4).padStart(10)} ${m.missed_profit_eth.toFixed(4).padStart(11)} ${pct(m.pct_of_oracle).padStart(9)}`;
  });
  return [head, ...lines].join('\n');
}

export function formatBacktest(r: BacktestResult): string {
  const window = `${new Date(r.evalStartMs).toISOString()} .. ${new Date(r.evalEndMs).toISOString()}`;
  return [
    `backtest: ${r.days} days, seed ${r.seed}, ${r.market} market, evaluated ${window}, ${r.retrains.length} retrain(s), ${r.seconds} s`,
    formatBacktestTable(r.deciders),
  ].join('\n');
}

export function register(program: Command): void {
  withCommonOptions(
    program
      .command('backtest')
      .description(
        'walk-forward backtest: heuristic, heuristic + ML slippage, full ML and the hindsight oracle on one market path',
      )
      .option('--days <n>', 'simulated days (the first --train-days only train the models)', '30')
      .option('--seed <n>', 'run seed (default config seed, 1)')
      .option('--chains <list>', 'comma list of ethereum, polygon (default config chains)')
      .option('--cex <file>', 'replay these 1-minute klines as the CEX price')
      .option('--gas <file>', 'replay this 5-minute Ethereum gas file')
      .option(
        '--train-days <n>',
        'days before the first retrain point (default 14, or half the path when it is shorter than 28 days)',
      )
      .option('--retrain-every <n>', 'days between retrain points', '7')
      .option('--rl-episodes <n>', 'Q-learning episodes per retrain', '10000')
      .option('--min-net-eth <x>', 'the ML decider executes only above this expected net profit, ETH', '0')
      .option('--bid-share <x>', "the ML decider's extra tip, share of the quoted net profit (0 = typical tip)", '0.05')
      .option('--report <file>', 'write the HTML report here'),
  ).action(async (flags: BacktestFlags) => {
    const config = configFromFlags(flags, { chains: flags.chains });
    const days = parseDays(flags.days);
    const cexFile = existingFile(flags.cex, '--cex');
    const gasFile = existingFile(flags.gas, '--gas');
    const trainDays = flags.trainDays === undefined ? undefined : parseDays(flags.trainDays);
    const every = parseDays(flags.retrainEvery);
    const rlEpisodes = Number(flags.rlEpisodes);
    if (!Number.isInteger(rlEpisodes) || rlEpisodes <= 0)
      throw new InvalidInputError(`--rl-episodes must be a positive integer, got ${flags.rlEpisodes}`);
    const mlMinNetEth = Number(flags.minNetEth);
    const bidShare = Number(flags.bidShare);
    if (!(mlMinNetEth >= 0)) throw new InvalidInputError(`--min-net-eth must be a number >= 0, got ${flags.minNetEth}`);
    if (!(bidShare >= 0 && bidShare < 1))
      throw new InvalidInputError(`--bid-share must be in [0, 1), got ${flags.bidShare}`);
    const run = await runCliBacktest({
      mlMinNetEth,
      bidShare,
      days,
      seed: config.seed,
      chains: config.chains,
      cexFile,
      gasFile,
      trainDays,
      retrainEveryDays: every,
      rlEpisodes,
      reportFile: flags.report,
      progress: config.progress,
    });
    const { days: d, seed, deciders } = run.result;
    report({
      json: !!flags.json,
      result: {
        days: d,
        seed,
        deciders,
        retrains: run.result.retrains.map((p) => ({ ...p, rl: { episodes: p.rl.episodes } })),
        seconds: run.result.seconds,
      },
      human: () => formatBacktest(run.result),
    });
  });
}
