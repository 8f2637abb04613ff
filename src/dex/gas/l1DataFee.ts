/**
 * The L1 data fee a rollup transaction pays on top of its L2 execution gas. Arbitrum's formula (docs.arbitrum.io,
 * "How to estimate gas in Arbitrum"): L1 estimated cost L1C = L1P * L1S, where L1P is the L1 price per byte of
 * data (ArbOS's L1 pricing estimate, already including the 16 gas per calldata byte) and L1S the brotli-compressed
 * size of the transaction in bytes; the sequencer charges it as extra gas units B = ceil(L1C / P) at the L2 gas
 * price P, so the total fee is P * (L2 gas + B). Chains without `l1Data` pay nothing here.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { ChainProfile } from './chainProfiles.ts';
import type { RouteShape } from './gasCost.ts';

export interface L1DataFeeOptions {
  profile: ChainProfile;
  route: RouteShape;
  /** L1 price per compressed byte, wei (default: the profile's typical figure). */
  pricePerByteWei?: bigint;
}

/** L1C in wei of the native token: price per byte * compressed size of the route's transaction. */
export function l1DataFee({ profile, route, pricePerByteWei }: L1DataFeeOptions): bigint {
  const l1 = profile.l1Data;
  if (!l1) return 0n;
  const price = pricePerByteWei ?? l1.pricePerByteWei;
  if (price < 0n) throw new InvalidInputError('pricePerByteWei must be >= 0');
  return price * BigInt(l1.baseBytes + l1.bytesPerHop * route.hops.length);
}

/** The same cost as the extra L2 gas units the sequencer adds: ceil(L1C / P). */
export function l1DataGasUnits(l1CostWei: bigint, l2GasPriceWei: bigint): bigint {
  if (l2GasPriceWei <= 0n) throw new InvalidInputError('the L2 gas price must be > 0');
  return (l1CostWei + l2GasPriceWei - 1n) / l2GasPriceWei;
}
