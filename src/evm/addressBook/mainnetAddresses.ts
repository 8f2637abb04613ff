/**
 * Mainnet address book for Ethereum, Polygon and Arbitrum: factories and their pair/pool init code hashes, the
 * Aave V3 Pool, the Balancer V2 Vault, WETH and the universe's major tokens. Pool and pair addresses are never
 * listed: derive them with poolAddress.ts (CREATE2 from factory + tokens (+ fee) + init code hash).
 * Mixed-case addresses carry their EIP-55 checksum, so a typo fails `getAddress` in the test; the init code hashes
 * are checked there against keccak256 of the npm creation code, the Vault against @balancer-labs/v2-deployments.
 */
import type { Address, Hex } from 'viem';

export type MainnetChain = 'ethereum' | 'polygon' | 'arbitrum';

export type MajorToken = 'WETH' | 'USDC' | 'USDT' | 'DAI' | 'WBTC';

export interface V2Venue {
  readonly factory: Address;
  readonly initCodeHash: Hex;
  /** Swap fee of every pair, bps. */
  readonly feeBps: number;
}

export interface ChainAddresses {
  readonly chainId: number;
  /** Uniswap V2 and forks with the same pair bytecode (so the same init code hash). */
  readonly v2: Readonly<Record<string, V2Venue>>;
  readonly uniswapV3: { readonly factory: Address; readonly initCodeHash: Hex };
  readonly aaveV3Pool: Address;
  readonly balancerVault: Address;
  readonly tokens: Readonly<Record<MajorToken, { readonly address: Address; readonly decimals: number }>>;
}

/** keccak256 of UniswapV2Pair's creation code (npm @uniswap/v2-core 1.0.1). */
export const UNISWAP_V2_INIT_CODE_HASH: Hex = '0x96e8ac4277198ff8b6f785478aa9a39f403cb768dd02cbee326c3e7da348845f';
/** keccak256 of UniswapV3Pool's creation code (npm @uniswap/v3-core 1.0.1). */
export const UNISWAP_V3_INIT_CODE_HASH: Hex = '0xe34f199b19b2b4f47f68442619d555527d244f78a3297ea89325f843f87b8b54';

const UNISWAP_V3 = {
  factory: '0x1F98431c8aD98523631AE4a59f267346ea31F984',
  initCodeHash: UNISWAP_V3_INIT_CODE_HASH,
} as const;
const BALANCER_VAULT: Address = '0xBA12222222228d8Ba445958a75a0704d566BF2C8';
const v2 = (factory: Address): V2Venue => ({ factory, initCodeHash: UNISWAP_V2_INIT_CODE_HASH, feeBps: 30 });

export const MAINNET_ADDRESSES: Readonly<Record<MainnetChain, ChainAddresses>> = {
  ethereum: {
    chainId: 1,
    v2: { 'uniswap-v2': v2('0x5C69bEe701ef814a2B6a3EDD4B1652CB9cc5aA6f') },
    uniswapV3: UNISWAP_V3,
    aaveV3Pool: '0x87870Bca3F3fD6335C3F4ce8392D69350B4fA4E2',
    balancerVault: BALANCER_VAULT,
    tokens: {
      WETH: { address: '0xC02aaA39b223FE8D0A0e5C4F27eAD9083C756Cc2', decimals: 18 },
      USDC: { address: '0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48', decimals: 6 },
      USDT: { address: '0xdAC17F958D2ee523a2206206994597C13D831ec7', decimals: 6 },
      DAI: { address: '0x6B175474E89094C44Da98b954EedeAC495271d0F', decimals: 18 },
      WBTC: { address: '0x2260FAC5E5542a773Aa44fBCfeDf7C193bc2C599', decimals: 8 },
    },
  },
  polygon: {
    chainId: 137,
    v2: {
      'uniswap-v2': v2('0x9e5A52f57b3038F1B8EeE45F28b3C1967e22799C'),
      quickswap: v2('0x5757371414417b8C6CAad45bAeF941aBc7d3Ab32'),
    },
    uniswapV3: UNISWAP_V3,
    aaveV3Pool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
    balancerVault: BALANCER_VAULT,
    tokens: {
      WETH: { address: '0x7ceB23fD6bC0adD59E62ac25578270cFf1b9f619', decimals: 18 },
      /** Bridged USDC (USDC.e), the token of the deepest WETH pools. */
      USDC: { address: '0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174', decimals: 6 },
      USDT: { address: '0xc2132D05D31c914a87C6611C10748AEb04B58e8F', decimals: 6 },
      DAI: { address: '0x8f3Cf7ad23Cd3CaDbD9735AFf958023239c6A063', decimals: 18 },
      WBTC: { address: '0x1BFD67037B42Cf73acF2047067bd4F2C47D9BfD6', decimals: 8 },
    },
  },
  arbitrum: {
    chainId: 42161,
    v2: { 'uniswap-v2': v2('0xf1D7CC64Fb4452F05c498126312eBE29f30Fbcf9') },
    uniswapV3: UNISWAP_V3,
    aaveV3Pool: '0x794a61358D6845594F94dc1DB02A252b5b4814aD',
    balancerVault: BALANCER_VAULT,
    tokens: {
      WETH: { address: '0x82aF49447D8a07e3bd95BD0d56f35241523fBab1', decimals: 18 },
      /** Native USDC (Circle). */
      USDC: { address: '0xaf88d065e77c8cC2239327C5EDb3A432268e5831', decimals: 6 },
      USDT: { address: '0xFd086bC7CD5C481DCC9C85ebE478A1C0b69FCbb9', decimals: 6 },
      DAI: { address: '0xDA10009cBd5D07dd0CeCc66161FC93D7c9000da1', decimals: 18 },
      WBTC: { address: '0x2f2a2543B76A4166549F7aaB2e75Bef0aefC5B0f', decimals: 8 },
    },
  },
};
