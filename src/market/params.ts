/**
 * Parameters of the market model. The committed defaults (defaultParams.ts) come from `arbml calibrate` on the real
 * data; CALIBRATION.md says which statistic each one matches and with what tolerance.
 */
import type { Chain } from '../dex/types.ts';
import type { OrderingRule } from './searchers/orderingRule.ts';

/** 1-minute CEX log-returns: stochastic volatility (log sigma is an AR(1) per minute: the regime) plus jumps. */
export interface CexParams {
  /** Median 1-minute volatility (log-return std) of the diffusion part. */
  sigma: number;
  /** Stationary std of log sigma (how far the calm and volatile regimes are apart). */
  logVolStd: number;
  /** Per-minute persistence of log sigma (0.994 = regimes last hours). */
  logVolPersistence: number;
  /** Probability of a jump in a minute, and the jump's log-size std. */
  jumpProbability: number;
  jumpStd: number;
  /** Price at the start when no file is replayed, quote per base. */
  startPrice: number;
}

/** Block-level EIP-1559 gas of one chain. Fees in gwei unless named Wei. */
export interface GasParams {
  blockTimeSeconds: number;
  gasLimit: number;
  /** Median of the demand level (the base fee the chain's demand would settle at), gwei. */
  demandMedianGwei: number;
  /** Demand level: stationary std of its log and its persistence per 5 minutes. */
  demandLogStd: number;
  demandPersistence5m: number;
  /** A fast demand component (minutes-long rushes): stationary log std and persistence per 5 minutes. */
  demandFastStd: number;
  demandFastPersistence5m: number;
  /** Daily cycle of log demand: amplitude and the UTC hour of the peak. */
  dailyAmplitude: number;
  dailyPeakHour: number;
  /** Bursts (mints, liquidations): probability per 5 minutes and mean log size (exponential). */
  burstProbability5m: number;
  burstMeanLog: number;
  /** Block utilisation = 0.5 + feedback * (log demand - log base fee) + noise, clipped to [0, 1]. */
  utilisationFeedback: number;
  utilisationBias: number;
  utilisationNoise: number;
  /** Smallest tip a block's cheapest transaction pays, gwei (real min_gas_price = base fee + this). */
  minTipGwei: number;
  /** Typical (average) tip above the minimum: log-normal AR(1) per block. */
  tipMedianGwei: number;
  tipLogStd: number;
  tipPersistence: number;
  /** Native token price per ETH (MATIC per ETH on polygon, 1 on ethereum). */
  nativePerEth: number;
}

/** Noise traders: per pool, per minute and per direction, a gross flow in USD. */
export interface FlowParams {
  /** Probability of no flow in a minute (per direction). */
  zeroProbability: number;
  /** Quantiles (p = 0, 1/n, .., 1) of the USD flow in a minute with flow, for the reference pool. */
  usdQuantiles: number[];
  /** Share of the real gross flow that is noise (the rest in the real data is arbitrage, which the model adds). */
  noiseShare: number;
  /** Depth (USD per unit log price) of the reference pool (the real Polygon V3 USDC/WETH 0.05% pool). */
  referenceDepthUsd: number;
  /** Flows scale as (depth / referenceDepth)^exponent. */
  depthExponent: number;
  /** Per chain, mean number of swaps a minute's flow of one direction is split into (1 + Poisson(mean - 1)). */
  swapsPerMinute: Record<Chain, number>;
  /** Informed flow: USD = informedShare * depth * |log CEX move of the next minute|, in the move's direction. */
  informedShare: number;
  /** Std of the log of a minute's activity multiplier (shared by pools and directions; mean 1). */
  activityLogStd: number;
  /** Probability that informed traders act on a pool in a minute. */
  informedProbability: number;
}

/** V3 liquidity providers: the ladder's size follows a log AR(1) per minute and is re-centred on the price. */
export interface LiquidityParams {
  /** Stationary std of log(size / spec size). */
  logStd: number;
  /** Per-minute persistence. */
  persistence: number;
}

/** Competing arbitrageurs: how many watch an edge, how fast they are and how they bid, per chain. */
export interface CompetitorParams {
  /** Real capture distances (blocks from the swap that created an edge to the arbitrage), equal-probability table. */
  latencyBlocks: Record<Chain, number[]>;
  /** Mean (Poisson) number of searchers watching an edge. */
  searchersPerEdge: Record<Chain, number>;
  /** Share of the edge's value a searcher is willing to pay: equal-probability quantiles. */
  bidShareQuantiles: Record<Chain, number[]>;
  /** How the chain orders the arbitrages of one edge (searchers/orderingRule.ts). */
  orderingRule: Record<Chain, OrderingRule>;
  /** Gas of one competitor arbitrage. */
  gasUnits: number;
}

export interface PoolSpec {
  dex: string;
  kind: 'v2' | 'v3';
  /** V2 fee in bps or V3 fee in pips. */
  fee: number;
  /** V2: USDC reserve in whole USDC. V3: depth, USD per unit log price (half the virtual USDC reserve). */
  size: number;
}

export interface MarketParams {
  version: number;
  cex: CexParams;
  gas: Record<Chain, GasParams>;
  flows: FlowParams;
  liquidity: LiquidityParams;
  competitors: CompetitorParams;
  pools: Record<Chain, PoolSpec[]>;
}
