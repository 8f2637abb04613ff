/**
 * Seeded synthetic opportunities with a known, nonlinear slippage law, for tests and the GBDT benchmark until the
 * ledger has real rows. The law: constant-product price impact of size over liquidity (a third of it on V3),
 * compounding over hops; price drift over the block time, scaled by hourly and pool volatility; competitors
 * eating into wide edges; a congestion term rising with log gas on Ethereum; a time-of-day cycle; and
 * Gaussian noise of `noiseBps`. Distributions are log-normal where real ones are.
 */
import { rngFor, type Rng } from '../core/random.ts';
import type { SlippageFeatures } from './slippageFeatures.ts';

export interface SyntheticSlippageOptions {
  rows: number;
  seed: number;
  /** Standard deviation of the noise, bps (default 2). */
  noiseBps?: number;
}

export interface SyntheticSlippage {
  features: SlippageFeatures[];
  /** actual_slippage_bps. */
  targets: number[];
}

/** The noise-free slippage of an opportunity under the synthetic law, bps. */
export function syntheticSlippageBps(x: SlippageFeatures): number {
  const r = x.tradeSizeQuote / x.poolLiquidityQuote;
  const perHop = ((1e4 * r) / (1 + r)) * (x.poolType === 'v3' ? 0.35 : 1);
  const impact = perHop * (1 + 0.6 * (x.hopCount - 1));
  const blockSeconds = x.isPolygon ? 2 : 12;
  const poolVol = x.recentPoolVolatilityBps ?? 5;
  const drift = x.priceVolatility1h * 1e4 * Math.sqrt(blockSeconds / 60) * (1 + poolVol / 20);
  const competition = 12 * (x.competitorPressure ?? 0.3) ** 2 * Math.min(3, (x.edgeBps ?? 30) / 40);
  const congestion = x.isPolygon ? 0.5 : 3 * Math.max(0, Math.log(x.gasPriceGwei / 25));
  const hour = 1.5 * (1 + Math.sin((2 * Math.PI * (x.hourOfDay - 14)) / 24));
  return impact + drift + competition + congestion + hour;
}

function logNormal(rng: Rng, median: number, sigma: number): number {
  return median * Math.exp(sigma * rng.normal());
}

export function syntheticOpportunity(rng: Rng): SlippageFeatures {
  const isPolygon = rng.next() < 0.4;
  const poolLiquidityQuote = logNormal(rng, 8_000_000, 0.7);
  return {
    // Arbitrage sizes are bounded by the pool: at most 3% of its depth.
    tradeSizeQuote: Math.min(logNormal(rng, 12_000, 0.6), 0.03 * poolLiquidityQuote),
    poolLiquidityQuote,
    priceVolatility1h: logNormal(rng, 0.004, 0.5),
    gasPriceGwei: isPolygon ? logNormal(rng, 60, 0.5) : logNormal(rng, 30, 0.6),
    hourOfDay: rng.int(24),
    isPolygon,
    hopCount: 1 + (rng.next() < 0.3 ? 1 : 0) + (rng.next() < 0.1 ? 1 : 0),
    edgeBps: 5 + logNormal(rng, 25, 0.7),
    poolType: rng.next() < 0.55 ? 'v3' : 'v2',
    recentPoolVolatilityBps: logNormal(rng, 5, 0.6),
    competitorPressure: rng.next(),
  };
}

export function syntheticSlippage({ rows, seed, noiseBps = 2 }: SyntheticSlippageOptions): SyntheticSlippage {
  const rng = rngFor(seed, 'slippage/synthetic');
  const features: SlippageFeatures[] = [];
  const targets: number[] = [];
  for (let i = 0; i < rows; i++) {
    const x = syntheticOpportunity(rng);
    features.push(x);
    targets.push(syntheticSlippageBps(x) + noiseBps * rng.normal());
  }
  return { features, targets };
}
