/**
 * The live flash-arb runner: for each new head of the chain, read gas, pools (one multicall) and the CEX price,
 * detect edges with the paper runner's detector and features (src/exec), ask the Decider, and then by mode:
 * `paper` logs the decision with an eth_call counterfactual and sends nothing; `fork` and `live` send the trade
 * through FlashArb (EIP-1559, managed nonce) and log the receipt's outcome and gas. A block whose reads fail
 * (node down, timeouts) is retried with backoff until it is processed or the run ends; ids are deterministic per
 * block and already-logged ids are never pushed again, so a retry neither loses nor doubles a row.
 */
import { parseAbi, type Abi, type Account, type Address } from 'viem';
import type { Decider } from '../../decide/decider.ts';
import { aaveV3Provider, balancerV2Provider, type FlashProvider } from '../../dex/flash/flashProvider.ts';
import { chainProfile } from '../../dex/gas/chainProfiles.ts';
import { buildOpportunity } from '../../exec/buildOpportunity.ts';
import { quoteCandidate } from '../../exec/confirmRoute.ts';
import { detectOpportunities, usdcPerNative } from '../../exec/detectOpportunities.ts';
import { MarketMemory } from '../../exec/marketMemory.ts';
import type { Opportunity, RouteCandidate } from '../../exec/opportunity.ts';
import { poolPrice } from '../../market/pools/poolMath.ts';
import type { GasPriceRow } from '../../store/gasPrices.ts';
import type { OpportunityRow } from '../../store/opportunities.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import { createChainClient, isTransientRpcError, type LivePublicClient } from '../chain/chainClient.ts';
import { HeadPoller } from '../chain/headPoller.ts';
import { NonceManager } from '../chain/nonceManager.ts';
import { PoolReader } from '../chain/readPools.ts';
import type { PriceFeed } from '../exchange/priceFeed.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { RetryableIoError } from '../../core/errors.ts';
import { sleep } from '../retry.ts';
import { executeOnChain, lenderFor } from './executeOnChain.ts';
import { liveRow } from './liveRow.ts';
import { readLiveBlock, type LiveBlock } from './readLiveBlock.ts';
import { simulateProfit } from './simulateProfit.ts';

export type LiveMode = 'paper' | 'fork' | 'live';

export interface RowSinkLike {
  push(row: OpportunityRow): void;
  flush(): Promise<void>;
}

export interface RunLiveOptions {
  mode: LiveMode;
  spec: LiveMarketSpec;
  rpcUrl: string;
  feed: PriceFeed;
  /** Feed symbol of ETH priced in USD(T/C), e.g. `ETH/USDT`. */
  symbol: string;
  decider: Decider;
  flashArbAbi: Abi;
  /** Sending account (fork/live); its key stays inside the viem account. */
  account?: Account;
  sink: RowSinkLike;
  /** gas_prices / pool_states rows of each processed block. */
  onChainRows?: (gas: GasPriceRow[], pools: PoolStateRow[]) => Promise<void>;
  durationMs: number;
  runTag: string;
  pollMs?: number;
  /** Per JSON-RPC request (default 5,000 ms). */
  rpcTimeoutMs?: number;
  gasLimit?: bigint;
  receiptBlocks?: number;
  /** Ends the run early (the current block is finished first). */
  signal?: AbortSignal;
  /** Called after each head is fully processed (tests synchronise on it). */
  onProcessed?: (head: bigint) => void;
  /** One line per event worth a log (stderr); never receives secrets. */
  log?: (line: string) => void;
}

export interface RunLiveResult {
  blocks: number;
  opportunities: number;
  sent: number;
  outcomes: Record<string, number>;
  /** Failed RPC polls and block reads that were retried. */
  rpcRetries: number;
  feedErrors: number;
}

function providersFor(spec: LiveMarketSpec): FlashProvider[] {
  const liquidity = {
    [spec.usdc.address]: BigInt(Math.floor(spec.lenderLiquidityWhole.usdc)) * 10n ** BigInt(spec.usdc.decimals),
    [spec.weth.address]: BigInt(Math.floor(spec.lenderLiquidityWhole.weth)) * 10n ** BigInt(spec.weth.decimals),
  };
  const out: FlashProvider[] = [];
  if (spec.lenders.balancer) out.push(balancerV2Provider({ liquidity }));
  if (spec.lenders.aave) out.push(aaveV3Provider({ liquidity, feeBps: spec.aavePremiumBps }));
  return out;
}

