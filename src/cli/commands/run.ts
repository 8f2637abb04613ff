/**
 * `arbml run --mode paper|fork|live --chain ethereum --market FILE [--duration S] [--feed binance|oanda] [--json]`:
 * the flash-arb runner against a JSON-RPC chain (ARBML_RPC_URL_<CHAIN>) and an exchange API. `paper` decides and
 * logs without sending; `fork` sends to a local node; `live` sends for real and needs
 * --i-understand-this-sends-transactions plus ARBML_PRIVATE_KEY. Every opportunity goes to the ledger (journaled
 * while the database is down), each block's gas and pool states to gas_prices / pool_states. Keys and RPC URLs
 * are never printed (the URL is shown as scheme://host:port).
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { isLoopbackUrl } from '../../core/isLoopbackUrl.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import { loadMlDecider } from '../../decide/loadMlDecider.ts';
import { artifactOf, compileContracts } from '../../evm/compile.ts';
import { Ledger } from '../../exec/ledger.ts';
import { assertChainId } from '../../live/chain/assertChainId.ts';
import { createChainClient } from '../../live/chain/chainClient.ts';
import { redactRpcUrl, rpcUrlFromEnv } from '../../live/chain/rpcEndpoint.ts';
import { DEFAULT_SYMBOL, feedFromEnv, type FeedName } from '../../live/exchange/feedFromEnv.ts';
import { readLiveMarketSpec } from '../../live/liveMarketSpec.ts';
import { runAccount } from '../../live/runner/runAccount.ts';
import { liveLimitOptions, loadLiveLimits, type LiveLimitKey } from '../../live/runner/liveLimits.ts';
import { runLive } from '../../live/runner/runLive.ts';
import { createRunnerMetrics } from '../../monitor/metrics.ts';
import { startMetricsServer } from '../../monitor/metricsServer.ts';
import type { LiveMode } from '../../live/runner/runLiveOptions.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report, warn } from '../output.ts';
import { lazyStore } from './simulate.ts';

interface RunFlags extends CommonFlags {
  mode: string;
  chain: string;
  market?: string;
  duration: string;
  feed: string;
  symbol?: string;
  pollMs: string;
  iUnderstandThisSendsTransactions?: boolean;
  decider: string;
  modelsDir?: string;
  metricsPort?: string;
  submit: string;
  relay?: string;
}

/** How trades leave: the public mempool, or private bundles to a relay (https, or http on loopback only). */
function submitFrom(flags: RunFlags): { kind: 'public' } | { kind: 'bundle'; relayUrl: string } {
  if (flags.submit === 'public') return { kind: 'public' };
  if (flags.submit !== 'bundle') throw new InvalidInputError(`--submit must be public or bundle, got ${flags.submit}`);
  if (!flags.relay)
    throw new InvalidInputError('--submit bundle needs --relay URL (the builder relay for eth_sendBundle)');
  let u: URL;
  try {
    u = new URL(flags.relay);
  } catch {
    throw new InvalidInputError('--relay is not a valid URL');
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopbackUrl(flags.relay)))
    throw new InvalidInputError('--relay must be https:// (plain http:// only to a loopback address)');
  return { kind: 'bundle', relayUrl: flags.relay };
}

/** Exit code of a run a safety limit stopped (the circuit breaker): the run finished, but sending stopped early. */
export const EXIT_BREAKER = 4;

const MODES: readonly LiveMode[] = ['paper', 'fork', 'live'];

function parseFlags(flags: RunFlags): { mode: LiveMode; durationMs: number; pollMs: number } {
  if (!MODES.includes(flags.mode as LiveMode))
    throw new InvalidInputError(`--mode must be paper, fork or live, got ${flags.mode}`);
  const seconds = Number(flags.duration);
  if (!(seconds > 0) || !Number.isFinite(seconds))
    throw new InvalidInputError(`--duration must be seconds > 0, got ${flags.duration}`);
  const pollMs = Number(flags.pollMs);
  if (!(pollMs >= 20 && pollMs <= 5_000))
    throw new InvalidInputError(`--poll-ms must be in [20, 5000], got ${flags.pollMs}`);
  if (!flags.market) throw new InvalidInputError('--market FILE is required (the pools, lenders and contracts to use)');
  return { mode: flags.mode as LiveMode, durationMs: seconds * 1000, pollMs };
}

