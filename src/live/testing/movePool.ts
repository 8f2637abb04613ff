/**
 * Moves a V2 pair's price in exactly one block, as a large trade would: mints one token into the pair and syncs
 * (more WETH = cheaper WETH). Automine is paused so both transactions land in the same mined block; the runner
 * never sees half a move. Returns that block's number.
 */
import { encodeFunctionData, type Address } from 'viem';
import { artifactOf } from '../../evm/compile.ts';
import type { LocalChain } from '../../evm/localChain.ts';
import type { LiveRig } from './deployLiveRig.ts';

export interface MovePoolOptions {
  chain: LocalChain;
  rig: LiveRig;
  pair: Address;
  /** Token added to the pair. */
  token: 'weth' | 'usdc';
  amount: bigint;
}

export async function movePool({ chain, rig, pair, token, amount }: MovePoolOptions): Promise<bigint> {
  const erc20 = artifactOf(rig.artifacts, 'TestERC20').abi;
  const pairAbi = artifactOf(rig.artifacts, 'TestV2Pair').abi;
  const tokenAddress = (token === 'weth' ? rig.weth.address : rig.usdc.address) as Address;
  const wallet = chain.wallet(chain.accounts[1]);
  await chain.testClient.setAutomine(false);
  try {
    await wallet.sendTransaction({
      to: tokenAddress,
      data: encodeFunctionData({ abi: erc20, functionName: 'mint', args: [pair, amount] }),
      gas: 200_000n,
    });
    await wallet.sendTransaction({
      to: pair,
      data: encodeFunctionData({ abi: pairAbi, functionName: 'sync', args: [] }),
      gas: 200_000n,
    });
    await chain.testClient.mine({ blocks: 1 });
  } finally {
    await chain.testClient.setAutomine(true);
  }
  return chain.publicClient.getBlockNumber({ cacheTime: 0 });
}
