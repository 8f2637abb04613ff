/**
 * What the runner remembers of the market it has seen, to compute detection-time features without lookahead:
 * the CEX price per minute (1-hour volatility), each pool's recent mid prices (recent pool volatility), which
 * recent blocks carried a competitor arbitrage on which pool (competitor pressure), and gas per minute (the
 * decision context's history). Fed one block at a time, in the market's order.
 */
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import type { Chain } from '../dex/types.ts';
import type { GasSample } from '../domain/gasSample.ts';

const POOL_WINDOW = 20;
const PRESSURE_BLOCKS = 100;
const VOL_MINUTES = 60;
const GAS_MINUTES = 180;

class ChainMemory {
  readonly logPrices = new Map<string, Float64Array>();
  readonly writes = new Map<string, number>();
  /** Per recent block (ring): addresses of pools a competitor hit. */
  readonly hits: (readonly string[])[] = [];
  readonly gas: GasSample[] = [];
  lastMinute = -1;
}

export class MarketMemory {
  private readonly chains = new Map<Chain, ChainMemory>();
  private readonly minutePrices: number[] = [];
  private lastMinute = -1;
  private volMinute = -1;
  private vol = 0;

  /** Records a block; call once per block before detecting on it. */
  observe(b: BlockSnapshot, poolPrices: readonly number[]): void {
    const minute = Math.floor(b.timeMs / 60_000);
    if (minute !== this.lastMinute) {
      this.lastMinute = minute;
      this.minutePrices.push(b.cexPrice);
      if (this.minutePrices.length > VOL_MINUTES + 1) this.minutePrices.shift();
    }
    const c = this.chain(b.chain);
    b.pools.forEach((p, i) => {
      let ring = c.logPrices.get(p.address);
      if (!ring) c.logPrices.set(p.address, (ring = new Float64Array(POOL_WINDOW)));
      const n = c.writes.get(p.address) ?? 0;
      ring[n % POOL_WINDOW] = Math.log(poolPrices[i]!);
      c.writes.set(p.address, n + 1);
    });
    c.hits.push(b.competitorArbs.map((a) => a.poolAddress));
    if (c.hits.length > PRESSURE_BLOCKS) c.hits.shift();
    if (minute !== c.lastMinute) {
      c.lastMinute = minute;
      c.gas.push({
        timeMs: b.timeMs,
        baseFeeGwei: Number(b.baseFeeWei) / 1e9,
        priorityFeeGwei: Number(b.priorityFeeWei) / 1e9,
        utilisation: b.utilisation,
      });
      if (c.gas.length > GAS_MINUTES) c.gas.shift();
    }
  }

  /** Std of the last hour's 1-minute CEX log returns (0 until two minutes are seen). */
  volatility1h(): number {
    if (this.volMinute === this.lastMinute) return this.vol;
    this.volMinute = this.lastMinute;
    const p = this.minutePrices;
    const n = p.length - 1;
    if (n < 2) return (this.vol = 0);
    let sum = 0;
    let sq = 0;
    for (let i = 1; i <= n; i++) {
      const r = Math.log(p[i]! / p[i - 1]!);
      sum += r;
      sq += r * r;
    }
    const mean = sum / n;
    return (this.vol = Math.sqrt(Math.max(0, sq / n - mean * mean)));
  }

  /** Std of the pool's block-to-block mid-price log changes over the last blocks, bps. */
  poolVolatilityBps(chain: Chain, address: string): number {
    const c = this.chain(chain);
    const ring = c.logPrices.get(address);
    const n = Math.min(c.writes.get(address) ?? 0, POOL_WINDOW);
    if (!ring || n < 3) return 0;
    const start = (c.writes.get(address)! - n) % POOL_WINDOW;
    let sum = 0;
    let sq = 0;
    for (let k = 1; k < n; k++) {
      const d = ring[(start + k) % POOL_WINDOW]! - ring[(start + k - 1) % POOL_WINDOW]!;
      sum += d;
      sq += d * d;
    }
    const m = sum / (n - 1);
    return Math.sqrt(Math.max(0, sq / (n - 1) - m * m)) * 1e4;
  }

  /** Share of the chain's last 100 blocks with a competitor arbitrage on any of these pools. */
  competitorPressure(chain: Chain, addresses: readonly string[]): number {
    const c = this.chain(chain);
    if (c.hits.length === 0) return 0;
    let n = 0;
    for (const h of c.hits) if (h.length > 0 && h.some((a) => addresses.includes(a.toLowerCase()))) n++;
    return n / PRESSURE_BLOCKS;
  }

  /** The chain's gas, one sample per minute, oldest first (last 3 hours). */
  gasHistory(chain: Chain): readonly GasSample[] {
    return this.chain(chain).gas;
  }

  private chain(chain: Chain): ChainMemory {
    let c = this.chains.get(chain);
    if (!c) this.chains.set(chain, (c = new ChainMemory()));
    return c;
  }
}
