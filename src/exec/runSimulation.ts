/**
 * The paper flash-arb runner over the market model. Each block, in the market's time order: first the chain's
 * pending transactions advance (ours and the counterfactuals of skipped opportunities; ours that land move the
 * pools through market.include), then detection on the pools as they now stand. Each new opportunity (an edge whose
 * route pools changed since it was last offered, or one the decider asked to wait on) goes to the Decider; its
 * ledger row is written when its transaction (or counterfactual) resolves. Detection stops one minute before the
 * end of the run so that every opportunity resolves inside it.
 */
import { rngFor, type Rng } from '../core/random.ts';
import type { Decider, DecisionResult } from '../domain/decider.ts';
import type { FlashProvider } from '../dex/flash/flashProvider.ts';
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { poolPrice } from '../market/pools/poolMath.ts';
import type { RunnerMetrics } from '../domain/runnerMetrics.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import { advancePending } from './advancePending.ts';
import { buildOpportunity } from './buildOpportunity.ts';
import { detectOpportunities } from './detectOpportunities.ts';
import { defaultFlashProviders } from './flashProviders.ts';
import { drawLatencyMs, INCLUSION_PARAMS } from './inclusion.ts';
import { simulatedLedgerRow } from './simulatedLedgerRow.ts';
import { makePending } from './makePending.ts';
import { MarketMemory } from './marketMemory.ts';
import type { MarketView } from './marketView.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import type { PendingTx, Resolution } from './pendingTx.ts';
import { RunSummaryAccumulator, type RunSummary } from './summarizeRun.ts';

/** Where ledger rows go (the Ledger: batched store writes with a journal). */
export interface RowSink {
  push(row: OpportunityRow): void;
  readonly buffered: number;
  flush(): Promise<void>;
}

export interface RunSimulationOptions {
  market: MarketView;
  decider: Decider;
  seed: number;
  /** Id prefix of this run's rows (default `s<seed>`). */
  runTag?: string;
  sink?: RowSink;
  /** Flush the sink when this many rows are buffered (default 20,000). */
  flushRows?: number;
  metrics?: RunnerMetrics;
  /** Called every 2,000 blocks and at the end with the blocks done. */
  onProgress?: (blocksDone: number) => void;
  /** Sees each block before the runner acts on it; a returned promise is awaited (e.g. a gas forecast, so runs stay reproducible). */
  beforeBlock?: (b: BlockSnapshot) => Promise<void> | void;
  /** Sleep this long every 2,000 blocks (a watchable run for dashboards and demos; default 0). */
  paceMs?: number;
  providers?: Partial<Record<Chain, readonly FlashProvider[]>>;
  /** Sees each opportunity and its decision at detection (the bus collector keeps the quote the strategy needs). */
  onDecision?: (opp: Opportunity, decision: DecisionResult) => void;
  /** Tip of skipped opportunities' counterfactuals (default the block's typical tip): what-if studies of fee bids. */
  counterfactualTip?: (opp: Opportunity) => bigint;
}

export interface RunResult {
  summary: RunSummary;
  blocks: number;
}

const TAIL_MS = 60_000;

class ChainRun {
  pending: PendingTx[] = [];
  overlay = new Map<string, Pool>();
  overlayBlock = -1;
  lastPools: readonly Pool[] | null = null;
  lastKey = new Map<string, string>();
  openSince = new Map<string, number>();
  waiting = new Set<string>();
  readonly latencyRng: Rng;
  constructor(
    seed: number,
    chain: Chain,
    readonly providers: readonly FlashProvider[],
  ) {
    this.latencyRng = rngFor(seed, `exec/latency/${chain}`);
  }
}

const poolIds = new WeakMap<Pool, number>();
let nextPoolId = 0;
function poolId(p: Pool): number {
  let id = poolIds.get(p);
  if (id === undefined) poolIds.set(p, (id = nextPoolId++));
  return id;
}

