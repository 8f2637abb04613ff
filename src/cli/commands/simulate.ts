/**
 * `arbml simulate --days N --seed S [--chains ethereum,polygon] [--cex FILE] [--gas FILE] [--metrics-port P] [--json]`:
 * the paper flash-arb runner with the heuristic decider over the market model, every opportunity logged to the
 * ledger (journaled while the database is unreachable), and the run summary (DESIGN.md definitions).
 */
import type { Command } from 'commander';
import type { ArbmlConfig } from '../../core/config.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { Chain } from '../../dex/types.ts';
import { simulateToStore, type SimulateToStoreResult } from '../../exec/simulateToStore.ts';
import { createRunnerMetrics } from '../../monitor/metrics.ts';
import { startMetricsServer } from '../../monitor/metricsServer.ts';
import type { OpportunityRow } from '../../store/opportunities.ts';
import { openStore, type Store } from '../../store/openStore.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, warn } from '../output.ts';
import { createProgress } from '../progress.ts';

interface SimulateFlags extends CommonFlags {
  days: string;
  chains?: string;
  cex?: string;
  gas?: string;
  metricsPort?: string;
}

/** The simulate JSON contract (issue 4), plus run facts. */
export function simulateJson(r: SimulateToStoreResult, seconds: number): Record<string, unknown> {
  return { ...r.summary, rows_logged: r.rowsLogged, seconds: Number(seconds.toFixed(3)), blocks: r.blocks, run: r.runTag };
}

/** A store opened on first use and re-opened after a failure, so an unreachable database only delays writes. */
export function lazyStore(config: Pick<ArbmlConfig, 'dbPath' | 'databaseUrl'>) {
  let store: Store | undefined;
  const get = async (): Promise<Store> => (store ??= await openStore(config));
  return {
    get,
    insert: async (rows: readonly OpportunityRow[]) => (await get()).insertOpportunities(rows),
    close: async () => store?.close(),
  };
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
      .description('paper flash-arb runner with the heuristic decider over the market model; logs every opportunity')
      .option('--days <n>', 'simulated days', '7')
      .option('--seed <n>', 'run seed (default config seed, 1)')
      .option('--chains <list>', 'comma list of ethereum, polygon (default config chains)')
      .option('--cex <file>', 'replay these 1-minute klines as the CEX price')
      .option('--gas <file>', 'replay this 5-minute Ethereum gas file')
      .option('--metrics-port <port>', 'serve Prometheus /metrics on this port while running'),
  ).action(async (flags: SimulateFlags) => {
    const config = configFromFlags(flags, { chains: flags.chains });
    const days = parseDays(flags.days);
    const chains = config.chains.split(',') as Chain[];
    const metrics = createRunnerMetrics();
    const server = flags.metricsPort ? await startMetricsServer({ registry: metrics.registry, port: Number(flags.metricsPort) }) : undefined;
    if (server) info(`simulate: metrics at ${server.url}`);
    const store = lazyStore(config);
    await store.get().catch((e: unknown) => warn(`database not reachable yet (${e instanceof Error ? e.message : String(e)}); rows go to ${config.journalPath} until it is`));
    const started = performance.now();
    let progress: ReturnType<typeof createProgress> | undefined;
    try {
      const result = await simulateToStore({
        seed: config.seed, days, chains, cexFile: flags.cex, gasFile: flags.gas, decider: new HeuristicDecider(),
        insert: store.insert, journalPath: config.journalPath, metrics, warn,
        onStart: (m) => (progress = createProgress({ label: 'simulate', total: m.totalBlocks, enabled: config.progress })),
        onProgress: (n) => progress?.update(n),
      });
      progress?.stop();
      const json = simulateJson(result, (performance.now() - started) / 1000);
      report({ json: !!flags.json, result: json, human: (j) => Object.entries(j).map(([k, v]) => `${k.padEnd(20)} ${String(v)}`).join('\n') });
    } finally {
      await store.close();
      await server?.close();
    }
  });
}
