/**
 * The one mapping to SlippageFeatures, used for a ledger row read back (training) and for a live Opportunity at
 * detection (serving: every decider and policy), so the two never disagree. Only facts the ledger stores are used,
 * at the precision it stores them (exec/ledgerRow.ts rounds sizes and gas); a row written before the ledger kept
 * recent pool volatility and competitor pressure has them missing (NaN). Pool type is 'v3' when any pool of the
 * route is V3 (the ledger keeps the route's pools, not which one was mispriced).
 */
import { InvalidInputError } from '../core/errors.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import type { OpportunityRow } from '../domain/opportunityRow.ts';
import type { SlippageFeatures } from './slippageFeatures.ts';

/** The ledger facts behind the features, as numbers. */
interface LedgerFacts {
  id: string;
  timeMs: number;
  chain: string;
  tradeSizeQuote: unknown;
  poolLiquidityQuote: unknown;
  priceVolatility1h: unknown;
  gasPriceGwei: unknown;
  hopCount: unknown;
  edgeBps: unknown;
  poolKinds: readonly unknown[];
  recentPoolVolatilityBps: unknown;
  competitorPressure: unknown;
}

/** Decimal places ledgerRow keeps for each rounded column. */
const DIGITS = { tradeSizeQuote: 6, poolLiquidityQuote: 2, gasPriceGwei: 9 } as const;

const atLedgerPrecision = (x: number, digits: number): number => Number(x.toFixed(digits));

function isOpportunity(x: OpportunityRow | Opportunity): x is Opportunity {
  return 'routes' in x && Array.isArray((x as Opportunity).routes);
}

function factsOfOpportunity(o: Opportunity, routeIndex: number): LedgerFacts {
  const route = o.routes[routeIndex];
  if (!route) throw new InvalidInputError(`opportunity ${o.id}: no route ${routeIndex}`);
  return {
    id: o.id,
    timeMs: o.timeMs,
    chain: o.chain,
    tradeSizeQuote: o.tradeSizeQuote,
    poolLiquidityQuote: o.poolLiquidityQuote,
    priceVolatility1h: o.priceVolatility1h,
    gasPriceGwei: o.gasPriceGwei,
    hopCount: route.route.hops.length,
    edgeBps: o.edgeBps,
    poolKinds: route.route.hops.map((h) => h.pool.kind),
    recentPoolVolatilityBps: o.recentPoolVolatilityBps,
    competitorPressure: o.competitorPressure,
  };
}

function factsOfRow(r: OpportunityRow): LedgerFacts {
  const pools = (r.route as { pools?: unknown } | null)?.pools;
  return {
    id: r.id,
    timeMs: r.timestamp.getTime(),
    chain: r.chain,
    tradeSizeQuote: r.tradeSizeQuote,
    poolLiquidityQuote: r.poolLiquidityQuote,
    priceVolatility1h: r.priceVolatility1h,
    gasPriceGwei: r.gasPriceGwei,
    hopCount: r.hopCount,
    edgeBps: r.edgeBps,
    poolKinds: Array.isArray(pools) ? pools.map((p: { kind?: unknown } | null) => p?.kind) : [],
    recentPoolVolatilityBps: r.recentPoolVolatilityBps,
    competitorPressure: r.competitorPressure,
  };
}

function finite(facts: LedgerFacts, field: keyof LedgerFacts): number {
  const raw = facts[field];
  const x = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
  if (typeof x !== 'number' || !Number.isFinite(x)) {
    throw new InvalidInputError(
      `opportunity ${facts.id}: ${field} must be a finite number, got ${raw === null ? 'NULL' : String(raw)}`,
    );
  }
  return x;
}

/**
 * SlippageFeatures of a ledger row or a live opportunity (for an opportunity, of route `routeIndex`, default the
 * best). Throws InvalidInputError naming the opportunity id and field when a required fact is missing.
 */
export function slippageFeaturesOf(source: OpportunityRow | Opportunity, routeIndex = 0): SlippageFeatures {
  const f = isOpportunity(source) ? factsOfOpportunity(source, routeIndex) : factsOfRow(source);
  if (!Number.isFinite(f.timeMs)) throw new InvalidInputError(`opportunity ${f.id}: timestamp is not a valid time`);
  const kinds = f.poolKinds.filter((k): k is 'v2' | 'v3' => k === 'v2' || k === 'v3');
  const optional = (field: 'edgeBps' | 'recentPoolVolatilityBps' | 'competitorPressure'): number | undefined =>
    f[field] === null || f[field] === undefined ? undefined : finite(f, field);
  return {
    tradeSizeQuote: atLedgerPrecision(finite(f, 'tradeSizeQuote'), DIGITS.tradeSizeQuote),
    poolLiquidityQuote: atLedgerPrecision(finite(f, 'poolLiquidityQuote'), DIGITS.poolLiquidityQuote),
    priceVolatility1h: finite(f, 'priceVolatility1h'),
    gasPriceGwei: atLedgerPrecision(finite(f, 'gasPriceGwei'), DIGITS.gasPriceGwei),
    hourOfDay: new Date(f.timeMs).getUTCHours(),
    isPolygon: f.chain === 'polygon',
    hopCount: finite(f, 'hopCount'),
    edgeBps: optional('edgeBps'),
    poolType: kinds.length === 0 ? undefined : kinds.includes('v3') ? 'v3' : 'v2',
    recentPoolVolatilityBps: optional('recentPoolVolatilityBps'),
    competitorPressure: optional('competitorPressure'),
  };
}
