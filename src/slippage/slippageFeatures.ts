/**
 * What the slippage model sees about an opportunity at detection: the seed's seven features plus the candidates
 * that earn their place on the holdout (size over liquidity, edge, pool type, recent pool volatility, competitor
 * pressure). Field names are camelCase here; the model file uses the snake_case names of
 * `SLIPPAGE_FEATURE_NAMES` in the same order as `toFeatureVector`. A missing optional candidate is NaN in the
 * vector, which the trees route by their learned default direction.
 */
import { InvalidInputError } from '../core/errors.ts';

export interface SlippageFeatures {
  /** Trade input size in the quote token (USDC). */
  tradeSizeQuote: number;
  /** Pool depth in quote token (for V3: the active liquidity's quote value). */
  poolLiquidityQuote: number;
  /** Standard deviation of 1-minute log returns of the CEX price over the last hour (fraction, not bps). */
  priceVolatility1h: number;
  gasPriceGwei: number;
  /** 0-23, UTC. */
  hourOfDay: number;
  isPolygon: boolean;
  /** Swaps in the route (1 = single pool). */
  hopCount: number;
  /** Detected edge in bps (docs/metrics.md, edge_bps). */
  edgeBps?: number;
  poolType?: 'v2' | 'v3';
  /** Standard deviation of the pool's mid price over recent blocks, bps. */
  recentPoolVolatilityBps?: number;
  /** 0-1: share of recent comparable opportunities taken by others first. */
  competitorPressure?: number;
}

export const SLIPPAGE_FEATURE_NAMES = [
  'trade_size_quote',
  'pool_liquidity_quote',
  'price_volatility_1h',
  'gas_price_gwei',
  'hour_of_day',
  'is_polygon',
  'hop_count',
  'size_over_liquidity',
  'edge_bps',
  'pool_type_v3',
  'recent_pool_volatility_bps',
  'competitor_pressure',
] as const;

const optional = (v: number | undefined): number => (v === undefined ? NaN : v);

/** The feature vector, in SLIPPAGE_FEATURE_NAMES order. */
export function toFeatureVector(x: SlippageFeatures): number[] {
  return [
    x.tradeSizeQuote,
    x.poolLiquidityQuote,
    x.priceVolatility1h,
    x.gasPriceGwei,
    x.hourOfDay,
    x.isPolygon ? 1 : 0,
    x.hopCount,
    x.poolLiquidityQuote > 0 ? x.tradeSizeQuote / x.poolLiquidityQuote : NaN,
    optional(x.edgeBps),
    x.poolType === undefined ? NaN : x.poolType === 'v3' ? 1 : 0,
    optional(x.recentPoolVolatilityBps),
    optional(x.competitorPressure),
  ];
}

const REQUIRED: Array<keyof SlippageFeatures> = [
  'tradeSizeQuote',
  'poolLiquidityQuote',
  'priceVolatility1h',
  'gasPriceGwei',
  'hourOfDay',
  'hopCount',
];

/** Rejects a row whose required numeric fields are missing or not finite, naming the row and field. */
export function checkSlippageFeatures(x: SlippageFeatures, row: number): void {
  for (const key of REQUIRED) {
    const v = x[key];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new InvalidInputError(`slippage features row ${row}: ${key} must be a finite number, got ${String(v)}`);
    }
  }
  if (x.tradeSizeQuote < 0 || x.poolLiquidityQuote < 0) {
    throw new InvalidInputError(`slippage features row ${row}: trade size and pool liquidity must not be negative`);
  }
}
