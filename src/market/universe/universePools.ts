/**
 * A universe's pools as exact DEX entities (PoolV2 / PoolV3), deterministic from a seed. Each pool starts at the
 * reference price of its tokens (token1 per token0 from their USD prices) moved by a seeded log offset of
 * `mispricing` times its fee (std), so some pools start outside their fee band and routes between them have edges.
 * Sizes come from the pool's TVL: a V2 pair holds half of it on each side; a V3 pool's active liquidity is the one
 * whose positions (the liquidity profile) hold exactly the TVL at its price (`v3Liquidity.ts`).
 */
import { rngFor, type Rng } from '../../core/random.ts';
import type { Pool } from '../../dex/pool.ts';
import type { Chain, Token } from '../../dex/types.ts';
import { createPoolV2 } from '../../dex/v2/poolV2.ts';
import { createPoolV3 } from '../../dex/v3/poolV3.ts';
import { getSqrtRatioAtTick, MAX_TICK, MIN_TICK } from '../../dex/v3/tickMath.ts';
import { ticksFromPositions } from '../../dex/v3/ticksFromPositions.ts';
import { poolId } from './loadUniverse.ts';
import type { Universe, UniversePool, UniverseToken } from './universeSchema.ts';
import { profilePositions } from './v3Liquidity.ts';

export interface UniversePoolsOptions {
  universe: Universe;
  seed: number;
  /** Std of each pool's start log-price offset, as a multiple of its fee (default 0.5; 0 = every pool at par). */
  mispricing?: number;
}

export interface UniverseMarket {
  pools: Pool[];
  /** chain -> symbol -> token (address `chain:symbol`, lower case). */
  tokens: ReadonlyMap<Chain, ReadonlyMap<string, Token>>;
}

export function universeToken(chain: Chain, t: UniverseToken): Token {
  return Object.freeze({ address: `${chain}:${t.symbol}`.toLowerCase(), symbol: t.symbol, decimals: t.decimals });
}

/** Integer base units from a float amount (exact value of the rounded double). */
export function baseUnits(x: number): bigint {
  return BigInt(Math.round(x));
}

function feeFraction(p: UniversePool): number {
  return p.kind === 'v3' ? p.feeTier / 1e6 : p.feeBps / 1e4;
}

function makePool(
  p: UniversePool,
  t0: UniverseToken,
  t1: UniverseToken,
  tokens: ReadonlyMap<string, Token>,
  offset: number,
): Pool {
  const [token0, token1] = [tokens.get(t0.symbol)!, tokens.get(t1.symbol)!];
  const address = poolId(p);
  // token1 base units per token0 base unit at the reference, then the offset.
  const rawPrice = (t0.priceUsd / t1.priceUsd) * 10 ** (t1.decimals - t0.decimals) * Math.exp(offset);
  if (p.kind === 'v2') {
    const side0 = p.tvlUsd / 2 / t0.priceUsd;
    const reserve0 = baseUnits(side0 * 10 ** t0.decimals);
    const reserve1 = baseUnits(side0 * 10 ** t0.decimals * rawPrice);
    return createPoolV2({
      chain: p.chain,
      dex: p.venue,
      address,
      token0,
      token1,
      reserve0,
      reserve1,
      feeBps: p.feeBps,
    });
  }
  const tick = Math.max(MIN_TICK + 1, Math.min(MAX_TICK - 1, Math.round(Math.log(rawPrice) / Math.log(1.0001))));
  const sqrtPriceX96 = getSqrtRatioAtTick(tick);
  const usdPerRaw0 = t0.priceUsd / 10 ** t0.decimals;
  const positions = profilePositions({
    profile: p.profile,
    tick,
    tickSpacing: p.tickSpacing,
    tvlUsd: p.tvlUsd,
    usdPerRaw0,
    sqrtPriceX96,
  });
  const ticks = ticksFromPositions(positions);
  let liquidity = 0n;
  for (const q of positions) if (q.tickLower <= tick && tick < q.tickUpper) liquidity += q.liquidity;
  return createPoolV3({
    chain: p.chain,
    dex: p.venue,
    address,
    token0,
    token1,
    feePips: p.feeTier,
    tickSpacing: p.tickSpacing,
    sqrtPriceX96,
    tick,
    liquidity,
    ticks,
  });
}

export function universePools({ universe, seed, mispricing = 0.5 }: UniversePoolsOptions): UniverseMarket {
  const bySymbol = new Map(universe.tokens.map((t) => [t.symbol, t]));
  const tokens = new Map<Chain, Map<string, Token>>();
  for (const c of universe.chains)
    tokens.set(c.name, new Map(universe.tokens.map((t) => [t.symbol, universeToken(c.name, t)])));
  const rng: Rng = rngFor(seed, 'market/universe/offsets');
  const pools = universe.pools.map((p) => {
    const offset = mispricing * feeFraction(p) * rng.normal();
    return makePool(p, bySymbol.get(p.token0)!, bySymbol.get(p.token1)!, tokens.get(p.chain)!, offset);
  });
  return { pools, tokens };
}
