/**
 * Private bundles against the loopback relay: a winning trade lands in the block it targeted; a bundle that would
 * revert (a competitor took the edge in the same block) is not included and costs nothing.
 */
import { encodeFunctionData, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { artifactOf } from '../../evm/compile.ts';
import { readReservesV2 } from '../../evm/fixtures.ts';
import { startBundleRelay, type BundleRelay } from '../testing/bundleRelay.ts';
import { movePool } from '../testing/movePool.ts';
import { startRunner, waitFor, waitIdle, type Runner } from '../testing/runnerHarness.ts';
import { startLoopback, type Loopback } from '../testing/startLoopback.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping bundle tests: ARBML_DATA_DIR unset');

type Route = { submit?: string; bundle_targets?: number[]; inclusion_block?: number };
const routeOf = (row: OpportunityRow): Route => row.route as Route;

describe.skipIf(!dataDir)('--submit bundle against the loopback relay', () => {
  let lb: Loopback;
  let relay: BundleRelay;
  let r: Runner;
  let pair: Address;
  let owner: Address;
  beforeAll(async () => {
    lb = await startLoopback({ dataDir: dataDir! });
    relay = await startBundleRelay(lb.chain);
    pair = lb.rig.spec.pools[0]!.address as Address;
    owner = lb.chain.accounts[0]!;
    r = startRunner(lb, new HeuristicDecider(), { submit: { kind: 'bundle', relayUrl: relay.url }, receiptBlocks: 3 });
    await waitIdle(lb, r);
  }, 60_000);
  afterAll(async () => {
    r?.abort.abort();
    await r?.done;
    await relay?.close();
    await lb?.close();
  });

  it('a winning trade lands in its target block, through the relay', async () => {
    const [, w] = await readReservesV2(lb.rig.ctx, pair);
    const block = await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: (w * 4n) / 100n });
    const row = await waitFor(`row of block ${block}`, () => r.rows.find((x) => x.blockNumber === block));
    await waitIdle(lb, r);
    expect(row.outcome).toBe('success');
    expect(routeOf(row).submit).toBe('bundle');
    expect(routeOf(row).bundle_targets).toEqual([Number(block) + 1]);
    const receipt = await lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex });
    expect(receipt.blockNumber).toBe(block + 1n);
    expect(relay.built.find((b) => b.target === block + 1n)?.included).toBe(true);
    expect(row.gasUsed).toBe(receipt.gasUsed);
  }, 60_000);

  it('a bundle that would revert is not included and costs nothing', async () => {
    const balance = await lb.chain.publicClient.getBalance({ address: owner });
    const nonce = await lb.chain.publicClient.getTransactionCount({ address: owner });
    const [u0, w0] = await readReservesV2(lb.rig.ctx, pair);
    const added = (w0 * 4n) / 100n;
    // A competitor closes the edge in the very block our bundle targets, ahead of it.
    relay.beforeBuild = async () => {
      const wallet = lb.chain.wallet(lb.chain.accounts[1]);
      const erc20 = artifactOf(lb.rig.artifacts, 'TestERC20').abi;
      const pairAbi = artifactOf(lb.rig.artifacts, 'TestV2Pair').abi;
      await wallet.sendTransaction({
        to: lb.rig.usdc.address as Address,
        data: encodeFunctionData({ abi: erc20, functionName: 'mint', args: [pair, (added * u0) / w0] }),
        gas: 200_000n,
      });
      await wallet.sendTransaction({
        to: pair,
        data: encodeFunctionData({ abi: pairAbi, functionName: 'sync', args: [] }),
        gas: 200_000n,
      });
    };
    const block = await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: added });
    const row = await waitFor(`row of block ${block}`, () => r.rows.find((x) => x.blockNumber === block), 20_000);
    await waitIdle(lb, r);
    expect(row.executed).toBe(true);
    expect(row.outcome).toBe('not_included');
    expect(Number(row.profitEth)).toBe(0);
    expect(relay.built.find((b) => b.target === block + 1n)?.included).toBe(false);
    await expect(lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex })).rejects.toThrow();
    expect(await lb.chain.publicClient.getBalance({ address: owner })).toBe(balance);
    expect(await lb.chain.publicClient.getTransactionCount({ address: owner })).toBe(nonce);
  }, 60_000);
});
