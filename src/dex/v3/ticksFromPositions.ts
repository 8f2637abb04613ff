/**
 * The initialised-tick list a set of liquidity positions produces: each position adds its liquidity as
 * liquidityNet at its lower tick and removes it at its upper tick, as minting does in the core pool. A tick whose
 * nets cancel stays initialised (its gross liquidity is not zero), so a swap still steps at it, as on chain.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { TickV3 } from './poolV3.ts';

export interface PositionV3 {
  tickLower: number;
  tickUpper: number;
  liquidity: bigint;
}

export function ticksFromPositions(positions: readonly PositionV3[]): TickV3[] {
  const net = new Map<number, bigint>();
  for (const [i, p] of positions.entries()) {
    if (p.tickLower >= p.tickUpper) throw new InvalidInputError(`positions[${i}]: tickLower must be below tickUpper`);
    if (p.liquidity <= 0n) throw new InvalidInputError(`positions[${i}]: liquidity must be > 0`);
    net.set(p.tickLower, (net.get(p.tickLower) ?? 0n) + p.liquidity);
    net.set(p.tickUpper, (net.get(p.tickUpper) ?? 0n) - p.liquidity);
  }
  return [...net.entries()].sort((a, b) => a[0] - b[0]).map(([index, liquidityNet]) => ({ index, liquidityNet }));
}
