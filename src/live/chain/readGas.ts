/**
 * Gas of one block through `eth_feeHistory`: the block's base fee, the next block's base fee, priority-fee
 * percentiles (10th, 50th, 90th of the block's transactions, weighted by gas as the node computes them) and
 * utilisation (gasUsed / gasLimit). `gasPriceRow` turns it into a `gas_prices` row.
 */
import type { GasPriceRow } from '../../store/gasPrices.ts';
import { rpcCall, type LivePublicClient } from './chainClient.ts';

export interface BlockGas {
  blockNumber: bigint;
  timeMs: number;
  baseFeeWei: bigint;
  /** Base fee of the block after this one (what a transaction sent now pays at least). */
  nextBaseFeeWei: bigint;
  /** Priority fee percentiles 10 / 50 / 90, wei (0 for an empty block). */
  priorityP10Wei: bigint;
  priorityP50Wei: bigint;
  priorityP90Wei: bigint;
  utilisation: number;
}

export async function readGas(client: LivePublicClient, blockNumber: bigint): Promise<BlockGas> {
  const [history, block] = await Promise.all([
    rpcCall('eth_feeHistory', () =>
      client.getFeeHistory({ blockCount: 1, blockNumber, rewardPercentiles: [10, 50, 90] }),
    ),
    rpcCall('eth_getBlockByNumber', () => client.getBlock({ blockNumber })),
  ]);
  const reward = history.reward?.[0] ?? [0n, 0n, 0n];
  return {
    blockNumber,
    timeMs: Number(block.timestamp) * 1000,
    baseFeeWei: history.baseFeePerGas[0] ?? 0n,
    nextBaseFeeWei: history.baseFeePerGas[1] ?? history.baseFeePerGas[0] ?? 0n,
    priorityP10Wei: reward[0] ?? 0n,
    priorityP50Wei: reward[1] ?? 0n,
    priorityP90Wei: reward[2] ?? 0n,
    utilisation: history.gasUsedRatio[0] ?? 0,
  };
}

const gwei = (wei: bigint): number => Number(wei) / 1e9;

export function gasPriceRow(chain: string, g: BlockGas, ethPrice?: number): GasPriceRow {
  return {
    chain,
    timeMs: g.timeMs,
    blockNumber: g.blockNumber,
    baseFeeGwei: gwei(g.baseFeeWei),
    priorityFeeGwei: gwei(g.priorityP50Wei),
    minGasPriceGwei: gwei(g.baseFeeWei + g.priorityP10Wei),
    avgGasPriceGwei: gwei(g.baseFeeWei + g.priorityP50Wei),
    maxGasPriceGwei: gwei(g.baseFeeWei + g.priorityP90Wei),
    utilisation: g.utilisation,
    ethPrice: ethPrice ?? null,
    source: 'rpc:eth_feeHistory',
  };
}
