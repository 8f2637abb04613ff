/**
 * The loopback rig as a standing service, for trying `arbml run` by hand (and the CLI tests): starts the rig,
 * writes the market description to a file, mines a block every `blockMs`, and moves pair A by a seeded random
 * 0.5-5% every `moveEveryMs` so edges keep appearing. Run directly:
 *   ARBML_DATA_DIR=/work/shared/data npx tsx src/live/testing/serveLoopback.ts /tmp/market.json 90
 * then, in another shell, the printed `export` lines and `arbml run --mode paper --market /tmp/market.json`.
 */
import { writeFileSync } from 'node:fs';
import type { Address } from 'viem';
import { InvalidInputError } from '../../core/errors.ts';
import { createRng } from '../../core/random.ts';
import { readReservesV2 } from '../../evm/fixtures.ts';
import { movePool } from './movePool.ts';
import { OANDA_TEST_TOKEN, startLoopback, type Loopback } from './startLoopback.ts';

export interface ServeLoopbackOptions {
  dataDir: string;
  marketFile: string;
  blockMs?: number;
  moveEveryMs?: number;
  seed?: number;
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
  const lb = await startLoopback({ dataDir: o.dataDir });
  writeFileSync(o.marketFile, JSON.stringify(lb.rig.spec, null, 2));
  await lb.chain.provider.request({ method: 'evm_setIntervalMining', params: [o.blockMs ?? 1_000] } as never);
  const rng = createRng(o.seed ?? 7);
  const moves: bigint[] = [];
  const pair = lb.rig.spec.pools[0]!.address as Address;
  const start = await readReservesV2(lb.rig.ctx, pair);
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
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

async function main(): Promise<void> {
  const [marketFile, seconds = '120'] = process.argv.slice(2);
  const dataDir = process.env.ARBML_DATA_DIR;
  if (!marketFile || !dataDir)
    throw new InvalidInputError('usage: ARBML_DATA_DIR=... serveLoopback.ts MARKET_FILE [SECONDS]');
  const served = await serveLoopback({ dataDir, marketFile });
  for (const [k, v] of Object.entries(served.env)) process.stdout.write(`export ${k}=${v}\n`);
  process.stderr.write(`loopback rig up for ${seconds} s; market in ${marketFile}\n`);
  await new Promise((r) => setTimeout(r, Number(seconds) * 1000));
  process.stderr.write(`moves: ${served.moves.length}\n`);
  await served.close();
  process.exit(0);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