export async function runSimulation(o: RunSimulationOptions): Promise<RunResult> {
  const { market, decider } = o;
  const runTag = o.runTag ?? `s${o.seed}`;
  const flushRows = o.flushRows ?? 20_000;
  const memory = new MarketMemory();
  const summary = new RunSummaryAccumulator();
  const chains = new Map<Chain, ChainRun>();
  for (const c of market.info.chains)
    chains.set(c, new ChainRun(o.seed, c, o.providers?.[c] ?? defaultFlashProviders(c)));
  const emit = (tx: PendingTx, r: Resolution): void => {
    const row = simulatedLedgerRow(tx, r);
    summary.add(row);
    o.metrics?.recordOpportunity(row);
    o.sink?.push(row);
  };
  const detectUntil = market.info.endMs - TAIL_MS;
  let blocks = 0;
  for (let b = market.step(); b; b = market.step()) {
    blocks++;
    const waitFor = o.beforeBlock?.(b);
    if (waitFor) await waitFor;
    const cr = chains.get(b.chain)!;
    memory.observe(b, b.pools.map(poolPrice));
    if (cr.pending.length > 0) advanceChain(cr, b, market, emit);
    if (b.timeMs <= detectUntil)
      detect(cr, market.current(b.chain)!, memory, decider, runTag, o.metrics, o.counterfactualTip, o.onDecision);
    if (o.sink && o.sink.buffered >= flushRows) await o.sink.flush();
    if (blocks % 2_000 === 0) {
      o.onProgress?.(blocks);
      // Yield to the event loop (metrics scrapes, background forecasts), or sleep when paced.
      await new Promise((r) => (o.paceMs ? setTimeout(r, o.paceMs) : setImmediate(r)));
    }
  }
  for (const cr of chains.values()) {
    // Only a transaction still waiting when the market ends lands here (none with the default tail).
    for (const tx of cr.pending) emit(tx, { status: 'not_included', blockNumber: tx.opportunity.blockNumber });
    cr.pending = [];
  }
  if (o.sink) await o.sink.flush();
  o.onProgress?.(blocks);
  return { summary: summary.result(), blocks };
}

function advanceChain(
  cr: ChainRun,
  b: BlockSnapshot,
  market: MarketView,
  emit: (tx: PendingTx, r: Resolution) => void,
): void {
  if (cr.overlayBlock !== b.blockNumber) {
    cr.overlay = new Map();
    cr.overlayBlock = b.blockNumber;
  }
  const still: PendingTx[] = [];
  for (const tx of cr.pending) {
    const r = advancePending({ tx, block: b, market, overlay: cr.overlay });
    if (r === null) {
      still.push(tx);
      continue;
    }
    if ('execution' in r) {
      if (tx.kind === 'execute' && r.execution.status === 'success') {
        market.include({ chain: b.chain, tipWei: tx.tipWei, pools: r.execution.poolsAfter });
        for (const p of r.execution.poolsAfter) cr.overlay.set(p.address.toLowerCase(), p);
      }
      emit(tx, r.resolution);
    } else emit(tx, r);
  }
  cr.pending = still;
}

function detect(
  cr: ChainRun,
  b: BlockSnapshot,
  memory: MarketMemory,
  decider: Decider,
  runTag: string,
  metrics?: RunnerMetrics,
  cfTip?: (opp: Opportunity) => bigint,
  onDecision?: RunSimulationOptions['onDecision'],
): void {
  if (b.pools === cr.lastPools && cr.waiting.size === 0) return;
  cr.lastPools = b.pools;
  const prices = b.pools.map(poolPrice);
  const busy = new Set<string>();
  for (const tx of cr.pending)
    if (tx.kind === 'execute') for (const h of tx.candidate.route.hops) busy.add(h.pool.address);
  const edges = detectOpportunities({ block: b, pools: b.pools, poolPrices: prices, providers: cr.providers, busy });
  const seen = new Set<string>();
  let index = 0;
  for (const edge of edges) {
    const leg = b.pools[edge.legIndex]!.address;
    seen.add(leg);
    if (!cr.openSince.has(leg)) cr.openSince.set(leg, b.blockNumber);
    const key = edge.routes.map((r) => r.route.hops.map((h) => poolId(h.pool)).join('.')).join('|');
    if (cr.lastKey.get(leg) === key && !cr.waiting.has(leg)) continue;
    cr.lastKey.set(leg, key);
    const opp = buildOpportunity({
      id: `${runTag}:${b.chain}:${b.blockNumber}:${index++}`,
      edge,
      block: b,
      pools: b.pools,
      poolPrices: prices,
      memory,
      blocksOpen: b.blockNumber - cr.openSince.get(leg)!,
    });
    const latencyMs = drawLatencyMs(cr.latencyRng, INCLUSION_PARAMS[b.chain]);
    const started = performance.now();
    const decision = decider.decide(opp, {
      chain: b.chain,
      blockNumber: b.blockNumber,
      timeMs: b.timeMs,
      gasHistory: memory.gasHistory(b.chain),
    });
    metrics?.decisionLatency((performance.now() - started) / 1000);
    onDecision?.(opp, decision);
    if (decision.decision === 'wait') cr.waiting.add(leg);
    else cr.waiting.delete(leg);
    cr.pending.push(makePending(opp, decision, latencyMs, decision.decision === 'execute' ? undefined : cfTip?.(opp)));
  }
  for (const leg of [...cr.openSince.keys()]) {
    if (seen.has(leg)) continue;
    cr.openSince.delete(leg);
  }
  for (const leg of [...cr.lastKey.keys()]) if (!seen.has(leg)) cr.lastKey.delete(leg);
  for (const leg of [...cr.waiting]) if (!seen.has(leg)) cr.waiting.delete(leg);
}
