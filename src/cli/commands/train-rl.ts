/**
 * `arbml train rl --episodes 10000 --seed S [--train-days 3] [--eval-days 1] [--out models/rl_policy.json] [--json]`:
 * Q-learning execution policy on episodes from the paper runner, the average reward every 100 episodes on stderr,
 * the policy file written, and the held-out comparison against the heuristic, ML-now and the hindsight oracle.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { RL_POLICY_FILE, writePolicyFile } from '../../decide/rl/policyFile.ts';
import { trainRl } from '../../decide/rl/trainRl.ts';
import { loadSlippagePredictorOrNull } from '../../slippage/loadSlippagePredictorOrNull.ts';
import { MODEL_FILE } from '../../slippage/slippagePredictor.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { recordTrainedModel } from '../recordTrainedModel.ts';
import { STATE_BINS } from '../../decide/rl/rlState.ts';
import { info, report, warn } from '../output.ts';

interface Flags extends CommonFlags {
  episodes: string;
  trainDays: string;
  evalDays: string;
  out?: string;
  modelsDir?: string;
  register: boolean;
}

function positiveInt(text: string, flag: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidInputError(`${flag} must be a positive integer, got ${text}`);
  return n;
}

export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'train')
      .command('rl')
      .description(
        'Q-learning execution policy (when, how much, which route) on paper-runner episodes; writes models/rl_policy.json',
      )
      .option('--episodes <n>', 'training episodes', '10000')
      .option(
        '--seed <n>',
        'seed of the training market run and of the agent (held-out: seed+1000, seed+1001; default config seed, 1)',
      )
      .option('--train-days <n>', 'simulated days of the training market run', '6')
      .option('--eval-days <n>', 'simulated days of each held-out market run', '1')
      .option(
        '--models-dir <dir>',
        'directory of model artefacts, slippage model read from it (default config modelsDir)',
      )
      .option('--out <file>', 'policy file to write (default <models-dir>/rl_policy.json)')
      .option('--no-register', 'do not record the policy in model_versions (the store of --db-path / --database-url)'),
  ).action(async (opts: Flags) => {
    const config = configFromFlags(opts, opts.modelsDir ? { modelsDir: opts.modelsDir } : {});
    const seed = config.seed;
    const episodes = positiveInt(opts.episodes, '--episodes');
    const trainDays = positiveInt(opts.trainDays, '--train-days');
    const evalDays = positiveInt(opts.evalDays, '--eval-days');
    const slipPath = join(config.modelsDir, MODEL_FILE);
    const slippage = existsSync(slipPath) ? loadSlippagePredictorOrNull(slipPath, warn) : null;
    const started = performance.now();
    const r = await trainRl({
      episodes,
      seed,
      trainDays,
      evalDays,
      slippage,
      onStage: (m) => info(`train rl: ${m} (${((performance.now() - started) / 1000).toFixed(1)} s)`),
      onCurvePoint: (n, avg) => info(`train rl: episode ${n}/${episodes} avg_reward ${avg.toFixed(6)} ETH`),
    });
    const out = opts.out ?? join(config.modelsDir, RL_POLICY_FILE);
    mkdirSync(dirname(out), { recursive: true });
    writePolicyFile(out, r.policyJson);
    const registryVersion = opts.register
      ? await recordTrainedModel({
          config,
          model: {
            kind: 'rl',
            trainedAt: new Date(),
            features: Object.keys(STATE_BINS),
            artefactPath: out,
            metrics: {
              seed,
              episodes,
              train_days: trainDays,
              eval: r.eval,
              pct_of_oracle: r.pct_of_oracle,
              avg_reward: r.curve.length ? r.curve[r.curve.length - 1]![1] : 0,
            },
          },
        })
      : null;
    const seconds = Number(((performance.now() - started) / 1000).toFixed(3));
    const result = {
      episodes: r.episodes,
      seconds,
      curve: r.curve,
      eval: r.eval,
      pct_of_oracle: r.pct_of_oracle,
      policy: out,
      training_episodes: r.trainingEpisodes,
      eval_episodes: r.evalEpisodes,
      slippage_model: r.slippageModel,
      registry_version: registryVersion,
    };
    report({
      json: opts.json ?? false,
      result,
      human: (x) =>
        [
          `trained ${x.episodes} episodes in ${x.seconds} s on ${x.training_episodes} generated; policy ${x.policy}`,
          ...Object.entries(x.eval).map(
            ([k, m]) =>
              `${k.padEnd(9)} total ${m.total_profit_eth.toFixed(4)} ETH  avg ${m.avg_profit_eth.toFixed(5)} ETH  success ${(m.success_rate * 100).toFixed(1)}%  executed ${m.executed}`,
          ),
          `RL / oracle: ${(x.pct_of_oracle * 100).toFixed(1)}%`,
        ].join('\n'),
    });
  });
}
