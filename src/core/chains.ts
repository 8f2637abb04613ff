/**
 * The chains arbml knows, once: the DEX engine's `Chain` type is derived from this list.
 */
export const CHAINS = ['ethereum', 'polygon', 'arbitrum'] as const;

export type Chain = (typeof CHAINS)[number];

/**
 * The chains the simulated market runs today; the config validates `chains` against this list. Arbitrum is priced
 * by the DEX engine (gas profile, flash lenders, universe file) and joins when the universe is wired into the market.
 */
export const MARKET_CHAINS = ['ethereum', 'polygon'] as const satisfies readonly Chain[];
