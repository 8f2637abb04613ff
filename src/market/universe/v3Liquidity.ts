/**
 * A V3 pool's liquidity positions from its TVL and liquidity profile. `ladder` is the market's shape (positions
 * +-60, +-240, +-1200 and +-5000 ticks around the price holding 35/30/20/10% of the active liquidity, 5% full
 * range, so every price stays quotable); `full-range` is one position over every tick, like a V2 pair. The active
 * liquidity L is the one whose positions' real reserves are worth exactly the TVL at the price: a position
 * [sa, sb] around sqrt price s holds L(1/s - 1/sb) of token0 and L(s - sa) of token1 (Uniswap V3 whitepaper 6.2.3).
 */
import { MAX_TICK, MIN_TICK } from '../../dex/v3/tickMath.ts';
import type { PositionV3 } from '../../dex/v3/ticksFromPositions.ts';

/** Half-widths in ticks (0 = full range) and shares of the active liquidity. */
const LADDER: readonly [number, number][] = [
  [60, 0.35],
  [240, 0.3],
  [1200, 0.2],
  [5000, 0.1],
  [0, 0.05],
];
const FULL: readonly [number, number][] = [[0, 1]];

export interface ProfilePositionsOptions {
  profile: 'ladder' | 'full-range';
  tick: number;
  tickSpacing: number;
  tvlUsd: number;
  /** USD per base unit of token0. */
  usdPerRaw0: number;
  sqrtPriceX96: bigint;
}

function range(tick: number, spacing: number, half: number): [number, number] {
  if (half === 0) return [Math.ceil(MIN_TICK / spacing) * spacing, Math.floor(MAX_TICK / spacing) * spacing];
  return [Math.floor((tick - half) / spacing) * spacing, Math.floor((tick + half) / spacing) * spacing + spacing];
}

/** USD value of the real reserves of one unit of liquidity over [lower, upper] at sqrt price s (raw units). */
function valuePerLiquidity(lower: number, upper: number, s: number, usdPerRaw0: number): number {
  const sa = Math.min(s, Math.pow(1.0001, lower / 2));
  const sb = Math.max(s, Math.pow(1.0001, upper / 2));
  const amount0 = 1 / s - 1 / sb;
  const amount1 = s - sa;
  return usdPerRaw0 * (amount0 + amount1 / (s * s));
}

export function profilePositions(o: ProfilePositionsOptions): PositionV3[] {
  const shape = o.profile === 'ladder' ? LADDER : FULL;
  const s = Number(o.sqrtPriceX96) / 2 ** 96;
  const ranges = shape.map(([half]) => range(o.tick, o.tickSpacing, half));
  const perUnit = shape.reduce(
    (sum, [, share], i) => sum + share * valuePerLiquidity(ranges[i][0], ranges[i][1], s, o.usdPerRaw0),
    0,
  );
  const active = o.tvlUsd / perUnit;
  return shape.map(([, share], i) => ({
    tickLower: ranges[i][0],
    tickUpper: ranges[i][1],
    liquidity: BigInt(Math.max(1, Math.round(active * share))),
  }));
}
