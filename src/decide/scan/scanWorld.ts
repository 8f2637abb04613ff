/**
 * The universe as the scan benchmark drives it: per chain a cycle scanner over that chain's pools, seeded noise
 * swaps that move a few pools each block (0.001% to 0.1% of the pool's TVL, exact swaps), and executed arbitrages
 * applied to the pools (re-quoted in order on the current states, so overlapping cycles never use stale ones).
 */
import type { Rng } from '../../core/random.ts';
import type { Pool } from '../../dex/pool.ts';
import { tokenIn } from '../../dex/pool.ts';
import { createCycleScanner, type CycleScanner } from '../../dex/routes/cycleScanner.ts';
import { InsufficientLiquidityError, quoteRoute, swapExactIn } from '../../dex/routes/quoteRoute.ts';
import type { Route } from '../../dex/routes/route.ts';
import { universeChains, type UniverseChainSetup } from '../../market/universe/universeChains.ts';
import { universePools } from '../../market/universe/universePools.ts';
import type { Universe } from '../../market/universe/universeSchema.ts';

export interface ChainWorld {
  setup: UniverseChainSetup;
  scanner: CycleScanner;
  /** TVL (USD) of each pool of the scanner, same order. */
  tvlUsd: number[];
  /** USD per whole token, by token symbol. */
  usd: ReadonlyMap<string, number>;
  /** Pools touched by our trades since the last scan. */
  touched: Set<number>;
}

export function createScanWorld({ universe, seed }: { universe: Universe; seed: number }): ChainWorld[] {
  const { pools } = universePools({ universe, seed });
  const usd = new Map(universe.tokens.map((t) => [t.symbol, t.priceUsd]));
  return universeChains(universe).map((setup) => {
    const idx = pools.map((p, i) => (p.chain === setup.chain ? i : -1)).filter((i) => i >= 0);
    const scanner = createCycleScanner({
      pools: idx.map((i) => pools[i]),
      providers: setup.providers,
      profile: setup.profile,
      tokenPerNative: setup.tokenPerNative,
    });
    return { setup, scanner, tvlUsd: idx.map((i) => universe.pools[i].tvlUsd), usd, touched: new Set<number>() };
  });
}

/** Noise: `count` distinct pools of the chain take a random exact swap; returns their indices. */
export function noiseSwaps(world: ChainWorld, rng: Rng, count: number): Set<number> {
  const n = world.scanner.pools.length;
  const changed = new Set<number>();
  while (changed.size < Math.min(count, n)) {
    const i = rng.int(n);
    const pool = world.scanner.pools[i];
    const zeroForOne = rng.next() < 0.5;
    const token = tokenIn(pool, zeroForOne);
    const sizeUsd = world.tvlUsd[i] * 10 ** (-5 + 2 * rng.next());
    const amount = BigInt(Math.max(1, Math.round((sizeUsd / world.usd.get(token.symbol)!) * 10 ** token.decimals)));
    changed.add(i);
    try {
      world.scanner.update(i, swapExactIn(pool, zeroForOne, amount).pool);
    } catch (e) {
      if (!(e instanceof InsufficientLiquidityError)) throw e;
    }
  }
  return changed;
}

/** Applies an executed route at `amountIn` on the current pool states; false when it no longer pays. */
export function applyTrade(world: ChainWorld, route: Route, amountIn: bigint): boolean {
  const pools = world.scanner.pools;
  const index = new Map(pools.map((p, i) => [p.address, i]));
  const hops = route.hops.map((h) => ({ pool: pools[index.get(h.pool.address)!], zeroForOne: h.zeroForOne }));
  let after: { amounts: bigint[]; pools: Pool[] };
  try {
    after = quoteRoute({ ...route, hops }, amountIn);
  } catch (e) {
    if (e instanceof InsufficientLiquidityError) return false;
    throw e;
  }
  if (after.amounts[after.amounts.length - 1] <= amountIn) return false;
  after.pools.forEach((p) => {
    const i = index.get(p.address)!;
    world.scanner.update(i, p);
    world.touched.add(i);
  });
  return true;
}