/** Route key of an edge plus the states of its pools: the same key on a later block is the same opportunity. */
function edgeKey(opp: Opportunity): string {
  return opp.routes
    .map((r) =>
      r.route.hops
        .map(
          (h) =>
            `${h.pool.address}:${h.pool.kind === 'v2' ? `${h.pool.reserve0}/${h.pool.reserve1}` : h.pool.sqrtPriceX96}`,
        )
        .join('>'),
    )
    .join('|');
}

class LiveRun {
  readonly client: LivePublicClient;
  readonly reader: PoolReader;
  readonly memory = new MarketMemory();
  readonly providers: FlashProvider[];
  readonly nonces?: NonceManager;
  readonly logged = new Set<string>();
  readonly lastKey = new Map<string, string>();
  readonly result: RunLiveResult = { blocks: 0, opportunities: 0, sent: 0, outcomes: {}, rpcRetries: 0, feedErrors: 0 };
  owner?: Address;

  constructor(readonly o: RunLiveOptions) {
    this.client = createChainClient({ url: o.rpcUrl, chainId: o.spec.chainId, timeoutMs: o.rpcTimeoutMs });
    this.reader = new PoolReader(this.client, o.spec);
    this.providers = providersFor(o.spec);
    if (o.account) this.nonces = new NonceManager(this.client, o.account.address);
  }

  async process(head: bigint): Promise<void> {
    const lb = await readLiveBlock({
      client: this.client,
      reader: this.reader,
      feed: this.o.feed,
      symbol: this.o.symbol,
      spec: this.o.spec,
      blockNumber: head,
    });
    await this.o.onChainRows?.([lb.gasRow], lb.poolRows);
    const b = lb.snapshot;
    const prices = b.pools.map(poolPrice);
    this.memory.observe(b, prices);
    const edges = detectOpportunities({
      block: b,
      pools: b.pools,
      poolPrices: prices,
      providers: this.providers,
      busy: new Set(),
    });
    const open = new Set<string>();
    // Pools a trade sent from this block already moved: later opportunities through them are stale; they are
    // re-detected on the next block with the new state instead.
    const touched = new Set<string>();
    let index = 0;
    for (const edge of edges) {
      const opp = buildOpportunity({
        id: `${this.o.runTag}:${b.chain}:${b.blockNumber}:${index++}`,
        edge,
        block: b,
        pools: b.pools,
        poolPrices: prices,
        memory: this.memory,
        blocksOpen: 0,
      });
      open.add(opp.dexPool);
      const key = edgeKey(opp);
      if (this.lastKey.get(opp.dexPool) === key || this.logged.has(opp.id)) continue;
      if (opp.routes.some((r) => r.route.hops.some((h) => touched.has(h.pool.address)))) continue;
      const sentThrough = await this.handle(opp, lb, head);
      for (const a of sentThrough) touched.add(a);
      this.lastKey.set(opp.dexPool, key);
    }
    for (const leg of [...this.lastKey.keys()]) if (!open.has(leg)) this.lastKey.delete(leg);
    await this.o.sink.flush();
    this.result.blocks++;
  }

  private candidateFor(
    opp: Opportunity,
    lb: LiveBlock,
    routeIndex: number,
    sizeFactor: number,
  ): RouteCandidate | undefined {
    const c = opp.routes[routeIndex] ?? opp.routes[0]!;
    if (sizeFactor === 1) return c;
    const amountIn = BigInt(Math.floor(Number(c.amountIn) * sizeFactor));
    if (amountIn <= 0n) return undefined;
    const b = lb.snapshot;
    return quoteCandidate({
      route: c.route,
      provider: c.provider,
      amountIn,
      profile: chainProfile(b.chain),
      gasPriceWei: b.baseFeeWei + b.priorityFeeWei,
      tokenPerNative: usdcPerNative(b),
    });
  }

