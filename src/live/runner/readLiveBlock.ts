/**
 * One block as the detector sees it, read live: gas (eth_feeHistory), every pool (one multicall at that block
 * number) and the CEX mid from the price feed, assembled into the market's BlockSnapshot so the paper runner's
 * detection and features (src/exec) run unchanged. Fees are what a send would pay: the next block's base fee plus
 * the chain's minimum priority fee. Also returns the `gas_prices` and `pool_states` rows of the block.
 */
import { chainProfile } from '../../dex/gas/chainProfiles.ts';
import type { BlockSnapshot } from '../../market/blockSnapshot.ts';
import type { GasPriceRow } from '../../store/gasPrices.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import type { LivePublicClient } from '../chain/chainClient.ts';
import { gasPriceRow, readGas, type BlockGas } from '../chain/readGas.ts';
import type { PoolReader } from '../chain/readPools.ts';
import type { PriceFeed, PriceQuote } from '../exchange/priceFeed.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';

export interface LiveBlock {
  snapshot: BlockSnapshot;
  gas: BlockGas;
  quote: PriceQuote;
  gasRow: GasPriceRow;
  poolRows: PoolStateRow[];
}

export interface ReadLiveBlockOptions {
  client: LivePublicClient;
  reader: PoolReader;
  feed: PriceFeed;
  symbol: string;
  spec: LiveMarketSpec;
  blockNumber: bigint;
}

export async function readLiveBlock(o: ReadLiveBlockOptions): Promise<LiveBlock> {
  const gas = await readGas(o.client, o.blockNumber);
  const [pools, quote] = await Promise.all([
    o.reader.read(o.spec.chain, o.blockNumber, gas.timeMs),
    o.feed.quote(o.symbol),
  ]);
  const profile = chainProfile(o.spec.chain);
  const snapshot: BlockSnapshot = {
    chain: o.spec.chain,
    blockNumber: Number(o.blockNumber),
    timeMs: gas.timeMs,
    cexPrice: quote.mid,
    ethUsd: quote.mid,
    // Ethereum only for now: the native token is ETH, priced by the ETH feed (polygon needs a MATIC feed).
    nativeUsd: quote.mid,
    baseFeeWei: gas.nextBaseFeeWei,
    priorityFeeWei: profile.minPriorityFeeWei,
    minPriorityFeeWei: profile.minPriorityFeeWei,
    utilisation: gas.utilisation,
    pools: pools.pools,
    competitorArbs: [],
  };
  return { snapshot, gas, quote, gasRow: gasPriceRow(o.spec.chain, gas, quote.mid), poolRows: pools.rows };
}
