/**
 * The market: one clock over the chains' blocks (ethereum every 12 s, polygon every 2 s, merged in time order),
 * a CEX reference price (replayed or simulated), gas per chain (ethereum replayed from the 5-minute file when
 * given, otherwise simulated; polygon always simulated) and the pools moved by noise traders and competing
 * arbitrageurs. Same seed and inputs -> the same stream, bit for bit; each component has its own stream
 * (rngFor(seed, 'market/<name>/<chain>')).
 *
 * Runner usage: `for (const block of market.blocks())` (or `market.step()`); to execute at inclusion block B,
 * wait for the snapshot of B on that chain, then `market.poolsAtInclusion({ chain, tipWei })` gives the pools
 * the transaction meets, and `market.include({ chain, tipWei, pools })` makes its trade part of the world.
 */
import { rngFor } from '../core/random.ts';
import type { Pool } from '../dex/pool.ts';
import type { Chain } from '../dex/types.ts';
import type { BlockSnapshot, CompetitorArb } from './blockSnapshot.ts';
import { cexPriceAt } from './cex/cexPath.ts';
import type { ChainRecorder } from './chainRecorder.ts';
import { ChainMarket } from './chainMarket.ts';
import { DEFAULT_MARKET_PARAMS } from './defaultParams.ts';
import { replayGas } from './gas/replayGas.ts';
import { simulateGas } from './gas/simulateGas.ts';
import { loadMarketSources, type MarketSources } from './marketSources.ts';
import type { MarketParams } from './params.ts';
import { createMarketPools } from './pools/createMarketPools.ts';

export interface CreateMarketOptions {
  seed: number;
  days: number;
  chains?: readonly Chain[];
  /** 1-minute klines to replay as the CEX price (freqtrade JSON or Binance CSV). */
  cexFile?: string;
  /** The real 5-minute Ethereum gas file to replay on ethereum. */
  gasFile?: string;
  params?: MarketParams;
  recorder?: ChainRecorder;
}

export interface MarketInfo {
  startMs: number;
  endMs: number;
  chains: readonly Chain[];
  cexSource: 'replay' | 'model';
  gasSource: Record<Chain, 'replay' | 'model'>;
  /** Rows of the given files that were rejected (JSON of file, line, reason). */
  rejectedRows: readonly string[];
  /** Total blocks the run will produce over all chains. */
  totalBlocks: number;
}

const START_BLOCK: Readonly<Record<Chain, number>> = {
  ethereum: 13_690_000,
  polygon: 22_000_000,
  arbitrum: 150_000_000,
};

export class Market {
  readonly info: MarketInfo;
  readonly params: MarketParams;
  private readonly chains: ChainMarket[];
  private readonly byChain = new Map<Chain, ChainMarket>();
  private readonly sources: MarketSources;

  constructor(options: CreateMarketOptions) {
    const params = options.params ?? DEFAULT_MARKET_PARAMS;
    const chains = options.chains ?? (['ethereum', 'polygon'] as const);
    const { seed } = options;
    this.params = params;
    this.sources = loadMarketSources({
      seed,
      days: options.days,
      params,
      cexFile: options.cexFile,
      gasFile: options.gasFile,
    });
    const { startMs, endMs, cex, gasRows } = this.sources;
    const price = cexPriceAt(cex, startMs);
    const gasSource: Record<Chain, 'replay' | 'model'> = { ethereum: 'model', polygon: 'model', arbitrum: 'model' };
    this.chains = chains.map((chain) => {
      const replay = chain === 'ethereum' && gasRows !== undefined;
      gasSource[chain] = replay ? 'replay' : 'model';
      const gas = replay
        ? replayGas({ rows: gasRows, minTipGwei: params.gas.ethereum.minTipGwei, file: options.gasFile })
        : simulateGas({ rng: rngFor(seed, `market/gas/${chain}`), params: params.gas[chain] });
      const cm = new ChainMarket({
        chain,
        params,
        gas,
        pools: createMarketPools(chain, params.pools[chain], price),
        startMs,
        startBlock: START_BLOCK[chain],
        noiseRng: rngFor(seed, `market/noise/${chain}`),
        competitorRng: rngFor(seed, `market/competitors/${chain}`),
        recorder: options.recorder,
      });
      this.byChain.set(chain, cm);
      return cm;
    });
    const totalBlocks = this.chains.reduce((s, c) => s + Math.ceil((endMs - startMs) / c.blockTimeMs), 0);
    this.info = {
      startMs,
      endMs,
      chains,
      cexSource: cex.source,
      gasSource,
      rejectedRows: this.sources.rejectedRows,
      totalBlocks,
    };
  }

  /** The next block in time order over all chains (ethereum first on a tie), or null at the end of the run. */
  step(): BlockSnapshot | null {
    let next: ChainMarket | undefined;
    for (const c of this.chains) if (!next || c.nextTimeMs < next.nextTimeMs) next = c;
    if (!next || next.nextTimeMs >= this.info.endMs) return null;
    const cexPrice = cexPriceAt(this.sources.cex, next.nextTimeMs);
    const nativeUsd = cexPrice / this.params.gas[next.chain].nativePerEth;
    const ahead = cexPriceAt(this.sources.cex, Math.min(next.nextTimeMs + 60_000, this.info.endMs - 1));
    return next.step(cexPrice, cexPrice, nativeUsd, ahead);
  }

  *blocks(): Generator<BlockSnapshot> {
    for (let b = this.step(); b; b = this.step()) yield b;
  }

  /** The latest block of a chain. */
  current(chain: Chain): BlockSnapshot | undefined {
    return this.chain(chain).current();
  }

  /** Competitor arbitrages that landed in the chain's latest block (tip order decides who goes first). */
  competitorsFor(chain: Chain): readonly CompetitorArb[] {
    return this.chain(chain).current()?.competitorArbs ?? [];
  }

  /** Pools a transaction paying tipWei per gas meets in the chain's latest block (see ChainMarket). */
  poolsAtInclusion({ chain, tipWei }: { chain: Chain; tipWei: bigint }): Pool[] {
    return this.chain(chain).poolsAtInclusion(tipWei);
  }

  /** Makes our transaction's resulting pool states part of the chain's latest block. */
  include({ chain, tipWei, pools }: { chain: Chain; tipWei: bigint; pools: readonly Pool[] }): void {
    const c = this.chain(chain);
    c.include(tipWei, pools, c.current()?.cexPrice ?? cexPriceAt(this.sources.cex, c.nextTimeMs));
  }

  /** CEX price at any time of the run. */
  cexPriceAt(timeMs: number): number {
    return cexPriceAt(this.sources.cex, timeMs);
  }

  private chain(chain: Chain): ChainMarket {
    const c = this.byChain.get(chain);
    if (!c) throw new Error(`market has no chain ${chain}`);
    return c;
  }
}

/** Builds a market (see Market). Reads the given files; throws InvalidInputError when they cannot be replayed. */
export function createMarket(options: CreateMarketOptions): Market {
  return new Market(options);
}
