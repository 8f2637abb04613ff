/**
 * Seeded random pool graphs for the cycle scanner's property tests: a few tokens with random decimals and USD
 * prices, and pools between random pairs (several per pair), V2 or V3 (a few positions around the price and, for
 * most pools, a thin full-range one), each priced off the reference by a random multiple of its fee.
 */
import type { Rng } from '../../core/random.ts';
import type { Pool } from '../pool.ts';
import type { Chain, Token } from '../types.ts';
import { createPoolV2 } from '../v2/poolV2.ts';
import { createPoolV3, liquidityAtTick } from '../v3/poolV3.ts';
import { getSqrtRatioAtTick, MAX_TICK, MIN_TICK } from '../v3/tickMath.ts';
import { ticksFromPositions, type PositionV3 } from '../v3/ticksFromPositions.ts';

export interface RandomGraph {
  tokens: Token[];
  /** USD per whole token. */
  usd: number[];
  pools: Pool[];
}

const FEES: readonly [number, number][] = [
  [100, 1],
  [500, 10],
  [3000, 60],
  [10000, 200],
];

export function randomGraph({
  rng,
  tokens: tokenCount,
  pools: poolCount,
  chain = 'arbitrum',
  mispricing = 1.5,
}: {
  rng: Rng;
  tokens: number;
  pools: number;
  chain?: Chain;
  mispricing?: number;
}): RandomGraph {
  const tokens: Token[] = Array.from({ length: tokenCount }, (_, i) => ({
    address: `t${i}`,
    symbol: `T${i}`,
    decimals: [6, 8, 18][rng.int(3)],
  }));
  const usd = tokens.map(() => Math.exp(Math.log(0.1) + rng.next() * Math.log(1e5)));
  const pools: Pool[] = [];
  for (let k = 0; k < poolCount; k++) {
    const a = rng.int(tokenCount);
    const b = (a + 1 + rng.int(tokenCount - 1)) % tokenCount;
    const [t0, t1] = [tokens[a], tokens[b]];
    const tvl = Math.exp(Math.log(1e5) + rng.next() * Math.log(1e3));
    const v3 = rng.next() < 0.6;
    const [feePips, spacing] = v3
      ? FEES[rng.int(4)]
      : [
          [3000, 0],
          [2500, 0],
          [2000, 0],
        ][rng.int(3)];
    const raw =
      (usd[a] / usd[b]) * 10 ** (t1.decimals - t0.decimals) * Math.exp(mispricing * (feePips / 1e6) * rng.normal());
    const address = `pool${k}`;
    if (!v3) {
      const side0 = (tvl / 2 / usd[a]) * 10 ** t0.decimals;
      pools.push(
        createPoolV2({
          chain,
          dex: 'v2',
          address,
          token0: t0,
          token1: t1,
          reserve0: BigInt(Math.round(side0)),
          reserve1: BigInt(Math.round(side0 * raw)),
          feeBps: feePips / 100,
        }),
      );
      continue;
    }
    const tick = Math.round(Math.log(raw) / Math.log(1.0001));
    const sqrtPriceX96 = getSqrtRatioAtTick(tick);
    const s = Number(sqrtPriceX96) / 2 ** 96;
    // Liquidity L ~ virtual reserve of token0 (TVL/2 in token0 base units) * s, spread over 1-3 positions.
    const L = (tvl / 2 / usd[a]) * 10 ** t0.decimals * s * (1 + rng.next() * 5);
    const positions: PositionV3[] = [];
    const count = 1 + rng.int(3);
    for (let i = 0; i < count; i++) {
      const half = (1 + rng.int(60)) * spacing;
      const centre = Math.floor(tick / spacing) * spacing + (i === 0 ? 0 : (rng.int(21) - 10) * spacing);
      positions.push({
        tickLower: centre - half,
        tickUpper: centre + half + spacing,
        liquidity: BigInt(Math.round(L / count)),
      });
    }
    if (rng.next() < 0.8)
      positions.push({
        tickLower: Math.ceil(MIN_TICK / spacing) * spacing,
        tickUpper: Math.floor(MAX_TICK / spacing) * spacing,
        liquidity: BigInt(Math.round(L / 50)),
      });
    const ticks = ticksFromPositions(positions);
    pools.push(
      createPoolV3({
        chain,
        dex: 'v3',
        address,
        token0: t0,
        token1: t1,
        feePips,
        tickSpacing: spacing,
        sqrtPriceX96,
        tick,
        liquidity: liquidityAtTick(ticks, tick),
        ticks,
      }),
    );
  }
  return { tokens, usd, pools };
}
