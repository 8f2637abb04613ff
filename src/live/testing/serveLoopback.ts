/**
 * The loopback rig as a standing service, behind `arbml rig` (src/cli/commands/rig.ts) and the CLI tests: starts
 * the rig, writes the market description to a file, mines a block every `blockMs`, and moves pair A by a seeded
 * random 0.5-5% every `moveEveryMs` (0: never) so edges keep appearing.
 */
import { writeFileSync } from 'node:fs';
import type { Address } from 'viem';
import { createRng } from '../../core/random.ts';
import { readReservesV2 } from '../../evm/fixtures.ts';
import { movePool } from './movePool.ts';
import { OANDA_TEST_TOKEN, startLoopback, type Loopback } from './startLoopback.ts';

export interface ServeLoopbackOptions {
  dataDir: string;
  marketFile: string;
  blockMs?: number;
  /** Pool moves every this many ms (default 3,000; 0: no moves). */
  moveEveryMs?: number;
  seed?: number;
  /** Default 31337. */
  chainId?: number;
}

export interface ServedLoopback {
  loopback: Loopback;
  /** Environment for `arbml run` against this rig. */
  env: Record<string, string>;
  /** Blocks the mover moved pair A in. */
  moves: bigint[];
  close(): Promise<void>;
}

export async function serveLoopback(o: ServeLoopbackOptions): Promise<ServedLoopback> {
  const lb = await startLoopback({ dataDir: o.dataDir, chainId: o.chainId });
  writeFileSync(o.marketFile, JSON.stringify(lb.rig.spec, null, 2));
  await lb.chain.provider.request({ method: 'evm_setIntervalMining', params: [o.blockMs ?? 1_000] } as never);
  const rng = createRng(o.seed ?? 7);
  const moves: bigint[] = [];
  const pair = lb.rig.spec.pools[0]!.address as Address;
  const start = await readReservesV2(lb.rig.ctx, pair);
  let busy = false;
  const timer = setInterval(() => {
    if (busy || o.moveEveryMs === 0) return;
    busy = true;
    void (async () => {
      const [usdc, weth] = await readReservesV2(lb.rig.ctx, pair);
      const bps = BigInt(50 + rng.int(451));
      // Random direction while near the start price, back towards it when more than 3% away (a paper run never
      // closes edges, so an unbounded walk would drift off).
      const ratio = Number(usdc * start[1]) / Number(start[0] * weth);
      const weth1 = ratio > 1.03 ? true : ratio < 0.97 ? false : rng.next() < 0.5;
      moves.push(
        await movePool({
          chain: lb.chain,
          rig: lb.rig,
          pair,
          token: weth1 ? 'weth' : 'usdc',
          amount: ((weth1 ? weth : usdc) * bps) / 10_000n,
        }),
      );
    })().finally(() => (busy = false));
  }, o.moveEveryMs ?? 3_000);
  const env = {
    ARBML_RPC_URL_ETHEREUM: lb.node.url,
    ARBML_BINANCE_API_URL: `${lb.exchange.baseUrl}/api/v3`,
    ARBML_OANDA_API_URL: lb.exchange.baseUrl,
    ARBML_OANDA_TOKEN: OANDA_TEST_TOKEN,
  };
  return {
    loopback: lb,
    env,
    moves,
    close: async () => {
      clearInterval(timer);
      await lb.close();
    },
  };
}
