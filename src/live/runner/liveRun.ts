/**
 * One live run's state and its per-block work: read the block, log its gas and pool rows, detect, and for each
 * new opportunity decide, then send (fork/live) or simulate (paper, skips) and push exactly one ledger row.
 * Opportunities through pools a trade from the same block already moved are left for the next block.
 */
import { parseAbi, type Address } from 'viem';
import { aaveV3Provider, balancerV2Provider, type FlashProvider } from '../../dex/flash/flashProvider.ts';
import { chainProfile } from '../../dex/gas/chainProfiles.ts';
import { buildOpportunity } from '../../exec/buildOpportunity.ts';
import { quoteCandidate } from '../../exec/confirmRoute.ts';
import { detectOpportunities, usdcPerNative } from '../../exec/detectOpportunities.ts';
import { MarketMemory } from '../../exec/marketMemory.ts';
import type { Opportunity, RouteCandidate } from '../../domain/opportunity.ts';
import { poolPrice } from '../../market/pools/poolMath.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { createChainClient, type LivePublicClient } from '../chain/chainClient.ts';
import { NonceManager } from '../chain/nonceManager.ts';
import { PoolReader } from '../chain/readPools.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { CircuitBreaker } from './circuitBreaker.ts';
import { executeOnChain, lenderFor, type ExecuteResult } from './executeOnChain.ts';
import { confirmationsFor } from './confirmationsFor.ts';
import { liveLimitsSchema, type LiveLimits } from './liveLimits.ts';
import { ProvisionalRows } from './provisionalRows.ts';
import { liveRow } from './liveRow.ts';
import { readLiveBlock, type LiveBlock } from './readLiveBlock.ts';
import type { RunLiveOptions, RunLiveResult } from './runLiveOptions.ts';
import { simulateProfit } from './simulateProfit.ts';

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

export class LiveRun {
  readonly client: LivePublicClient;
  readonly reader: PoolReader;
  readonly memory = new MarketMemory();
  readonly providers: FlashProvider[];
  readonly nonces?: NonceManager;
  readonly logged = new Set<string>();
  readonly lastKey = new Map<string, string>();
  readonly result: RunLiveResult = { blocks: 0, opportunities: 0, sent: 0, outcomes: {}, rpcRetries: 0, feedErrors: 0 };
  readonly limits: LiveLimits;
  readonly breaker: CircuitBreaker;
  readonly provisional: ProvisionalRows;
  owner?: Address;

  constructor(readonly o: RunLiveOptions) {
    this.limits = o.limits ?? liveLimitsSchema.parse({});
    this.breaker = new CircuitBreaker(this.limits, (trip) => {
      this.result.breaker = trip;
      o.metrics?.circuitBreaker(trip.limit);
      o.log?.(
        `circuit breaker: ${trip.limit} limit breached (${trip.detail}); no more transactions this run, decisions are logged as in paper mode`,
      );
    });
    this.client = createChainClient({ url: o.rpcUrl, chainId: o.spec.chainId, timeoutMs: o.rpcTimeoutMs });
    this.reader = new PoolReader(this.client, o.spec);
    this.providers = providersFor(o.spec);
    if (o.account) this.nonces = new NonceManager(this.client, o.account.address);
    this.provisional = new ProvisionalRows({
      client: this.client,
      spec: o.spec,
      flashArbAbi: o.flashArbAbi,
      confirmations: o.confirmations ?? confirmationsFor(o.spec.chain, o.spec.chainId),
      push: (row) => {
        o.sink.push(row);
        o.metrics?.recordOpportunity(row);
      },
      onProvisional: o.onProvisional,
      onDropped: () => this.nonces?.resync(),
      log: o.log,
    });
  }

  async process(head: bigint): Promise<void> {
    await this.provisional.update(head);
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
    await this.o.onBlock?.(b);
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
    let row: OpportunityRow | undefined;
    let sentRow = false;
    let skip: { reason: string; detail: string } | undefined;
    if (send && this.breaker.tripped) skip = { reason: 'circuit_breaker', detail: this.breaker.tripped.limit };
    else if (send) {
      const r: ExecuteResult = await executeOnChain({
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
        limits: this.limits,
        breaker: this.breaker,
        log: this.o.log,
        submit: this.o.submit,
      });
      if (r.sent) {
        this.result.sent++;
        const x = r.execution;
        row = this.provisional.add(
          {
            opportunity: opp,
            candidate,
            decision,
            mode: this.o.mode,
            execution: x,
            latencyMs: performance.now() - started,
          },
          x.blockHash,
        );
        sentRow = true;
        this.breaker.record({
          gasWei:
            x.gasUsed !== undefined && x.effectiveGasPriceWei !== undefined ? x.gasUsed * x.effectiveGasPriceWei : 0n,
          profitEth: Number(row.profitEth ?? 0),
          reverted: x.outcome === 'reverted',
        });
      } else skip = { reason: r.reason, detail: r.detail };
    }
    if (!row) {
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
        skip,
        latencyMs: performance.now() - started,
      });
    }
    if (!sentRow) {
      this.o.sink.push(row);
      this.o.metrics?.recordOpportunity(row);
    }
    this.logged.add(opp.id);
    this.result.outcomes[row.outcome!] = (this.result.outcomes[row.outcome!] ?? 0) + 1;
    this.o.log?.(
      `block ${opp.blockNumber}: ${opp.symbol} edge ${opp.edgeBps.toFixed(1)} bps, ${decision.decision} -> ${row.outcome}${skip ? ` (${skip.reason}: ${skip.detail})` : ''}${row.gasUsed !== null && row.executed ? `, gas ${row.gasUsed}` : ''}`,
    );
    return row.executed ? candidate.route.hops.map((h) => h.pool.address) : [];
  }
}