  /** Decides, sends or simulates, logs; returns the pools a sent trade went through. */
  private async handle(opp: Opportunity, lb: LiveBlock, head: bigint): Promise<string[]> {
    const started = performance.now();
    const decision = this.o.decider.decide(opp, {
      chain: opp.chain,
      blockNumber: opp.blockNumber,
      timeMs: opp.timeMs,
      gasHistory: this.memory.gasHistory(opp.chain),
    });
    const candidate = this.candidateFor(opp, lb, decision.routeIndex ?? 0, decision.sizeFactor) ?? opp.routes[0]!;
    const send = decision.decision === 'execute' && this.o.mode !== 'paper' && this.o.account && this.nonces;
    this.result.opportunities++;
    let row: OpportunityRow;
    if (send) {
      const execution = await executeOnChain({
        client: this.client,
        url: this.o.rpcUrl,
        spec: this.o.spec,
        account: this.o.account!,
        flashArbAbi: this.o.flashArbAbi,
        nonces: this.nonces!,
        candidate,
        decision,
        nextBaseFeeWei: lb.gas.nextBaseFeeWei,
        headAtSend: head,
        rpcTimeoutMs: this.o.rpcTimeoutMs,
        gasLimit: this.o.gasLimit ?? 1_500_000n,
        receiptBlocks: this.o.receiptBlocks ?? 3,
      });
      this.result.sent++;
      row = liveRow({
        opportunity: opp,
        candidate,
        decision,
        mode: this.o.mode,
        execution,
        latencyMs: performance.now() - started,
      });
    } else {
      this.owner ??= await this.client.readContract({
        address: this.o.spec.flashArb as Address,
        abi: parseAbi(['function owner() view returns (address)']),
        functionName: 'owner',
      });
      const simulatedProfit = await simulateProfit({
        client: this.client,
        spec: this.o.spec,
        flashArbAbi: this.o.flashArbAbi,
        owner: this.owner,
        candidate,
        lender: lenderFor(this.o.spec, candidate.provider.kind),
        blockNumber: head,
      });
      row = liveRow({
        opportunity: opp,
        candidate,
        decision,
        mode: this.o.mode,
        simulatedProfit,
        latencyMs: performance.now() - started,
      });
    }
    this.o.sink.push(row);
    this.logged.add(opp.id);
    this.result.outcomes[row.outcome!] = (this.result.outcomes[row.outcome!] ?? 0) + 1;
    this.o.log?.(
      `block ${opp.blockNumber}: ${opp.symbol} edge ${opp.edgeBps.toFixed(1)} bps, ${decision.decision} -> ${row.outcome}${row.gasUsed !== null && row.executed ? `, gas ${row.gasUsed}` : ''}`,
    );
    return send ? candidate.route.hops.map((h) => h.pool.address) : [];
  }
}

const retryable = (e: unknown): boolean => e instanceof RetryableIoError || isTransientRpcError(e);

export async function runLive(o: RunLiveOptions): Promise<RunLiveResult> {
  const run = new LiveRun(o);
  const until = Date.now() + o.durationMs;
  const deadline = (): number => (o.signal?.aborted ? 0 : until);
  const poller = new HeadPoller({
    client: run.client,
    intervalMs: o.pollMs,
    onError: (_e, n) => {
      run.result.rpcRetries++;
      if (n === 1 || n % 10 === 0) o.log?.(`rpc: node unreachable (${n} failed polls), backing off`);
    },
  });
  for (;;) {
    const head = await poller.next(deadline);
    if (head === undefined) break;
    for (let attempt = 1; Date.now() < deadline(); attempt++) {
      try {
        await run.process(head);
        o.onProcessed?.(head);
        break;
      } catch (error) {
        if (!retryable(error)) throw error;
        run.result.rpcRetries++;
        if ((error as Error).message.includes('binance') || (error as Error).message.includes('oanda'))
          run.result.feedErrors++;
        o.log?.(`block ${head}: ${(error as Error).message.split('\n')[0]}; retrying`);
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5), Math.max(0, deadline() - Date.now())));
      }
    }
  }
  await o.sink.flush();
  return run.result;
}
