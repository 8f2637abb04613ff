/**
 * One chain's side of the market, block by block: gas (simulated or replayed); order flow as individual swaps at
 * blocks (noise split from the real per-minute amounts, plus informed swaps ahead of the next CEX move), each
 * ahead of or behind a given transaction in its block; V3 liquidity providers resizing and re-centring every
 * five minutes; and a population of competing searchers racing for every edge, CEX-DEX (a pool against the CEX) and
 * DEX-DEX (two pools against each other), from the block whose swap created it (searchers/). Also answers what a
 * transaction with a given tip meets at inclusion in the current block.
 */
import type { Rng } from '../core/random.ts';
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { PoolV3 } from '../dex/v3/poolV3.ts';
import type { BlockSnapshot, CompetitorArb } from './blockSnapshot.ts';
import type { ChainRecorder } from './chainRecorder.ts';
import type { GasBlock, GasSource } from './gas/gasBlock.ts';
import type { MarketParams, PoolSpec } from './params.ts';
import { emptyMinuteFlow, minuteFlow } from './pools/blockFlow.ts';
import { recentreV3 } from './pools/createMarketPools.ts';
import { poolEdge } from './pools/edge.ts';
import { pairEdge } from './pools/pairEdge.ts';
import { poolDepthUsd, poolFee, poolPrice, swapExactIn, swapToPrice } from './pools/poolMath.ts';
import { winningTipWei } from './searchers/orderingRule.ts';
import { drawRace } from './searchers/searcherRace.ts';
import { searcherLatencyCdf, type LatencyCdf } from './searchers/searcherLatency.ts';

export interface ChainMarketOptions {
  chain: Chain;
  params: MarketParams;
  gas: GasSource;
  pools: Pool[];
  startMs: number;
  startBlock: number;
  noiseRng: Rng;
  competitorRng: Rng;
  recorder?: ChainRecorder;
}

/** Liquidity providers act every this many minutes (each V3 rebuild costs about as much as a few swaps). */
const LP_MINUTES = 5;
const NEVER = 2 ** 31 - 1;

interface Behind {
  pool: number;
  usdcIn: boolean;
  amount: bigint;
}

export class ChainMarket {
  readonly chain: Chain;
  readonly blockTimeMs: number;
  nextTimeMs: number;
  private blockNumber: number;
  private pools: Pool[];
  private preArb: Pool[];
  private landed: CompetitorArb[] = [];
  private behind: Behind[] = [];
  private copied = false;
  private readonly specs: PoolSpec[];
  private readonly price: Float64Array;
  private readonly depth: Float64Array;
  private readonly fee: Float64Array;
  private readonly pairs: [number, number][] = [];
  /** Per edge (pools 0..n-1 against the CEX, then the pairs): opening block, side, capture block, bid shares. */
  private readonly openSince: Int32Array;
  private readonly side: Int8Array;
  private readonly captureAt: Int32Array;
  private readonly shares: number[][];
  private readonly latency: LatencyCdf;
  private readonly lpLog: Float64Array;
  private readonly lpRng: Rng;
  private readonly flow = emptyMinuteFlow();
  private minute = -1;
  private last: BlockSnapshot | undefined;

