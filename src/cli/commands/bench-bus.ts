import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchBus } from '../../bus/benchBus.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';

interface BenchBusFlags extends CommonFlags {
  bus?: string;
  strategies: string;
  ledgerWriters: string;
  count: string;
  rate: string;
  latencySeconds: string;
  batchRows: string;
  messageBatch: string;
}

function positive(name: string, text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidInputError(`${name} must be a positive integer, got ${text}`);
  return n;
}

/** `arbml bench bus`: opportunities/s through strategy and executor into the ledger, and publish-to-decision/row latency. */
export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'bench')
      .command('bus')
      .description(
        'Run the distributed pipeline (private nats-server or --bus, strategy, executor and ledger processes, a fresh ' +
          'PostgreSQL schema): opportunities/s into the ledger, p99 publish-to-decision and publish-to-row latency, lost and duplicated rows',
      )
      .option('--bus <url>', 'NATS server to use (default: a private nats-server on a free loopback port)')
      .option('--strategies <n>', 'strategy processes', '1')
      .option('--ledger-writers <n>', 'ledger writer processes', '1')
      .option('--count <n>', 'opportunities in the throughput phase', '100000')
      .option('--rate <n>', 'opportunities per second in the latency phase', '1000')
      .option('--latency-seconds <n>', 'length of the latency phase', '5')
      .option('--batch-rows <n>', 'rows per ledger COPY batch', '5000')
      .option('--message-batch <n>', 'opportunities per bus message (1 = one message each)', '1')
      .option('--seed <n>', 'seed of the synthetic opportunities', '1'),
  ).action(async (opts: BenchBusFlags) => {
    const config = configFromFlags(opts);
    positive('--strategies', opts.strategies);
    positive('--ledger-writers', opts.ledgerWriters);
    if (!config.databaseUrl)
      throw new InvalidInputError('bench bus needs PostgreSQL: set DATABASE_URL or --database-url');
    const result = await benchBus({
      databaseUrl: config.databaseUrl,
      busUrl: opts.bus,
      strategies: positive('--strategies', opts.strategies),
      ledgerWriters: positive('--ledger-writers', opts.ledgerWriters),
      count: positive('--count', opts.count),
      rate: positive('--rate', opts.rate),
      latencySeconds: positive('--latency-seconds', opts.latencySeconds),
      batchRows: positive('--batch-rows', opts.batchRows),
      messageBatch: positive('--message-batch', opts.messageBatch),
      seed: config.seed,
      timescale: config.timescale !== 'off',
      log: info,
    });
    report({
      json: !!opts.json,
      result,
      human: (r) =>
        [
          `${r.strategies} strategies, ${r.ledger_writers} ledger writers: ${r.opportunities_per_s.toLocaleString('en-US')} opportunities/s into the ledger`,
          `decision latency p50 ${r.decision_p50_ms} ms, p99 ${r.decision_p99_ms} ms; committed row p50 ${r.commit_p50_ms} ms, p99 ${r.commit_p99_ms} ms (at ${r.latency_rate_per_s}/s)`,
          `published ${r.published}, ledger rows ${r.ledger_rows}, lost ${r.lost}, duplicated ${r.duplicated}`,
        ].join('\n'),
    });
  });
}
