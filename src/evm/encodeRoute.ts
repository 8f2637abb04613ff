/**
 * Turns a src/dex Route, a size and a flash provider into FlashArb.execute's arguments: the Loan struct and one
 * Hop struct per hop, each with its minimum output. Minimums come from the exact bigint quote of the route on
 * the quoted pool states, lowered by `hopSlippageBps` (0: exactly the quote, so any adverse move reverts).
 */
import type { Address } from 'viem';
import { InvalidInputError } from '../core/errors.ts';
import type { FlashProvider, FlashProviderKind } from '../dex/flash/flashProvider.ts';
import { quoteRoute } from '../dex/routes/quoteRoute.ts';
import type { Route } from '../dex/routes/route.ts';

/** FlashArb.LenderKind, in the contract's enum order. */
export const LENDER_KIND: Readonly<Record<FlashProviderKind, number>> = {
  'aave-v3': 0,
  'balancer-v2': 1,
  'uniswap-v2': 2,
};

export interface FlashArbLoan {
  kind: number;
  lender: Address;
  asset: Address;
  amount: bigint;
  /** The lending pair's fee (V2 flash swap only; 0 otherwise). */
  v2FeeBps: number;
}

export interface FlashArbHop {
  pool: Address;
  isV3: boolean;
  zeroForOne: boolean;
  /** V2 pair fee in bps (0 for V3 hops). */
  feeBps: number;
  /** 0: no limit. */
  sqrtPriceLimitX96: bigint;
  minOut: bigint;
}

export interface EncodedRoute {
  loan: FlashArbLoan;
  hops: FlashArbHop[];
  /** Exact quoted output of every hop (amounts[0] is the input). */
  quotedAmounts: bigint[];
}

export interface EncodeRouteOptions {
  route: Route;
  amountIn: bigint;
  provider: FlashProvider;
  /** The lender's address: Aave pool or Balancer vault. Default for a V2 flash swap: provider.pairAddress. */
  lender?: string;
  /** Tolerance under each hop's quoted output, in bps (0..10000). Default 0. */
  hopSlippageBps?: number;
}

function asAddress(value: string, what: string): Address {
  if (!/^0x[0-9a-fA-F]{40}$/.test(value))
    throw new InvalidInputError(`${what} must be a 20-byte hex address, got ${value}`);
  return value as Address;
}

export function encodeRoute({
  route,
  amountIn,
  provider,
  lender,
  hopSlippageBps = 0,
}: EncodeRouteOptions): EncodedRoute {
  if (amountIn <= 0n) throw new InvalidInputError('amountIn must be > 0');
  if (!Number.isInteger(hopSlippageBps) || hopSlippageBps < 0 || hopSlippageBps > 10_000) {
    throw new InvalidInputError(`hopSlippageBps must be an integer in [0, 10000], got ${hopSlippageBps}`);
  }
  const lenderAddress = lender ?? provider.pairAddress;
  if (!lenderAddress) throw new InvalidInputError(`flash provider ${provider.name}: lender address required`);
  const { amounts } = quoteRoute(route, amountIn);
  const keep = BigInt(10_000 - hopSlippageBps);
  const hops = route.hops.map((hop, i): FlashArbHop => ({
    pool: asAddress(hop.pool.address, `hop ${i} pool address`),
    isV3: hop.pool.kind === 'v3',
    zeroForOne: hop.zeroForOne,
    feeBps: hop.pool.kind === 'v2' ? hop.pool.feeBps : 0,
    sqrtPriceLimitX96: 0n,
    minOut: (amounts[i + 1] * keep) / 10_000n,
  }));
  const loan: FlashArbLoan = {
    kind: LENDER_KIND[provider.kind],
    lender: asAddress(lenderAddress, 'lender'),
    asset: asAddress(route.token.address, 'route token address'),
    amount: amountIn,
    v2FeeBps: provider.kind === 'uniswap-v2' ? provider.feeBps : 0,
  };
  return { loan, hops, quotedAmounts: amounts };
}
