/**
 * A Uniswap-V2-style pair's state: an immutable value, validated when created. Swaps return a new PoolV2.
 */
import { InvalidInputError } from '../../core/errors.ts';
import { sameToken, type Chain, type Token } from '../types.ts';
import { feeBpsToBigint } from './getAmountOutV2.ts';

export const MAX_UINT112 = (1n << 112n) - 1n;

export interface PoolV2 {
  readonly kind: 'v2';
  readonly chain: Chain;
  /** DEX name, e.g. 'uniswap-v2', 'sushiswap', 'quickswap'. */
  readonly dex: string;
  readonly address: string;
  readonly token0: Token;
  readonly token1: Token;
  readonly reserve0: bigint;
  readonly reserve1: bigint;
  /** Swap fee in basis points (30 for Uniswap V2). */
  readonly feeBps: number;
}

export type PoolV2Input = Omit<PoolV2, 'kind'> & { kind?: 'v2' };

/** Validates and freezes a V2 pool state. Throws InvalidInputError naming the field. */
export function createPoolV2(input: PoolV2Input): PoolV2 {
  const where = `pool ${input.address}`;
  if (!input.address) throw new InvalidInputError('pool address is required');
  if (sameToken(input.token0, input.token1))
    throw new InvalidInputError(`${where}: token0 and token1 are the same token`);
  for (const t of [input.token0, input.token1]) {
    if (!Number.isInteger(t.decimals) || t.decimals < 0 || t.decimals > 255) {
      throw new InvalidInputError(`${where}: token ${t.symbol} decimals must be an integer in [0, 255]`);
    }
  }
  for (const [name, r] of [
    ['reserve0', input.reserve0],
    ['reserve1', input.reserve1],
  ] as const) {
    if (typeof r !== 'bigint' || r < 0n || r > MAX_UINT112)
      throw new InvalidInputError(`${where}: ${name} must be a uint112 bigint`);
  }
  feeBpsToBigint(input.feeBps);
  return Object.freeze({
    kind: 'v2' as const,
    chain: input.chain,
    dex: input.dex,
    address: input.address,
    token0: Object.freeze({ ...input.token0 }),
    token1: Object.freeze({ ...input.token1 }),
    reserve0: input.reserve0,
    reserve1: input.reserve1,
    feeBps: input.feeBps,
  });
}

/** Same pool with new reserves (validated). */
export function withReservesV2(pool: PoolV2, reserve0: bigint, reserve1: bigint): PoolV2 {
  return createPoolV2({ ...pool, reserve0, reserve1 });
}
