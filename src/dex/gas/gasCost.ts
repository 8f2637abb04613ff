/**
 * Gas used by a route's shape and its EIP-1559 cost: gasUsed * (baseFee + priorityFee) wei of the native token,
 * converted to another token with an exact bigint rate when money is decided, or to a float quote for display.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { ChainProfile } from './chainProfiles.ts';

export interface RouteShape {
  hops: readonly { pool: { kind: 'v2' | 'v3' } }[];
}

/** Typical gas of a flash-arb transaction: intrinsic + contract + flash overhead + per-hop swaps. */
export function routeGasUsed({
  profile,
  route,
  flashGasOverhead,
}: {
  profile: ChainProfile;
  route: RouteShape;
  flashGasOverhead: number;
}): bigint {
  let gas = profile.gas.baseTx + profile.gas.contractOverhead + flashGasOverhead;
  for (const hop of route.hops) gas += hop.pool.kind === 'v2' ? profile.gas.perHopV2 : profile.gas.perHopV3;
  return BigInt(gas);
}

export interface GasCostWeiOptions {
  gasUsed: bigint;
  baseFeeWei: bigint;
  priorityFeeWei: bigint;
  /** EIP-1559 fee cap; the effective price is min(maxFee, base + priority). Omit for no cap. */
  maxFeeWei?: bigint;
}

export function effectiveGasPrice({
  baseFeeWei,
  priorityFeeWei,
  maxFeeWei,
}: Omit<GasCostWeiOptions, 'gasUsed'>): bigint {
  if (baseFeeWei < 0n || priorityFeeWei < 0n) throw new InvalidInputError('gas fees must be >= 0');
  const price = baseFeeWei + priorityFeeWei;
  return maxFeeWei !== undefined && maxFeeWei < price ? maxFeeWei : price;
}

export function gasCostWei(options: GasCostWeiOptions): bigint {
  return options.gasUsed * effectiveGasPrice(options);
}

/**
 * Wei of native token to base units of another token, rounded up (a cost is never understated): `tokenPerNative` is that token's base units per
 * one whole native token (1e18 wei), e.g. 3000 USDC per ETH = 3_000_000_000n. Identity when omitted (the token
 * is the native token or its wrapped form).
 */
export function weiToToken(costWei: bigint, tokenPerNative?: bigint): bigint {
  if (tokenPerNative === undefined) return costWei;
  if (tokenPerNative < 0n) throw new InvalidInputError('tokenPerNative must be >= 0');
  return (costWei * tokenPerNative + 10n ** 18n - 1n) / 10n ** 18n;
}

/** Gas cost in the quote currency as a float, for display and features. */
export function gasCostQuote(costWei: bigint, nativePriceQuote: number): number {
  return (Number(costWei) / 1e18) * nativePriceQuote;
}
