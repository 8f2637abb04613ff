/**
 * The flash lenders the runner can borrow from on each modelled chain, with lendable liquidity of the same order as
 * the real ones in late 2021 (Balancer V2 vault: no fee, smaller balances; Aave V3: 5 bps, deep reserves).
 */
import { aaveV3Provider, balancerV2Provider, type FlashProvider } from '../dex/flash/flashProvider.ts';
import type { Chain } from '../dex/types.ts';
import { MARKET_TOKENS } from '../market/pools/marketTokens.ts';

const USDC = 10n ** 6n;
const WETH = 10n ** 18n;

const LIQUIDITY: Readonly<Record<Chain, { balancer: [bigint, bigint]; aave: [bigint, bigint] }>> = {
  ethereum: { balancer: [30_000_000n, 15_000n], aave: [400_000_000n, 300_000n] },
  polygon: { balancer: [3_000_000n, 1_500n], aave: [40_000_000n, 30_000n] },
  arbitrum: { balancer: [10_000_000n, 5_000n], aave: [100_000_000n, 60_000n] },
};

export function defaultFlashProviders(chain: Chain): FlashProvider[] {
  const t = MARKET_TOKENS[chain];
  const l = LIQUIDITY[chain];
  return [
    balancerV2Provider({
      liquidity: { [t.usdc.address]: l.balancer[0] * USDC, [t.weth.address]: l.balancer[1] * WETH },
    }),
    aaveV3Provider({ liquidity: { [t.usdc.address]: l.aave[0] * USDC, [t.weth.address]: l.aave[1] * WETH } }),
  ];
}