export function register(program: Command): void {
  const cmd = withCommonOptions(
    program
      .command('run')
      .description(
        'flash-arb runner on a JSON-RPC chain and an exchange API (paper: no sends; fork: local node; live: real)',
      )
      .option('--mode <mode>', 'paper | fork | live', 'paper')
      .option('--chain <chain>', 'chain of the market file', 'ethereum')
      .option('--market <file>', 'JSON market description: pools, lenders, FlashArb and Multicall addresses')
      .option('--duration <s>', 'seconds to run', '60')
      .option('--feed <name>', 'CEX price feed: binance (ccxt) | oanda', 'binance')
      .option('--decider <name>', 'heuristic, or ml (the active models in --models-dir)', 'heuristic')
      .option('--models-dir <dir>', 'models folder for --decider ml (default config modelsDir)')
      .option('--symbol <symbol>', 'feed symbol of ETH in USD terms (default ETH/USDT on binance, ETH/USD on oanda)')
      .option('--poll-ms <ms>', 'new-head polling interval', '250')
      .option(
        '--i-understand-this-sends-transactions',
        'required with --mode live, and with --mode fork on a chain id other than 31337/1337',
      )
      .option('--metrics-port <n>', 'serve Prometheus /metrics on 127.0.0.1:<n> during the run')
      .option('--submit <how>', 'public (eth_sendRawTransaction) | bundle (eth_sendBundle to --relay)', 'public')
      .option('--relay <url>', 'builder relay for --submit bundle (e.g. https://relay.flashbots.net)'),
  );
  for (const l of liveLimitOptions())
    cmd.option(`${l.flag} <n>`, `${l.description} (default ${String(l.defaultValue)})`);
  cmd.addHelpText(
    'after',
    `
Safety: the node's eth_chainId must equal the market file's chainId. Each trade is simulated (eth_call at pending)
with its exact calldata, gas and fees just before signing and sent only if it pays at least its gas at the max fee.
A breached run limit (gas budget, loss per hour, consecutive reverts) stops sending; the run keeps logging as in
paper mode and exits ${EXIT_BREAKER}.`,
  );
  cmd.action(async (flags: RunFlags) => {
    const config = configFromFlags(flags, flags.modelsDir ? { modelsDir: flags.modelsDir } : {});
    if (flags.decider !== 'heuristic' && flags.decider !== 'ml')
      throw new InvalidInputError(`--decider must be heuristic or ml, got ${flags.decider}`);
    const ml = flags.decider === 'ml' ? loadMlDecider({ modelsDir: config.modelsDir, seed: config.seed, warn }) : null;
    const { mode, durationMs, pollMs } = parseFlags(flags);
    const limitFlags: Partial<Record<LiveLimitKey, unknown>> = {};
    for (const l of liveLimitOptions()) limitFlags[l.key] = (flags as unknown as Record<string, unknown>)[l.key];
    const limits = loadLiveLimits({ flags: limitFlags });
    const submit = submitFrom(flags);
    const spec = readLiveMarketSpec(flags.market!);
    if (spec.chain !== flags.chain)
      throw new InvalidInputError(`--chain ${flags.chain} but ${flags.market} describes ${spec.chain}`);
    if (spec.chain !== 'ethereum')
      throw new InvalidInputError('run supports ethereum for now (the gas token is priced by the ETH feed)');
    const rpcUrl = rpcUrlFromEnv(spec.chain);
    const chainId = await assertChainId({
      client: createChainClient({ url: rpcUrl, chainId: spec.chainId }),
      expected: spec.chainId,
      source: `market file ${flags.market}`,
    });
    const account = runAccount({ mode, rpcUrl, chainId, acknowledged: !!flags.iUnderstandThisSendsTransactions });
    const feed = feedFromEnv(flags.feed);
    const symbol = flags.symbol ?? DEFAULT_SYMBOL[flags.feed as FeedName];
    const flashArbAbi = artifactOf(compileContracts(), 'FlashArb').abi;
    const metrics = createRunnerMetrics();
    const metricsServer = flags.metricsPort
      ? await startMetricsServer({ registry: metrics.registry, port: Number(flags.metricsPort) })
      : undefined;
    const store = lazyStore(config);
    await store
      .get()
      .catch((e: unknown) =>
        warn(
          `database not reachable yet (${e instanceof Error ? e.message : String(e)}); rows go to ${config.journalPath} until it is`,
        ),
      );
    const ledger = new Ledger({ insert: store.insert, journalPath: config.journalPath, warn });
    const chainRows = { gas: 0, pools: 0, failed: 0 };
    const runTag = `run-${mode}-${new Date().toISOString()}`;
    info(
      `run: ${mode} on ${spec.chain} via ${redactRpcUrl(rpcUrl)}, feed ${feed.name} ${symbol}, ${durationMs / 1000} s${account ? `, sending from ${account.address}` : ''}`,
    );
    const started = Date.now();
    const ticker = setInterval(() => {
      const s = (Date.now() - started) / 1000;
      info(`run: ${s.toFixed(0)}/${durationMs / 1000} s, ETA ${Math.max(0, durationMs / 1000 - s).toFixed(0)} s`);
    }, 10_000);
    try {
      const result = await runLive({
        mode,
        spec,
        rpcUrl,
        feed,
        symbol,
        decider: ml?.decider ?? new HeuristicDecider(),
        onBlock: ml?.onBlock,
        flashArbAbi,
        account,
        sink: ledger,
        durationMs,
        pollMs,
        runTag,
        log: (line) => info(`run: ${line}`),
        limits,
        metrics,
        submit,
        onChainRows: async (gas, pools) => {
          try {
            const s = await store.get();
            chainRows.gas += (await s.insertGasPrices(gas)).inserted;
            chainRows.pools += (await s.insertPoolStates(pools)).inserted;
          } catch (e) {
            chainRows.failed += gas.length + pools.length;
            warn(`gas/pool rows not stored (${e instanceof Error ? e.message : String(e)})`);
          }
        },
      });
      const stats = await ledger.close(10_000);
      const json = {
        mode,
        chain: spec.chain,
        run: runTag,
        seconds: Number(((Date.now() - started) / 1000).toFixed(3)),
        blocks: result.blocks,
        opportunities: result.opportunities,
        sent: result.sent,
        outcomes: result.outcomes,
        rpc_retries: result.rpcRetries,
        rows_logged: stats.logged,
        rows_journaled: stats.journaled,
        journal_backlog: stats.backlog,
        gas_rows: chainRows.gas,
        pool_state_rows: chainRows.pools,
        chain_rows_failed: chainRows.failed,
        breaker: result.breaker ?? null,
      };
      report({
        json: !!flags.json,
        result: json,
        human: (j) =>
          Object.entries(j)
            .map(([k, v]) => `${k.padEnd(18)} ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`)
            .join('\n'),
      });
      if (result.breaker) process.exitCode = EXIT_BREAKER;
    } finally {
      clearInterval(ticker);
      await metricsServer?.close();
      await store.close();
    }
  });
}
