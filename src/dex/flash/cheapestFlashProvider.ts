/**
 * Picks the provider that can lend `amount` of `token` at the lowest total cost: its fee plus its gas overhead,
 * with the gas priced in the borrowed token. Ties go to the earlier provider in the list.
 */
import { weiToToken } from '../gas/gasCost.ts';
import type { Token } from '../types.ts';
import { flashFee, maxLendable, type FlashProvider } from './flashProvider.ts';

export interface CheapestFlashProviderOptions {
  providers: readonly FlashProvider[];
  token: Token;
  amount: bigint;
  /** Gas price in wei of the native token. */
  gasPriceWei: bigint;
  /**
   * Borrowed-token base units per 1e18 wei of native token (e.g. USDC base units per ETH). Omit when the
   * borrowed token is the native token (or its wrapped form): then gas wei are already in its units.
   */
  tokenPerNative?: bigint;
  /** Pools of the route: a V2 flash swap cannot come from a pair the route trades through. */
  excludePairs?: readonly string[];
}

export interface FlashChoice {
  provider: FlashProvider;
  fee: bigint;
  gasOverhead: number;
  /** Gas overhead cost in borrowed-token base units. */
  gasCostInToken: bigint;
  totalCost: bigint;
}

export function cheapestFlashProvider(options: CheapestFlashProviderOptions): FlashChoice | undefined {
  const { providers, token, amount, gasPriceWei, tokenPerNative, excludePairs = [] } = options;
  const excluded = new Set(excludePairs.map((a) => a.toLowerCase()));
  let best: FlashChoice | undefined;
  for (const provider of providers) {
    if (maxLendable(provider, token) < amount) continue;
    if (provider.pairAddress && excluded.has(provider.pairAddress.toLowerCase())) continue;
    const fee = flashFee(provider, amount);
    const gasWei = BigInt(provider.gasOverhead) * gasPriceWei;
    const gasCostInToken = weiToToken(gasWei, tokenPerNative);
    const totalCost = fee + gasCostInToken;
    if (!best || totalCost < best.totalCost) best = { provider, fee, gasOverhead: provider.gasOverhead, gasCostInToken, totalCost };
  }
  return best;
}
