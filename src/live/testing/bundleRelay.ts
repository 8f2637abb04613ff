/**
 * A loopback block builder's relay for the local chain: `eth_sendBundle({ txs, blockNumber })` on 127.0.0.1. When
 * the chain's next block is a bundle's target, the relay builds it: with automine paused it applies the bundle's
 * signed transactions, mines one block and keeps it only if every transaction succeeded; otherwise it reverts to
 * the snapshot taken before (nothing of the bundle is mined, no gas is paid) and mines the block without it.
 * Bundles whose target has passed are dropped. `beforeBuild` runs just before a build with automine paused (a
 * competing searcher's transactions sent there land in the block ahead of the bundle); `built` lists what happened to each bundle.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hex } from 'viem';
import type { LocalChain } from '../../evm/localChain.ts';

export interface BuiltBundle {
  target: bigint;
  included: boolean;
  txs: Hex[];
}

export interface BundleRelay {
  readonly url: string;
  readonly built: BuiltBundle[];
  /** Runs once before the next build. */
  beforeBuild?: () => Promise<void>;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBundleRelay(chain: LocalChain): Promise<BundleRelay> {
  const queue: { target: bigint; txs: Hex[] }[] = [];
  const rpc = (method: string, params: unknown[] = []): Promise<unknown> =>
    chain.provider.request({ method, params } as never) as Promise<unknown>;
  let building = false;

  const relay: BundleRelay = {
    url: '',
    built: [],
    close: async () => {},
  };

  async function build(): Promise<void> {
    if (building) return;
    building = true;
    try {
      const head = await chain.publicClient.getBlockNumber({ cacheTime: 0 });
      for (let i = queue.length - 1; i >= 0; i--) if (queue[i]!.target <= head) queue.splice(i, 1);
      const due = queue.filter((b) => b.target === head + 1n);
      if (due.length === 0) return;
      for (const b of due) queue.splice(queue.indexOf(b), 1);
      await chain.testClient.setAutomine(false);
      try {
        // A competitor's transactions sent here land in the built block ahead of the bundles.
        const hook = relay.beforeBuild;
        relay.beforeBuild = undefined;
        await hook?.();
        for (const b of due) {
          const snapshot = await chain.snapshot();
          let ok = true;
          try {
            const hashes: Hex[] = [];
            for (const tx of b.txs) hashes.push((await rpc('eth_sendRawTransaction', [tx])) as Hex);
            await chain.testClient.mine({ blocks: 1 });
            for (const h of hashes)
              ok &&= (await chain.publicClient.getTransactionReceipt({ hash: h })).status === 'success';
          } catch {
            ok = false;
          }
          if (!ok) {
            await chain.revert(snapshot);
            await chain.testClient.mine({ blocks: 1 });
          }
          relay.built.push({ target: b.target, included: ok, txs: b.txs });
        }
      } finally {
        await chain.testClient.setAutomine(true);
      }
    } finally {
      building = false;
    }
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const call = JSON.parse(await readBody(req)) as {
      id?: unknown;
      method?: string;
      params?: { txs: Hex[]; blockNumber: Hex }[];
    };
    const reply = (body: object): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ jsonrpc: '2.0', id: call.id ?? null, ...body }));
    };
    if (call.method !== 'eth_sendBundle' || !call.params?.[0])
      return reply({ error: { code: -32601, message: 'eth_sendBundle only' } });
    if (!req.headers['x-flashbots-signature'])
      return reply({ error: { code: -32600, message: 'missing X-Flashbots-Signature' } });
    const { txs, blockNumber } = call.params[0];
    queue.push({ target: BigInt(blockNumber), txs });
    reply({ result: { bundleHash: `0x${queue.length.toString(16).padStart(64, '0')}` } });
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const timer = setInterval(() => void build().catch(() => {}), 20);
  Object.assign(relay, {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(timer);
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
  return relay;
}
