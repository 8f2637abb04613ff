/**
 * Shared vocabulary of the DEX engine: chains, DEX names and tokens. Amounts elsewhere are bigint base units;
 * `decimals` is only used at the edges (prices, display).
 */
export { CHAINS, type Chain } from '../core/chains.ts';

export interface Token {
  /** Lower-case 0x address, or any unique id in simulations. */
  readonly address: string;
  readonly symbol: string;
  readonly decimals: number;
}

/** Identity of a token inside a chain: its lower-cased address. */
export function tokenKey(token: Token): string {
  return token.address.toLowerCase();
}

export function sameToken(a: Token, b: Token): boolean {
  return tokenKey(a) === tokenKey(b);
}
