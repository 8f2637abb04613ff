/**
 * Transaction lifecycle on the loopback node: a trade priced out of the block is replaced by a same-nonce cancel at
 * its deadline and never lands later; rows stay provisional until K confirmations and a reorg (evm_snapshot /
 * evm_revert, then different blocks) changes a provisional row while a confirmed one stays.
 */
import { encodeFunctionData, parseTransaction, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { artifactOf } from '../../evm/compile.ts';
import { readReservesV2 } from '../../evm/fixtures.ts';
import { startFaultyRpcProxy, type FaultyRpcProxy } from '../testing/faultyRpcProxy.ts';
import { movePool } from '../testing/movePool.ts';
import { startRunner, waitFor, waitIdle } from '../testing/runnerHarness.ts';
import { startLoopback, type Loopback } from '../testing/startLoopback.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping transaction lifecycle tests: ARBML_DATA_DIR unset');

type Route = { cancel_tx_hash?: Hex; inclusion_block?: number; reorged?: boolean; confirmations?: number };
const routeOf = (row: OpportunityRow): Route => row.route as Route;

describe.skipIf(!dataDir)('transaction lifecycle (loopback node)', () => {
  let lb: Loopback;
  let proxy: FaultyRpcProxy;
  let pair: Address;
  const rpc = (method: string, params: unknown[] = []): Promise<unknown> =>
    lb.chain.provider.request({ method, params } as never) as Promise<unknown>;
  const receiptOrNull = (hash: Hex) => lb.chain.publicClient.getTransactionReceipt({ hash }).catch(() => null);

  beforeAll(async () => {
    lb = await startLoopback({ dataDir: dataDir! });
    proxy = await startFaultyRpcProxy(lb.node.url);
    pair = lb.rig.spec.pools[0]!.address as Address;
  }, 60_000);
  afterAll(async () => {
    await proxy?.close();
    await lb?.close();
  });

  it('a trade priced out of the block: replaced by a cancel at its deadline, never lands stale, its row has the cancel gas', async () => {
    const owner = lb.chain.accounts[0]!;
    const r = startRunner(lb, new HeuristicDecider(), { rpcUrl: proxy.url, receiptBlocks: 2 });
    let original: { hash: Hex; maxFee: bigint; nonce: number } | undefined;
    try {
      await waitIdle(lb, r);
      // Blocks now come from a timer, not from each transaction; the first trade sent is priced out right after.
      await lb.chain.testClient.setAutomine(false);
      await rpc('evm_setIntervalMining', [250]);
      proxy.hook('eth_sendRawTransaction', {
        after: async ([raw]) => {
          if (original) return;
          const tx = parseTransaction(raw as Hex);
          original = { hash: (await import('viem')).keccak256(raw as Hex), maxFee: tx.maxFeePerGas!, nonce: tx.nonce! };
          await rpc('hardhat_setNextBlockBaseFeePerGas', [`0x${(tx.maxFeePerGas! * 20n).toString(16)}`]);
        },
      });
      const nonceBefore = await lb.chain.publicClient.getTransactionCount({ address: owner });
      // Move pair A 4% in one block (mint + sync, mined together).
      const [, w0] = await readReservesV2(lb.rig.ctx, pair);
      const wallet = lb.chain.wallet(lb.chain.accounts[1]);
      const erc20 = artifactOf(lb.rig.artifacts, 'TestERC20').abi;
      const pairAbi = artifactOf(lb.rig.artifacts, 'TestV2Pair').abi;
      await rpc('evm_setIntervalMining', [0]);
      await wallet.sendTransaction({
        to: lb.rig.weth.address as Address,
        data: encodeFunctionData({ abi: erc20, functionName: 'mint', args: [pair, (w0 * 4n) / 100n] }),
        gas: 200_000n,
      });
      await wallet.sendTransaction({
        to: pair,
        data: encodeFunctionData({ abi: pairAbi, functionName: 'sync', args: [] }),
        gas: 200_000n,
      });
      await lb.chain.testClient.mine({ blocks: 1 });
      const moveBlock = await lb.chain.publicClient.getBlockNumber({ cacheTime: 0 });
      await rpc('evm_setIntervalMining', [250]);

      const row = await waitFor(
        `row of block ${moveBlock}`,
        () => r.rows.find((x) => x.blockNumber === moveBlock),
        30_000,
      );
      expect(original).toBeDefined();
      expect(row.executed).toBe(true);
      expect(row.txHash).toBe(original!.hash);
      expect(row.outcome).toBe('stale');
      const cancel = await lb.chain.publicClient.getTransactionReceipt({ hash: routeOf(row).cancel_tx_hash! });
      const cancelTx = await lb.chain.publicClient.getTransaction({ hash: cancel.transactionHash });
      expect(cancel.status).toBe('success');
      expect(cancelTx.nonce).toBe(original!.nonce);
      expect(cancelTx.to?.toLowerCase()).toBe(owner.toLowerCase());
      expect(cancelTx.maxFeePerGas! > original!.maxFee).toBe(true);
      expect(row.gasUsed).toBe(cancel.gasUsed);
      expect(cancel.gasUsed).toBe(21_000n);
      expect(Number(row.profitEth)).toBeCloseTo(-Number(cancel.gasUsed * cancel.effectiveGasPrice) / 1e18, 12);
      expect(
        r.logs.some((l) => l.includes(`tx ${original!.hash} not included`) && l.includes('replaced by cancel')),
      ).toBe(true);

      // The base fee falls back below the original's cap: it still never lands (its nonce went to the cancel).
      await rpc('hardhat_setNextBlockBaseFeePerGas', ['0x1']);
      await lb.chain.testClient.mine({ blocks: 3 });
      expect(await receiptOrNull(original!.hash)).toBeNull();
      expect(await lb.chain.publicClient.getTransactionCount({ address: owner })).toBe(nonceBefore + 1);
    } finally {
      proxy.hook('eth_sendRawTransaction', undefined);
      await rpc('evm_setIntervalMining', [0]);
      await lb.chain.testClient.setAutomine(true);
      r.abort.abort();
      await r.done;
    }
  }, 90_000);

  it('a reorg changes a provisional row; a confirmed row stays', async () => {
    const provisional: OpportunityRow[] = [];
    const r = startRunner(lb, new HeuristicDecider(), {
      confirmations: 3,
      onProvisional: (row) => provisional.push(row),
    });
    try {
      await waitIdle(lb, r);
      const trade = async (): Promise<OpportunityRow> => {
        const [, w] = await readReservesV2(lb.rig.ctx, pair);
        const block = await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: (w * 4n) / 100n });
        const p = await waitFor(`provisional row of block ${block}`, () =>
          provisional.find((x) => x.blockNumber === block),
        );
        await waitIdle(lb, r);
        return p;
      };
      const first = await trade();
      expect(first.outcome).toBe('success');
      expect(r.rows.find((x) => x.id === first.id)).toBeUndefined(); // not in the ledger before 3 confirmations
      await lb.chain.testClient.mine({ blocks: 3 });
      const confirmed = await waitFor('first row confirmed', () => r.rows.find((x) => x.id === first.id));
      expect(routeOf(confirmed).confirmations).toBe(3);
      expect(confirmed.outcome).toBe('success');

      const snapshot = await lb.chain.snapshot();
      const second = await trade();
      expect(second.outcome).toBe('success');
      const minedIn = routeOf(second).inclusion_block!;
      // Reorg: back to before the second trade's blocks, then other blocks on top.
      await lb.chain.revert(snapshot);
      await lb.chain.testClient.mine({ blocks: 4 });
      const changed = await waitFor('second row after the reorg', () => r.rows.find((x) => x.id === second.id), 20_000);
      expect(routeOf(changed).reorged).toBe(true);
      expect(changed.outcome === 'not_included' || routeOf(changed).inclusion_block !== minedIn).toBe(true);
      if (changed.outcome === 'not_included') expect(Number(changed.profitEth)).toBe(0);
      expect(r.logs.some((l) => l.startsWith('reorg: '))).toBe(true);
      // The confirmed row is exactly what it was: one row per id in the ledger.
      expect(r.rows.filter((x) => x.id === first.id)).toEqual([confirmed]);
    } finally {
      r.abort.abort();
      await r.done;
    }
  }, 90_000);
});
