import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeFunctionData, parseAbi, type Address } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { startLocalChain, type LocalChain } from '../../evm/localChain.ts';
import { startRpcNode, type RpcNode } from '../testing/rpcNode.ts';
import { HARDHAT_KEY_0 } from '../testing/startLoopback.ts';
import { awaitReceipt } from './awaitReceipt.ts';
import { createChainClient, type LivePublicClient } from './chainClient.ts';
import { chooseFees } from './feeChoice.ts';
import { NonceManager } from './nonceManager.ts';
import { gasPriceRow, readGas } from './readGas.ts';
import { redactRpcUrl, rpcUrlFromEnv } from './rpcEndpoint.ts';

const GWEI = 10n ** 9n;

describe('fee choice and RPC endpoint', () => {
  it('EIP-1559: tip = the chain minimum unless the decision asks more; cap = 2 x next base fee + tip', () => {
    expect(chooseFees({ nextBaseFeeWei: 30n * GWEI, minPriorityFeeWei: GWEI })).toEqual({
      maxPriorityFeePerGas: GWEI,
      maxFeePerGas: 61n * GWEI,
    });
    expect(chooseFees({ nextBaseFeeWei: 30n * GWEI, minPriorityFeeWei: GWEI, tipWei: 3n * GWEI })).toEqual({
      maxPriorityFeePerGas: 3n * GWEI,
      maxFeePerGas: 63n * GWEI,
    });
    expect(chooseFees({ nextBaseFeeWei: 10n, minPriorityFeeWei: GWEI, tipWei: 5n })).toEqual({
      maxPriorityFeePerGas: GWEI,
      maxFeePerGas: GWEI + 20n,
    });
  });

  it('the RPC URL comes from the environment and is shown without path, query or credentials', () => {
    const url = 'https://user:pw@eth.example.com:8443/v3/SECRETKEY?x=1';
    expect(rpcUrlFromEnv('ethereum', { ARBML_RPC_URL_ETHEREUM: url })).toBe(url);
    expect(redactRpcUrl(url)).toBe('https://eth.example.com:8443');
    expect(() => rpcUrlFromEnv('polygon', {})).toThrow('ARBML_RPC_URL_POLYGON is not set');
    expect(() => rpcUrlFromEnv('ethereum', { ARBML_RPC_URL_ETHEREUM: 'ws://x/SECRETKEY' })).toThrow(/http\(s\)/);
  });
});

describe('chain adapter against a hardhat JSON-RPC node on 127.0.0.1', () => {
  let chain: LocalChain;
  let node: RpcNode;
  let client: LivePublicClient;
  beforeAll(async () => {
    chain = await startLocalChain();
    node = await startRpcNode(chain.provider);
    client = createChainClient({ url: node.url, chainId: chain.chain.id });
  });
  afterAll(() => node?.close());

  it('eth_feeHistory gas equals the block header: base fee, next base fee by EIP-1559, utilisation', async () => {
    const to = chain.accounts[3]!;
    await chain.wallet().sendTransaction({ to, value: 1n });
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const block = await client.getBlock({ blockNumber: head });
    const g = await readGas(client, head);
    expect(g.baseFeeWei).toBe(block.baseFeePerGas);
    expect(g.utilisation).toBeCloseTo(Number(block.gasUsed) / Number(block.gasLimit), 12);
    // EIP-1559: below the 50% target the next base fee falls by (target - used) / target / 8.
    const target = block.gasLimit / 2n;
    expect(g.nextBaseFeeWei).toBe(
      block.baseFeePerGas! - (block.baseFeePerGas! * (target - block.gasUsed)) / target / 8n,
    );
    expect(g.timeMs).toBe(Number(block.timestamp) * 1000);
    const row = gasPriceRow('ethereum', g, 4000);
    expect(row.blockNumber).toBe(head);
    expect(row.baseFeeGwei).toBe(Number(block.baseFeePerGas) / 1e9);
  });

  it('nonces are handed out locally in order; a dropped transaction resyncs from the node', async () => {
    const account = privateKeyToAccount(HARDHAT_KEY_0);
    const nonces = new NonceManager(client, account.address);
    const n0 = await client.getTransactionCount({ address: account.address, blockTag: 'pending' });
    expect([await nonces.take(), await nonces.take()]).toEqual([n0, n0 + 1]);
    nonces.release(n0 + 1);
    expect(await nonces.take()).toBe(n0 + 1);
    nonces.resync();
    expect(await nonces.take()).toBe(n0);
  });

  it('receipts: success, reverted (mined, gas paid), and not_included after N blocks', async () => {
    const wallet = chain.wallet(chain.accounts[2]);
    const ok = await wallet.sendTransaction({ to: chain.accounts[4]!, value: 1n });
    const head = await client.getBlockNumber({ cacheTime: 0 });
    const r1 = await awaitReceipt({ client, hash: ok, sentAtBlock: head - 1n });
    expect(r1.outcome).toBe('success');
    expect(r1.receipt!.gasUsed).toBe(21_000n);
    // A contract whose code is just REVERT (runtime 0x60006000fd): the call is mined with status 0 and pays gas.
    const deployHash = await wallet.sendTransaction({ data: '0x6005600c60003960056000f360006000fd' });
    const reverter = (await client.getTransactionReceipt({ hash: deployHash })).contractAddress as Address;
    const bad = await wallet.sendTransaction({
      to: reverter,
      data: encodeFunctionData({ abi: parseAbi(['function f()']), functionName: 'f' }),
      gas: 100_000n,
    });
    const r2 = await awaitReceipt({ client, hash: bad, sentAtBlock: await client.getBlockNumber({ cacheTime: 0 }) });
    expect(r2.outcome).toBe('reverted');
    expect(r2.receipt!.gasUsed > 21_000n).toBe(true);
    // A fee cap under the base fee waits in the pool while blocks pass: not included after 2 blocks.
    await chain.testClient.setAutomine(false);
    let starved: `0x${string}` | undefined;
    try {
      const base = (await client.getBlock()).baseFeePerGas!;
      starved = await wallet.sendTransaction({
        to: chain.accounts[4]!,
        value: 1n,
        maxFeePerGas: base / 2n,
        maxPriorityFeePerGas: 1n,
        gas: 21_000n,
      });
      const sentAt = await client.getBlockNumber({ cacheTime: 0 });
      await chain.testClient.mine({ blocks: 3 });
      const r3 = await awaitReceipt({ client, hash: starved, sentAtBlock: sentAt, maxBlocks: 2 });
      expect(r3).toEqual({ outcome: 'not_included' });
    } finally {
      if (starved) await chain.provider.request({ method: 'hardhat_dropTransaction', params: [starved] } as never);
      await chain.testClient.setAutomine(true);
    }
  });
});
