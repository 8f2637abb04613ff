/**
 * Tokens and pool addresses of the modelled WETH/USDC markets. Every pool has token0 = USDC (6 decimals) and
 * token1 = WETH (18), as on mainnet and Polygon (USDC's address sorts first on both).
 */
import type { Chain, Token } from '../../dex/types.ts';

export const MARKET_TOKENS: Readonly<Record<Chain, { usdc: Token; weth: Token }>> = Object.freeze({
  ethereum: {
    usdc: Object.freeze({ address: '0xa0b86991c6218b36c1d19d4a2e9eb0ce3606eb48', symbol: 'USDC', decimals: 6 }),
    weth: Object.freeze({ address: '0xc02aaa39b223fe8d0a0e5c4f27ead9083c756cc2', symbol: 'WETH', decimals: 18 }),
  },
  polygon: {
    usdc: Object.freeze({ address: '0x2791bca1f2de4661ed88a30c99a7a9449aa84174', symbol: 'USDC', decimals: 6 }),
    weth: Object.freeze({ address: '0x7ceb23fd6bc0add59e62ac25578270cff1b9f619', symbol: 'WETH', decimals: 18 }),
  },
  arbitrum: {
    usdc: Object.freeze({ address: '0xaf88d065e77c8cc2239327c5edb3a432268e5831', symbol: 'USDC', decimals: 6 }),
    weth: Object.freeze({ address: '0x82af49447d8a07e3bd95bd0d56f35241523fbab1', symbol: 'WETH', decimals: 18 }),
  },
});

/** Real addresses of the pools the model stands in for (ids only: their states are simulated). */
export const POOL_ADDRESSES: Readonly<Record<string, string>> = Object.freeze({
  'ethereum/uniswap-v2/30': '0xb4e16d0168e52d35cacd2c6185b44281ec28c9dc',
  'ethereum/sushiswap/30': '0x397ff1542f962076d0bfe58ea045ffa2d347aca0',
  'ethereum/uniswap-v3/500': '0x88e6a0c2ddd26feeb64f039a2c41296fcb3f5640',
  'ethereum/uniswap-v3/3000': '0x8ad599c3a0ff1de082011efddc58f1908eb6e6d8',
  'polygon/uniswap-v3/500': '0x45dda9cb7c25131df268515131f647d726f50608',
  'polygon/quickswap/30': '0x853ee4b2a13f8a742d64c8f088be7ba2131f670d',
  'polygon/sushiswap/30': '0x34965ba0ac2451a34a0471f04cca3f990b8dea27',
});

export function poolAddress(chain: Chain, dex: string, fee: number): string {
  return POOL_ADDRESSES[`${chain}/${dex}/${fee}`] ?? `sim:${chain}/${dex}/${fee}`;
}
