/**
 * A flash loan's repayment as a rate: repay(amount) ~= amount * numerator / denominator. Exact for the closed form
 * and float screens; the exact bigint fee (with the lender's rounding) is applied when a size is confirmed.
 */
import type { FlashProvider } from '../flash/flashProvider.ts';

export interface FlashRate {
  numerator: bigint;
  denominator: bigint;
}

export const NO_FLASH_FEE: FlashRate = Object.freeze({ numerator: 1n, denominator: 1n });

export function flashRateOf(provider: FlashProvider | undefined): FlashRate {
  if (!provider) return NO_FLASH_FEE;
  const bps = BigInt(provider.feeBps);
  // A V2 flash swap repays amount * 1e4 / (1e4 - fee); Aave and Balancer charge fee bps on top of the amount.
  return provider.kind === 'uniswap-v2'
    ? { numerator: 10_000n, denominator: 10_000n - bps }
    : { numerator: 10_000n + bps, denominator: 10_000n };
}
