/**
 * A universe grown to `pools` pools for benchmarks: the file's pools are repeated in order, each copy on its own
 * venue (`uniswap-v3-2`, ...) with its TVL times a seeded log-normal factor (std 0.5), so a pair has many pools of
 * different depths, as on a busy chain. Tokens and chains are unchanged; fewer pools than the file's keeps the first.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { rngFor } from '../../core/random.ts';
import type { Universe } from './universeSchema.ts';

export function scaleUniverse({
  universe,
  pools,
  seed,
}: {
  universe: Universe;
  pools: number;
  seed: number;
}): Universe {
  if (!Number.isInteger(pools) || pools < 1) throw new InvalidInputError(`pools must be an integer >= 1, got ${pools}`);
  const rng = rngFor(seed, 'market/universe/scale');
  const base = universe.pools;
  const scaled = Array.from({ length: pools }, (_, i) => {
    const p = base[i % base.length];
    const copy = Math.floor(i / base.length);
    if (copy === 0) return p;
    return { ...p, venue: `${p.venue}-${copy + 1}`, tvlUsd: p.tvlUsd * Math.exp(0.5 * rng.normal()) };
  });
  return { ...universe, pools: scaled };
}
