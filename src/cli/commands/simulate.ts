/**
 * `arbml simulate --days N --seed S [--chains ethereum,polygon] [--cex FILE] [--gas FILE] [--metrics-port P] [--json]`:
 * the paper flash-arb runner with the heuristic decider over the market model, every opportunity logged to the
 * ledger (journaled while the database is unreachable), and the run summary (docs/metrics.md definitions).
 */
import type { Command } from 'commander';
import type { ArbmlConfig } from '../../core/config.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { runNode } from '../../bus/runNode.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import { loadMlDecider } from '../../decide/loadMlDecider.ts';
import { simulateToStore, type SimulateToStoreResult } from '../../exec/simulateToStore.ts';
import { createRunnerMetrics } from '../../monitor/metrics.ts';
import { startMetricsServer } from '../../monitor/metricsServer.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { openStore, type Store } from '../../store/openStore.ts';
import { configFromFlags, existingFile, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, warn } from '../output.ts';
import { createProgress } from '../progress.ts';

interface SimulateFlags extends CommonFlags {
  days: string;
  chains?: string;
  cex?: string;
  gas?: string;
  metricsPort?: string;
  flushRows?: string;
  paceMs?: string;
  decider: string;
  modelsDir?: string;
  bus?: string;
  namespace: string;
}

/** The simulate JSON contract (issue 4), plus run facts. */
export function simulateJson(r: SimulateToStoreResult, seconds: number): Record<string, unknown> {
  return {
    ...r.summary,
    rows_logged: r.rowsLogged,
    seconds: Number(seconds.toFixed(3)),
    blocks: r.blocks,
    run: r.runTag,
  };
}

/** A store opened on first use and re-opened after a failure, so an unreachable database only delays writes. */
export function lazyStore(config: Pick<ArbmlConfig, 'dbPath' | 'databaseUrl' | 'dbSchema'>) {
  let store: Store | undefined;
  const get = async (): Promise<Store> => (store ??= await openStore(config));
  return {
    get,
    insert: async (rows: readonly OpportunityRow[]) => (await get()).insertOpportunities(rows),
    close: async () => store?.close(),
  };
}

function positiveOrUndefined(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) throw new InvalidInputError(`${flag} must be a non-negative integer, got ${text}`);
  return n || undefined;
}

export function parseDays(text: string): number {
  const days = Number(text);
  if (!(days > 0) || !Number.isFinite(days)) throw new InvalidInputError(`--days must be a number > 0, got ${text}`);
  return days;
}

export function register(program: Command): void {
  withCommonOptions(
    program
      .command('simulate')
      .description('paper flash-arb runner over the market model (heuristic or ML decider); logs every opportunity')
      .option(
        '--decider <name>',
        'heuristic, or ml (the active slippage model, RL policy and gas forecaster in --models-dir)',
        'heuristic',
      )
      .option('--models-dir <dir>', 'models folder for --decider ml (default config modelsDir)')
      .option('--days <n>', 'simulated days', '7')
      .option('--seed <n>', 'run seed (default config seed, 1)')
      .option('--chains <list>', 'comma list of ethereum, polygon (default config chains)')
      .option('--cex <file>', 'replay these 1-minute klines as the CEX price')
      .option('--gas <file>', 'replay this 5-minute Ethereum gas file')
      .option('--metrics-port <port>', 'serve Prometheus /metrics on this port while running')
      .option('--flush-rows <n>', 'write the ledger to the database every N rows (default 20000)')
      .option('--pace-ms <ms>', 'sleep this long every 2,000 blocks: a run a dashboard can watch fill (default 0)')
      .option(
        '--bus <url>',
        'distributed form: publish the opportunities to NATS JetStream (nats://...) for `arbml node` strategies, executors and ledger writers, instead of writing the ledger here',
      )
      .option('--namespace <ns>', 'with --bus: subject and stream prefix', 'arbml'),
  ).action(async (flags: SimulateFlags) => {
    const config = configFromFlags(flags, {
      chains: flags.chains,
      ...(flags.modelsDir ? { modelsDir: flags.modelsDir } : {}),
    });
    const days = parseDays(flags.days);
    const cexFile = existingFile(flags.cex, '--cex');
    const gasFile = existingFile(flags.gas, '--gas');
    if (flags.decider !== 'heuristic' && flags.decider !== 'ml')
      throw new InvalidInputError(`--decider must be heuristic or ml, got ${flags.decider}`);
    if (flags.bus) {
      if (flags.decider !== 'heuristic')
        throw new InvalidInputError(
          '--bus publishes for bus strategies, which decide with the heuristic: drop --decider ml',
        );
      const controller = new AbortController();
      process.once('SIGTERM', () => controller.abort());
      process.once('SIGINT', () => controller.abort());
      const published = await runNode({
        role: 'collector',
        busUrl: flags.bus,
        namespace: flags.namespace,
        signal: controller.signal,
        config,
        chains: config.chains,
        seed: config.seed,
        days,
        cexFile,
        gasFile,
        log: info,
      });
      report({
        json: !!flags.json,
        result: published,
        human: (j) =>
          Object.entries(j)
            .map(([k, v]) => `${k.padEnd(20)} ${String(v)}`)
            .join('\n'),
      });
      return;
    }
    const ml = flags.decider === 'ml' ? loadMlDecider({ modelsDir: config.modelsDir, seed: config.seed, warn }) : null;
    if (ml)
      info(
        `simulate: ML decider with slippage ${ml.models.slippage ?? '-'}, RL ${ml.models.rl ?? '-'}, gas ${ml.models.gas ?? '-'}`,
      );
    const chains = config.chains;
    const metrics = createRunnerMetrics();
    const server = flags.metricsPort
      ? await startMetricsServer({ registry: metrics.registry, port: Number(flags.metricsPort) })
      : undefined;
    if (server) info(`simulate: metrics at ${server.url}`);
    const store = lazyStore(config);
    await store
      .get()
      .catch((e: unknown) =>
        warn(
          `database not reachable yet (${e instanceof Error ? e.message : String(e)}); rows go to ${config.journalPath} until it is`,
        ),
      );
    const started = performance.now();
    let progress: ReturnType<typeof createProgress> | undefined;
    try {
      const result = await simulateToStore({
        seed: config.seed,
        days,
        chains,
        cexFile,
        gasFile,
        decider: ml?.decider ?? new HeuristicDecider(),
        onBlock: ml?.onBlock,
        insert: store.insert,
        journalPath: config.journalPath,
        metrics,
        warn,
        flushRows: positiveOrUndefined(flags.flushRows, '--flush-rows'),
        paceMs: positiveOrUndefined(flags.paceMs, '--pace-ms'),
        onStart: (m) =>
          (progress = createProgress({ label: 'simulate', total: m.totalBlocks, enabled: config.progress })),
        onProgress: (n) => progress?.update(n),
      });
      progress?.stop();
      const json = simulateJson(result, (performance.now() - started) / 1000);
      report({
        json: !!flags.json,
        result: json,
        human: (j) =>
          Object.entries(j)
            .map(([k, v]) => `${k.padEnd(20)} ${String(v)}`)
            .join('\n'),
      });
    } finally {
      await store.close();
      await server?.close();
    }
  });
}
