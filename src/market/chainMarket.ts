/**
 * One chain's side of the market, block by block: gas (simulated or replayed), noise traders' per-minute flows
 * (applied at random blocks inside the minute with exact AMM math) and competing arbitrageurs, who see an edge open
 * (profit beyond fee above their gas cost), land after a latency drawn from the real distance table if the edge
 * is still open, and push the pool to the CEX price net of its fee. Also answers what a transaction with a given
 * tip sees at inclusion in the current block.
 */
import type { Rng } from '../core/random.ts';
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { PoolV3 } from '../dex/v3/poolV3.ts';
import type { BlockSnapshot, CompetitorArb } from './blockSnapshot.ts';
import type { GasSource } from './gas/gasBlock.ts';
import type { MarketParams, PoolSpec } from './params.ts';
import { recentreV3 } from './pools/createMarketPools.ts';
import { poolEdge } from './pools/edge.ts';
import { drawLatencyBlocks, drawTipRatio } from './pools/latency.ts';
import { flowScale, noiseFlowUsd } from './pools/noiseFlow.ts';
import { poolDepthUsd, poolFee, poolPrice, swapExactIn, swapToPrice } from './pools/poolMath.ts';
import type { ChainRecorder } from './chainRecorder.ts';

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

const DAY_MS = 86_400_000;

