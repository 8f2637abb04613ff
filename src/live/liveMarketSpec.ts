/**
 * What the live runner trades on one chain: the USDC/WETH pools to watch (token0 USDC, token1 WETH, as the
 * detector expects), the flash lenders with their on-chain addresses, our FlashArb and a Multicall contract.
 * Loaded from a JSON file (`arbml run --market FILE`) and validated here, field by field.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { InvalidInputError } from '../core/errors.ts';

const address = z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'a 20-byte hex address');
const token = z.object({ address, symbol: z.string().min(1), decimals: z.number().int().min(0).max(36) });

const poolSpec = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('v2'), address, dex: z.string().min(1), feeBps: z.number().int().min(0).max(9_999) }),
  z.object({
    kind: z.literal('v3'),
    address,
    dex: z.string().min(1),
    feePips: z.number().int().min(0).max(999_999),
    tickSpacing: z.number().int().min(1),
  }),
]);

export const liveMarketSpecSchema = z.object({
  chain: z.enum(['ethereum', 'polygon']),
  chainId: z.number().int().positive(),
  usdc: token,
  weth: token,
  pools: z.array(poolSpec).min(2),
  flashArb: address,
  multicall: address,
  lenders: z.object({ aave: address.optional(), balancer: address.optional() }),
  /** Lendable liquidity per lender, whole tokens (what the lender holds; the detector sizes under it). */
  lenderLiquidityWhole: z.object({ usdc: z.number().nonnegative(), weth: z.number().nonnegative() }),
  aavePremiumBps: z.number().int().min(0).default(5),
});

export type LiveMarketSpec = z.infer<typeof liveMarketSpecSchema>;

export function parseLiveMarketSpec(value: unknown, source: string): LiveMarketSpec {
  const r = liveMarketSpecSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new InvalidInputError(`${source}: field ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  if (r.data.usdc.address.toLowerCase() >= r.data.weth.address.toLowerCase()) {
    throw new InvalidInputError(`${source}: usdc must sort before weth (token0 USDC, token1 WETH in every pool)`);
  }
  return r.data;
}

export function readLiveMarketSpec(file: string): LiveMarketSpec {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new InvalidInputError(`${file}: cannot read market description (${(e as Error).message})`);
  }
  return parseLiveMarketSpec(json, file);
}