  constructor(private readonly o: ChainMarketOptions) {
    this.chain = o.chain;
    this.blockTimeMs = o.params.gas[o.chain].blockTimeSeconds * 1000;
    this.nextTimeMs = o.startMs;
    this.blockNumber = o.startBlock;
    this.pools = o.pools.slice();
    this.preArb = this.pools;
    this.specs = o.params.pools[o.chain];
    const n = o.pools.length;
    this.price = new Float64Array(n);
    this.depth = new Float64Array(n);
    this.fee = new Float64Array(n);
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) this.pairs.push([i, j]);
    const edges = n + this.pairs.length;
    this.openSince = new Int32Array(edges).fill(-1);
    this.side = new Int8Array(edges);
    this.captureAt = new Int32Array(edges).fill(-1);
    this.shares = Array.from({ length: edges }, () => []);
    const c = o.params.competitors;
    this.latency = searcherLatencyCdf(c.latencyBlocks[o.chain], c.searchersPerEdge[o.chain]);
    this.lpLog = new Float64Array(n);
    this.lpRng = o.noiseRng.fork('liquidity');
    for (let i = 0; i < n; i++) this.refresh(i);
  }

  /** The last block produced, if any. */
  current(): BlockSnapshot | undefined {
    return this.last;
  }

  /** Produces the block at nextTimeMs; `cexNextMinute` is the CEX price a minute ahead (what informed flow knows). */
  step(cexPrice: number, ethUsd: number, nativeUsd: number, cexNextMinute = cexPrice): BlockSnapshot {
    const t = this.nextTimeMs;
    const b = this.blockNumber;
    const gas = this.o.gas.next(t);
    this.copied = false;
    this.startMinute(t, b, cexPrice, cexNextMinute);
    this.behind = [];
    this.applyFlow(b, cexPrice, true);
    this.preArb = this.pools;
    this.copied = false;
    this.landed = [];
    this.searchersStep(b, gas, cexPrice, nativeUsd);
    this.applyFlow(b, cexPrice, false);
    const snapshot: BlockSnapshot = {
      chain: this.chain,
      blockNumber: b,
      timeMs: t,
      cexPrice,
      ethUsd,
      nativeUsd,
      baseFeeWei: gas.baseFeeWei,
      priorityFeeWei: gas.priorityFeeWei,
      minPriorityFeeWei: gas.minPriorityFeeWei,
      utilisation: gas.utilisation,
      pools: this.pools,
      competitorArbs: this.landed,
    };
    this.last = snapshot;
    this.blockNumber = b + 1;
    this.nextTimeMs = t + this.blockTimeMs;
    return snapshot;
  }

  /**
   * Pools as a transaction paying `tipWei` per gas sees them when included in the current block: after the swaps
   * ordered ahead of it and the competitor arbitrages that pay more (ties go to the competitor).
   */
  poolsAtInclusion(tipWei: bigint): Pool[] {
    const pools = this.preArb.slice();
    for (const arb of this.landed) {
      if (arb.tipWei < tipWei) continue;
      const s = swapToPrice(pools[arb.poolIndex]!, arb.targetPrice);
      if (s) pools[arb.poolIndex] = s.pool;
    }
    return pools;
  }

  /**
   * Records our own transaction in the current block: the touched pools take the states after it, the competitors
   * that paid less trade again if their edge is still open, then the swaps ordered behind us. Later blocks see it.
   */
  include(tipWei: bigint, after: readonly Pool[], cexPrice: number): void {
    this.copied = false;
    const touched = new Set<number>();
    for (const p of after) {
      const i = this.pools.findIndex((q) => q.address === p.address);
      if (i < 0) continue;
      this.setPool(i, p);
      touched.add(i);
    }
    for (const arb of this.landed) {
      if (arb.tipWei >= tipWei || !touched.has(arb.poolIndex)) continue;
      const i = arb.poolIndex;
      const j = arb.partnerIndex ?? -1;
      if (j < 0) {
        const edge = poolEdge(this.price[i]!, this.depth[i]!, this.fee[i]!, cexPrice);
        if (edge.excess > 0) this.swapTo(i, edge.targetPrice);
      } else if (i < j) this.closePair(i, j);
    }
    for (const s of this.behind) if (touched.has(s.pool)) this.swapIn(s.pool, s.usdcIn, s.amount);
    if (this.last) this.last = { ...this.last, pools: this.pools };
  }

  private setPool(i: number, pool: Pool): void {
    if (!this.copied) {
      this.pools = this.pools.slice();
      this.copied = true;
    }
    this.pools[i] = pool;
    this.refresh(i);
  }

  private refresh(i: number): void {
    const p = this.pools[i]!;
    this.price[i] = poolPrice(p);
    this.depth[i] = poolDepthUsd(p);
    this.fee[i] = poolFee(p);
  }

  private swapTo(i: number, target: number): ReturnType<typeof swapToPrice> {
    const s = swapToPrice(this.pools[i]!, target);
    if (s) this.setPool(i, s.pool);
    return s;
  }

  private swapIn(i: number, usdcIn: boolean, amount: bigint): boolean {
    const s = swapExactIn(this.pools[i]!, usdcIn, amount);
    if (s) this.setPool(i, s.pool);
    return s !== null;
  }

  private closePair(i: number, j: number): void {
    const e = pairEdge(this.sideOf(i), this.sideOf(j));
    if (e.excess <= 0) return;
    const [c, d] = e.cheap === 0 ? [i, j] : [j, i];
    this.swapTo(c, e.cheapTarget);
    this.swapTo(d, e.dearTarget);
  }

  private sideOf(i: number): { price: number; depthUsd: number; fee: number } {
    return { price: this.price[i]!, depthUsd: this.depth[i]!, fee: this.fee[i]! };
  }

  /** A new minute: its swaps are scheduled and V3 liquidity providers resize and re-centre. */
  private startMinute(t: number, b: number, cexPrice: number, cexNext: number): void {
    const minute = Math.floor(t / 60_000);
    if (minute === this.minute) return;
    this.o.recorder?.minute(this.chain, cexPrice, this.pools);
    this.minute = minute;
    const { liquidity } = this.o.params;
    const rho = liquidity.persistence ** LP_MINUTES;
    const innovation = liquidity.logStd * Math.sqrt(1 - rho * rho);
    for (let i = 0; i < this.pools.length && minute % LP_MINUTES === 0; i++) {
      const p = this.pools[i]!;
      if (p.kind !== 'v3') continue;
      this.lpLog[i] = rho * this.lpLog[i]! + innovation * this.lpRng.normal();
      const spec = this.specs[i]!;
      this.setPool(i, recentreV3(p as PoolV3, { ...spec, size: spec.size * Math.exp(this.lpLog[i]!) }));
    }
    minuteFlow({
      rng: this.o.noiseRng,
      params: this.o.params.flows,
      depths: this.depth,
      firstBlock: b,
      swapsPerMinute: this.o.params.flows.swapsPerMinute[this.chain],
      blocksInMinute: Math.max(1, Math.ceil(((minute + 1) * 60_000 - t) / this.blockTimeMs)),
      nextMoveLog: Math.log(cexNext / cexPrice),
      out: this.flow,
    });
  }

  /** Applies this block's swaps ordered ahead of (or behind) a transaction of ours. */
  private applyFlow(b: number, cexPrice: number, ahead: boolean): void {
    const f = this.flow;
    for (let k = 0; k < f.count; k++) {
      if (f.block[k] !== b || (f.ahead[k] === 1) !== ahead) continue;
      const i = f.pool[k]!;
      const usdcIn = f.usdcIn[k] === 1;
      const usd = f.usd[k]!;
      const amount = usdcIn ? BigInt(Math.round(usd * 1e6)) : BigInt(Math.round((usd / cexPrice) * 1e6)) * 10n ** 12n;
      if (!this.swapIn(i, usdcIn, amount)) continue;
      if (!ahead) this.behind.push({ pool: i, usdcIn, amount });
      this.o.recorder?.flow(this.chain, i, usdcIn, usd);
    }
  }

  private searchersStep(b: number, gas: GasBlock, cexPrice: number, nativeUsd: number): void {
    const c = this.o.params.competitors;
    const gasUsd = ((c.gasUnits * Number(gas.baseFeeWei + gas.priorityFeeWei)) / 1e18) * nativeUsd;
    const n = this.pools.length;
    for (let i = 0; i < n; i++) {
      const edge = poolEdge(this.price[i]!, this.depth[i]!, this.fee[i]!, cexPrice);
      if (!this.raceDue(i, b, edge.profitUsd, gasUsd, edge.side)) continue;
      const tip = this.tipFor(i, edge.profitUsd, gas, nativeUsd);
      const s = this.swapTo(i, edge.targetPrice);
      if (!s) continue;
      this.land(i, -1, s, edge.targetPrice, tip, i);
      this.captured(i, b, tip, this.depth[i]! * edge.excess, nativeUsd);
    }
    for (let k = 0; k < this.pairs.length; k++) {
      const [i, j] = this.pairs[k]!;
      const e = pairEdge(this.sideOf(i), this.sideOf(j));
      if (!this.raceDue(n + k, b, e.profitUsd, gasUsd, e.cheap === 0 ? 1 : -1)) continue;
      const tip = this.tipFor(n + k, e.profitUsd, gas, nativeUsd);
      const [ci, di] = e.cheap === 0 ? [i, j] : [j, i];
      const sc = this.swapTo(ci, e.cheapTarget);
      const sd = this.swapTo(di, e.dearTarget);
      if (sc) this.land(ci, di, sc, e.cheapTarget, tip, n + k);
      if (sd) this.land(di, ci, sd, e.dearTarget, tip, n + k);
      if (sc || sd) this.captured(n + k, b, tip, e.volumeUsd, nativeUsd);
    }
  }

  /**
   * Tracks edge `e`: it opens when its profit beats a searcher's gas (the race is drawn then), and stays the same
   * opportunity while it keeps its side (the real distance counts from the swap that created it). True when the
   * race's first searchers arrive in block b with the edge still paying.
   */
  private raceDue(e: number, b: number, profitUsd: number, gasUsd: number, side: number): boolean {
    if (profitUsd <= gasUsd) {
      if (this.openSince[e]! >= 0 && side !== this.side[e]) this.openSince[e] = -1;
      return false;
    }
    if (this.openSince[e]! < 0 || side !== this.side[e]) {
      const c = this.o.params.competitors;
      let race = null;
      // Someone captured every real edge (N >= 1): redraw an empty race, unless the chain has no searchers.
      while (!race && c.searchersPerEdge[this.chain] > 0) {
        race = drawRace({
          rng: this.o.competitorRng,
          searchersPerEdge: c.searchersPerEdge[this.chain],
          latency: this.latency,
          bidShareQuantiles: c.bidShareQuantiles[this.chain],
        });
      }
      this.openSince[e] = b;
      this.side[e] = side;
      this.captureAt[e] = race ? b + race.delayBlocks : NEVER;
      this.shares[e] = race?.shares ?? [];
    }
    return this.captureAt[e]! <= b;
  }

  private tipFor(e: number, profitUsd: number, gas: GasBlock, nativeUsd: number): bigint {
    const c = this.o.params.competitors;
    const valueWeiPerGas = ((profitUsd / nativeUsd) * 1e18) / c.gasUnits;
    const tip = winningTipWei(c.orderingRule[this.chain], {
      capsWei: this.shares[e]!.map((s) => s * valueWeiPerGas),
      typicalTipWei: Number(gas.priorityFeeWei),
      minTipWei: Number(gas.minPriorityFeeWei),
    });
    return BigInt(Math.round(tip));
  }

  private land(
    i: number,
    partner: number,
    s: NonNullable<ReturnType<typeof swapToPrice>>,
    target: number,
    tipWei: bigint,
    e: number,
  ): void {
    this.landed.push({
      poolIndex: i,
      poolAddress: s.pool.address,
      tipWei,
      zeroForOne: s.zeroForOne,
      amountIn: s.amountIn,
      targetPrice: target,
      openedAtBlock: this.openSince[e]!,
      ...(partner >= 0 ? { partnerIndex: partner } : {}),
    });
    const usd = s.zeroForOne ? Number(s.amountIn) / 1e6 : (Number(s.amountIn) / 1e18) * this.price[i]!;
    this.o.recorder?.flow(this.chain, i, s.zeroForOne, usd);
  }

  /** The edge was captured in block b: the calibration sees its distance and the winner's payment against volume. */
  private captured(e: number, b: number, tipWei: bigint, volumeUsd: number, nativeUsd: number): void {
    const paymentUsd = ((Number(tipWei) * this.o.params.competitors.gasUnits) / 1e18) * nativeUsd;
    this.o.recorder?.capture(this.chain, { distanceBlocks: b - this.openSince[e]!, volumeUsd, paymentUsd });
    this.openSince[e] = -1;
  }
}
