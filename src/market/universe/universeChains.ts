/**
 * What the DEX engine needs per chain of a universe: the chain profile with the universe's block time, ordering
 * and L1 data price, the flash lenders (dex providers lending `lendableUsd` of each listed token), base units of
 * each token per whole native token (gas priced in the borrowed token), and the chain's gas prices.
 */
import { aaveV3Provider, balancerV2Provider, type FlashProvider } from '../../dex/flash/flashProvider.ts';
import { chainProfile, type ChainProfile } from '../../dex/gas/chainProfiles.ts';
import { tokenKey, type Chain } from '../../dex/types.ts';
import { baseUnits, universeToken } from './universePools.ts';
import type { Universe } from './universeSchema.ts';

export interface UniverseChainSetup {
  chain: Chain;
  profile: ChainProfile;
  providers: FlashProvider[];
  tokenPerNative: Map<string, bigint>;
  baseFeeWei: bigint;
  priorityFeeWei: bigint;
  /** USD per whole native token and per ETH (WETH's reference price). */
  nativeUsd: number;
  ethUsd: number;
}

const gwei = (x: number): bigint => baseUnits(x * 1e9);

export function universeChains(universe: Universe): UniverseChainSetup[] {
  const bySymbol = new Map(universe.tokens.map((t) => [t.symbol, t]));
  const ethUsd = bySymbol.get('WETH')?.priceUsd ?? 3000;
  return universe.chains.map((c) => {
    const base = chainProfile(c.name);
    const l1 =
      c.gas.l1PricePerByteGwei !== undefined && base.l1Data
        ? { ...base.l1Data, pricePerByteWei: gwei(c.gas.l1PricePerByteGwei) }
        : base.l1Data;
    const profile: ChainProfile = { ...base, blockTimeSeconds: c.blockTimeSeconds, ordering: c.ordering, l1Data: l1 };
    const nativeUsd = bySymbol.get(c.nativeToken)!.priceUsd;
    const providers = c.flashLenders.map((lender) => {
      const liquidity = new Map(
        lender.tokens.map((s) => {
          const t = bySymbol.get(s)!;
          return [
            tokenKey(universeToken(c.name, t)),
            baseUnits((lender.lendableUsd / t.priceUsd) * 10 ** t.decimals),
          ] as const;
        }),
      );
      const make = lender.kind === 'aave-v3' ? aaveV3Provider : balancerV2Provider;
      return make({ feeBps: lender.feeBps, liquidity, name: `${lender.kind}@${c.name}` });
    });
    const tokenPerNative = new Map(
      universe.tokens.map((t) => [
        tokenKey(universeToken(c.name, t)),
        baseUnits((nativeUsd / t.priceUsd) * 10 ** t.decimals),
      ]),
    );
    return {
      chain: c.name,
      profile,
      providers,
      tokenPerNative,
      baseFeeWei: gwei(c.gas.baseFeeGwei),
      priorityFeeWei: gwei(c.gas.priorityFeeGwei),
      nativeUsd,
      ethUsd,
    };
  });
}
