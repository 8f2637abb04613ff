/**
 * The universe file's schema: the tokens, chains and pools a simulated market trades (README, "Universe file").
 * Field checks are zod's; the cross-field rules (a pool's chain and tokens are declared, its tick spacing is its fee
 * tier's, no pool twice) follow in `checkUniverse`. Every message names the field, e.g.
 * `pools[12].feeTier: must be one of 100, 500, 3000, 10000`.
 */
import { z } from 'zod';
import { CHAINS } from '../../core/chains.ts';

/** Uniswap V3's fee tiers (hundredths of a bip) and the tick spacing each one was created with. */
export const V3_TICK_SPACING: Readonly<Record<number, number>> = Object.freeze({
  100: 1,
  500: 10,
  3000: 60,
  10000: 200,
});
export const V3_FEE_TIERS = [100, 500, 3000, 10000] as const;

const positive = (what: string) => z.number({ error: `must be a number (${what})` }).positive(`must be > 0 (${what})`);

const tokenSchema = z.strictObject({
  symbol: z.string().regex(/^[A-Za-z0-9.]{1,12}$/, 'must be 1-12 letters, digits or dots'),
  decimals: z.number().int('must be an integer').min(0, 'must be >= 0').max(36, 'must be <= 36'),
  /** Reference USD price at the start of a run. */
  priceUsd: positive('USD per whole token'),
  /** cex: follows a CEX pair; peg: a stablecoin held at priceUsd; pools: moves only with its pools' flows. */
  priceSource: z.enum(['cex', 'peg', 'pools'], { error: 'must be one of cex, peg, pools' }),
  cexSymbol: z.string().min(1).optional(),
});

const flashLenderSchema = z.strictObject({
  kind: z.enum(['aave-v3', 'balancer-v2'], { error: 'must be one of aave-v3, balancer-v2' }),
  feeBps: z.number().int('must be an integer').min(0, 'must be >= 0').max(100, 'must be <= 100'),
  /** Lendable amount of each listed token, in USD at its reference price. */
  lendableUsd: positive('USD'),
  tokens: z.array(z.string()).min(1, 'must list at least one token'),
});

const chainSchema = z.strictObject({
  name: z.enum(CHAINS, { error: `must be one of ${CHAINS.join(', ')}` }),
  blockTimeSeconds: positive('seconds'),
  ordering: z.enum(['priority-auction', 'builder-auction', 'first-come-first-served'], {
    error: 'must be one of priority-auction, builder-auction, first-come-first-served',
  }),
  gas: z.strictObject({
    model: z.enum(['eip1559', 'arbitrum-l2'], { error: 'must be one of eip1559, arbitrum-l2' }),
    baseFeeGwei: z.number().min(0, 'must be >= 0'),
    priorityFeeGwei: z.number().min(0, 'must be >= 0'),
    /** arbitrum-l2: L1 price per compressed byte of a transaction, gwei. */
    l1PricePerByteGwei: z.number().min(0, 'must be >= 0').optional(),
  }),
  /** Symbol of the token gas is paid in, wrapped (WETH for ETH, WMATIC for MATIC). */
  nativeToken: z.string().min(1),
  flashLenders: z.array(flashLenderSchema),
});

const poolFields = {
  chain: z.enum(CHAINS, { error: `must be one of ${CHAINS.join(', ')}` }),
  venue: z.string().regex(/^[a-z0-9-]{1,40}$/, 'must be 1-40 lower-case letters, digits or dashes'),
  token0: z.string().min(1),
  token1: z.string().min(1),
  /** Total value locked at the reference prices, USD (both sides). */
  tvlUsd: positive('USD'),
};

const poolV2Schema = z.strictObject({
  ...poolFields,
  kind: z.literal('v2'),
  feeBps: z.number().int('must be an integer').min(1, 'must be >= 1').max(100, 'must be <= 100'),
});

const poolV3Schema = z.strictObject({
  ...poolFields,
  kind: z.literal('v3'),
  feeTier: z
    .number()
    .refine((f) => (V3_FEE_TIERS as readonly number[]).includes(f), `must be one of ${V3_FEE_TIERS.join(', ')}`),
  tickSpacing: z.number().int('must be an integer').positive('must be > 0'),
  /** ladder: most liquidity within +-0.6%..+-50% of the price, 5% full range; full-range: like a V2 pair. */
  profile: z.enum(['ladder', 'full-range'], { error: 'must be one of ladder, full-range' }).default('ladder'),
});

const poolSchema = z.discriminatedUnion('kind', [poolV2Schema, poolV3Schema], { error: 'kind must be one of v2, v3' });

export const universeSchema = z.strictObject({
  version: z.literal(1, { error: 'must be 1' }),
  tokens: z.array(tokenSchema).min(2, 'must list at least 2 tokens'),
  chains: z.array(chainSchema).min(1, 'must list at least 1 chain'),
  pools: z.array(poolSchema).min(1, 'must list at least 1 pool'),
});

export type Universe = z.output<typeof universeSchema>;
export type UniverseToken = Universe['tokens'][number];
export type UniversePool = Universe['pools'][number];