export class ChainMarket {
  readonly chain: Chain;
  readonly blockTimeMs: number;
  nextTimeMs: number;
  private blockNumber: number;
  private pools: Pool[];
  private preArb: Pool[];
  private landed: CompetitorArb[] = [];
  private copied = false;
  private readonly specs: PoolSpec[];
  private readonly price: Float64Array;
  private readonly depth: Float64Array;
  private readonly fee: Float64Array;
  private readonly openSince: Int32Array;
  private readonly scheduled: Int32Array;
  private readonly tipRatio: Float64Array;
  private readonly side: Int8Array;
  private readonly noiseBlock: Int32Array;
  private readonly noiseUsd: Float64Array;
  private minute = -1;
  private day: number;
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
    this.openSince = new Int32Array(n).fill(-1);
    this.scheduled = new Int32Array(n).fill(-1);
    this.tipRatio = new Float64Array(n);
    this.side = new Int8Array(n);
    this.noiseBlock = new Int32Array(2 * n).fill(-1);
    this.noiseUsd = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) this.refresh(i);
    this.day = Math.floor(o.startMs / DAY_MS);
  }

  /** The last block produced, if any. */
  current(): BlockSnapshot | undefined {
    return this.last;
  }

  /** Produces the block at nextTimeMs. */
  step(cexPrice: number, ethUsd: number, nativeUsd: number): BlockSnapshot {
    const t = this.nextTimeMs;
    const b = this.blockNumber;
    const gas = this.o.gas.next(t);
    this.copied = false;
    this.scheduleNoise(t, b, cexPrice);
    this.recentreDaily(t);
    this.applyNoise(b, cexPrice);
    this.preArb = this.pools;
    this.copied = false;
    this.landed = [];
    const gasUsd = (this.o.params.competitors.gasUnits * Number(gas.baseFeeWei + gas.priorityFeeWei) / 1e18) * nativeUsd;
    for (let i = 0; i < this.pools.length; i++) this.competitorStep(i, b, cexPrice, gasUsd, gas.baseFeeWei);
    const snapshot: BlockSnapshot = {
      chain: this.chain, blockNumber: b, timeMs: t, cexPrice, ethUsd, nativeUsd,
      baseFeeWei: gas.baseFeeWei, priorityFeeWei: gas.priorityFeeWei, minPriorityFeeWei: gas.minPriorityFeeWei,
      utilisation: gas.utilisation, pools: this.pools, competitorArbs: this.landed,
    };
    this.last = snapshot;
    this.blockNumber = b + 1;
    this.nextTimeMs = t + this.blockTimeMs;
    return snapshot;
  }

  /**
   * Pools as a transaction paying `tipWei` per gas sees them when included in the current block: after the
   * block's noise trades and after the competitor arbitrages that pay more (ties go to the competitor).
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
   * Records our own transaction in the current block: the touched pools take the states after it, then the
   * competitors that paid less than us trade again if their edge is still open. Later blocks see the result.
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
      const edge = poolEdge(this.price[i]!, this.depth[i]!, this.fee[i]!, cexPrice);
      if (edge.excess <= 0) continue;
      const s = swapToPrice(this.pools[i]!, edge.targetPrice);
      if (s) this.setPool(i, s.pool);
    }
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

  private scheduleNoise(t: number, b: number, cexPrice: number): void {
    const minute = Math.floor(t / 60_000);
    if (minute === this.minute) return;
    this.o.recorder?.minute(this.chain, cexPrice);
    this.minute = minute;
    const blocksLeft = Math.max(1, Math.ceil(((minute + 1) * 60_000 - t) / this.blockTimeMs));
    const rng = this.o.noiseRng;
    for (let j = 0; j < this.noiseBlock.length; j++) {
      const i = j >> 1;
      this.noiseUsd[j] = noiseFlowUsd(rng, this.o.params.flows, flowScale(this.o.params.flows, this.depth[i]!));
      this.noiseBlock[j] = b + rng.int(blocksLeft);
    }
  }

  private applyNoise(b: number, cexPrice: number): void {
    for (let j = 0; j < this.noiseBlock.length; j++) {
      if (this.noiseBlock[j] !== b || this.noiseUsd[j]! <= 0) continue;
      const i = j >> 1;
      const usdcIn = (j & 1) === 0;
      const usd = this.noiseUsd[j]!;
      const amount = usdcIn ? BigInt(Math.round(usd * 1e6)) : BigInt(Math.round((usd / cexPrice) * 1e6)) * 10n ** 12n;
      const s = swapExactIn(this.pools[i]!, usdcIn, amount);
      if (!s) continue;
      this.setPool(i, s.pool);
      this.o.recorder?.flow(this.chain, i, usdcIn, usd);
    }
  }

  private competitorStep(i: number, b: number, cexPrice: number, gasUsd: number, baseFeeWei: bigint): void {
    const edge = poolEdge(this.price[i]!, this.depth[i]!, this.fee[i]!, cexPrice);
    if (edge.profitUsd <= gasUsd + this.o.params.competitors.minProfitUsd) {
      // An edge that shrinks below the competitors' bar without the pool crossing the CEX price is the same
      // opportunity when it widens again (the real distance counts from the swap that created it); crossing ends it.
      if (this.openSince[i]! >= 0 && edge.side !== this.side[i]) this.openSince[i] = -1;
      return;
    }
    const params = this.o.params.competitors;
    if (this.openSince[i]! < 0 || edge.side !== this.side[i]) {
      this.openSince[i] = b;
      this.side[i] = edge.side;
      this.scheduled[i] = b + drawLatencyBlocks(this.o.competitorRng, params.latencyBlocks[this.chain]);
      this.tipRatio[i] = drawTipRatio(this.o.competitorRng, params);
    }
    if (this.scheduled[i]! > b) return;
    const s = swapToPrice(this.pools[i]!, edge.targetPrice);
    if (!s) return;
    this.setPool(i, s.pool);
    const tipWei = BigInt(Math.round(Number(baseFeeWei) * this.tipRatio[i]!));
    this.landed.push({
      poolIndex: i, poolAddress: s.pool.address, tipWei, zeroForOne: s.zeroForOne, amountIn: s.amountIn,
      targetPrice: edge.targetPrice, openedAtBlock: this.openSince[i]!,
    });
    this.o.recorder?.competitor(this.chain, i, b - this.openSince[i]!, s.zeroForOne, s.zeroForOne ? Number(s.amountIn) / 1e6 : (Number(s.amountIn) / 1e18) * cexPrice);
    this.openSince[i] = -1;
  }

  private recentreDaily(t: number): void {
    const day = Math.floor(t / DAY_MS);
    if (day === this.day) return;
    this.day = day;
    for (let i = 0; i < this.pools.length; i++) {
      const p = this.pools[i]!;
      if (p.kind === 'v3') this.setPool(i, recentreV3(p as PoolV3, this.specs[i]!));
    }
  }
}
