/**
 * The chains arbml knows, once: the config validates `chains` against this list and the DEX engine's `Chain`
 * type is derived from it.
 */
export const CHAINS = ['ethereum', 'polygon'] as const;

export type Chain = (typeof CHAINS)[number];
