/**
 * `arbml node --role collector|strategy|executor|ledger|worker`: one role of the distributed runner on NATS
 * JetStream (see docs/scaling.md). Runs until its work ends (a collector) or SIGTERM/SIGINT, then finishes what it
 * holds, acknowledges it and exits 0. Prints its final counts (one JSON object with --json).
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import type { Chain } from '../../dex/types.ts';
import { ROLES, runNode, type Role } from '../../bus/runNode.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';

interface NodeFlags extends CommonFlags {
  role: string;
  bus: string;
  namespace: string;
  chain?: string;
  account?: string;
  days: string;
  metricsPort?: string;
  batchRows: string;
  messageBatch: string;
  ackWaitMs: string;
}

function int(name: string, text: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new InvalidInputError(`${name} must be an integer >= ${min}, got ${text}`);
  return n;
}

export function register(program: Command): void {
  withCommonOptions(
    program
      .command('node')
      .description(
        'run one role of the distributed runner on NATS JetStream (collector, strategy, executor, ledger, worker)',
      )
      .requiredOption('--role <role>', ROLES.join(' | '))
      .option('--bus <url>', 'NATS server', process.env.ARBML_BUS_URL ?? 'nats://127.0.0.1:4222')
      .option('--namespace <ns>', 'subject and stream prefix', 'arbml')
      .option('--chain <chain>', 'collector / executor: the chain (ethereum, polygon)')
      .option('--account <name>', 'executor: the account it sends for; strategy: the account decisions go to', 'paper')
      .option('--seed <n>', 'collector: market seed')
      .option('--days <n>', 'collector: simulated days', '1')
      .option('--metrics-port <port>', 'serve /metrics on this port (0 = any free port)')
      .option('--batch-rows <n>', 'ledger: rows per COPY batch', '5000')
      .option(
        '--message-batch <n>',
        'ledger: opportunities per message the publishers send (sizes the pull-ahead)',
        '1',
      )
      .option('--ack-wait-ms <ms>', 'redeliver a message held unacknowledged this long', '30000'),
  ).action(async (opts: NodeFlags) => {
    if (!ROLES.includes(opts.role as Role))
      throw new InvalidInputError(`--role must be one of ${ROLES.join(', ')}, got ${opts.role}`);
    if (opts.chain && !['ethereum', 'polygon'].includes(opts.chain))
      throw new InvalidInputError(`--chain must be ethereum or polygon, got ${opts.chain}`);
    const config = configFromFlags(opts);
    const controller = new AbortController();
    const stop = (signal: string): void => {
      info(`${opts.role}: ${signal}, finishing what it holds`);
      controller.abort();
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    const result = await runNode({
      role: opts.role as Role,
      busUrl: opts.bus,
      namespace: opts.namespace,
      signal: controller.signal,
      config,
      chain: opts.chain as Chain | undefined,
      account: opts.account,
      seed: config.seed,
      days: Number(opts.days),
      metricsPort: opts.metricsPort === undefined ? undefined : int('--metrics-port', opts.metricsPort, 0),
      batchRows: int('--batch-rows', opts.batchRows, 1),
      messageBatch: int('--message-batch', opts.messageBatch, 1),
      ackWaitMs: int('--ack-wait-ms', opts.ackWaitMs, 100),
      log: info,
    });
    report({
      json: !!opts.json,
      result: { role: opts.role, ...result },
      human: (r) => `${opts.role} done: ${JSON.stringify(r)}`,
    });
  });
}
