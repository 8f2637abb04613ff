/**
 * Flash-loan providers: what a loan of `amount` costs (fee in the borrowed token, exact bigint as the lender
 * computes it), how much gas the loan adds, and how much the provider can lend of a token.
 *
 * - Aave V3 flashLoanSimple: premium = percentMul(amount, premiumBps) = (amount * bps + 5000) / 10000, half up,
 *   as Aave's PercentageMath (5 bps by default, configurable).
 * - Balancer V2 vault: flash-loan fee percentage 0 (governance may set one; configurable).
 * - Uniswap V2 flash swap, repaid in the borrowed token: the pair's K check needs
 *   repay * (1e4 - fee) >= amount * 1e4, so repay = ceil(amount * 1e4 / (1e4 - feeBps)).
 * Default gas overheads are measured on the real contracts (src/evm/gas/measureRouteGas.ts): what a trade through
 * each lender costs beyond the chain profile's fixed part and hops (Aave's flashLoanSimple updates the reserve's
 * state and rates: ~93k; the Balancer Vault ~10k; a V2 flash swap ~56k).
 */
import { InvalidInputError } from '../../core/errors.ts';
import { tokenKey, type Token } from '../types.ts';

export type FlashProviderKind = 'aave-v3' | 'balancer-v2' | 'uniswap-v2';

export interface FlashProvider {
  readonly kind: FlashProviderKind;
  readonly name: string;
  /** Fee rate in bps as configured (Aave premium, Balancer fee, V2 pair fee). */
  readonly feeBps: number;
  /** Gas the loan adds to a transaction (call into the lender, callback, repayment transfer). */
  readonly gasOverhead: number;
  /** Lendable liquidity per token (lower-case address -> base units). Missing token = cannot lend. */
  readonly liquidity: ReadonlyMap<string, bigint>;
  /** For a V2 flash swap: the pair lent from (it must not be a pool of the route). */
  readonly pairAddress?: string;
}

export function maxLendable(provider: FlashProvider, token: Token): bigint {
  return provider.liquidity.get(tokenKey(token)) ?? 0n;
}

/** Exact fee in base units of the borrowed token, as the lender charges it. */
export function flashFee(provider: FlashProvider, amount: bigint): bigint {
  if (amount < 0n) throw new InvalidInputError('flash loan amount must be >= 0');
  const bps = BigInt(provider.feeBps);
  switch (provider.kind) {
    case 'aave-v3':
      return (amount * bps + 5_000n) / 10_000n;
    case 'balancer-v2':
      // Balancer's FixedPoint.mulUp(amount, feePercentage) with an 18-decimal percentage = bps * 1e14.
      return bps === 0n ? 0n : (amount * bps * 10n ** 14n + 10n ** 18n - 1n) / 10n ** 18n;
    case 'uniswap-v2': {
      const denominator = 10_000n - bps;
      return (amount * 10_000n + denominator - 1n) / denominator - amount;
    }
  }
}

export interface ProviderOptions {
  feeBps?: number;
  gasOverhead?: number;
  /** token address -> lendable base units */
  liquidity: Record<string, bigint> | ReadonlyMap<string, bigint>;
  name?: string;
}

function liquidityMap(liquidity: ProviderOptions['liquidity']): ReadonlyMap<string, bigint> {
  const entries = liquidity instanceof Map ? [...liquidity.entries()] : Object.entries(liquidity);
  return new Map(entries.map(([k, v]) => [k.toLowerCase(), v]));
}

function checkFee(feeBps: number): number {
  if (!Number.isInteger(feeBps) || feeBps < 0 || feeBps >= 10_000)
    throw new InvalidInputError(`flash feeBps must be an integer in [0, 10000), got ${feeBps}`);
  return feeBps;
}

export function aaveV3Provider({
  feeBps = 5,
  gasOverhead = 93_000,
  liquidity,
  name = 'aave-v3',
}: ProviderOptions): FlashProvider {
  return Object.freeze({
    kind: 'aave-v3' as const,
    name,
    feeBps: checkFee(feeBps),
    gasOverhead,
    liquidity: liquidityMap(liquidity),
  });
}

export function balancerV2Provider({
  feeBps = 0,
  gasOverhead = 10_000,
  liquidity,
  name = 'balancer-v2',
}: ProviderOptions): FlashProvider {
  return Object.freeze({
    kind: 'balancer-v2' as const,
    name,
    feeBps: checkFee(feeBps),
    gasOverhead,
    liquidity: liquidityMap(liquidity),
  });
}

export function uniswapV2FlashProvider(
  { feeBps = 30, gasOverhead = 56_000, liquidity, name = 'uniswap-v2-flash' }: ProviderOptions,
  pairAddress?: string,
): FlashProvider {
  return Object.freeze({
    kind: 'uniswap-v2' as const,
    name,
    feeBps: checkFee(feeBps),
    gasOverhead,
    liquidity: liquidityMap(liquidity),
    pairAddress,
  });
}
