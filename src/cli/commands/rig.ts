/**
 * `arbml rig --dir DIR [--duration S] [--chain-id N] [--moves]`: the local test rig for `arbml run`, one command.
 * Starts a local chain (chain id 31337 unless --chain-id) on 127.0.0.1 with the rig's market deployed (USDC, WETH,
 * two V2 pairs, a V3 pool, an Aave-style lender, a Balancer-style vault, FlashArb, Multicall) at the price of a real
 * kline, a block every --block-ms, a loopback exchange replaying the real ETH/USDT minutes of ARBML_DATA_DIR
 * (Binance and OANDA APIs), optional seeded pool moves; once the node and the exchange answer it writes
 * DIR/market.json and DIR/env.sh (the ARBML_* variables for the run, with hardhat's public test key 0, the FlashArb
 * owner). Stops after --duration seconds, or on SIGINT/SIGTERM.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { HARDHAT_KEY_0 } from '../../live/testing/startLoopback.ts';
import { serveLoopback } from '../../live/testing/serveLoopback.ts';
import { configFromFlags, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';

interface RigFlags extends CommonFlags {
  dir?: string;
  duration?: string;
  chainId: string;
  moves?: boolean;
  blockMs: string;
  moveEveryMs: string;
}

function positive(name: string, value: string, integer = false): number {
  const n = Number(value);
  if (!(n > 0) || !Number.isFinite(n) || (integer && !Number.isInteger(n)))
    throw new InvalidInputError(`--${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  return n;
}

async function answers(rpcUrl: string, exchangeUrl: string): Promise<void> {
  const chain = await fetch(rpcUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
  });
  const ticker = await fetch(`${exchangeUrl}/api/v3/ticker/bookTicker?symbol=ETHUSDT`);
  if (!chain.ok || !ticker.ok) throw new RetryableIoError('rig: node or exchange does not answer');
}

export function register(program: Command): void {
  program
    .command('rig')
    .description('local chain + replaying exchange for trying `arbml run` (writes DIR/market.json and DIR/env.sh)')
    .option('--dir <dir>', 'where market.json and env.sh are written')
    .option('--duration <s>', 'seconds to serve (default: until SIGINT/SIGTERM)')
    .option('--chain-id <n>', 'chain id of the local chain', '31337')
    .option('--moves', 'move pair A by a seeded 0.5-5% now and then, so edges keep appearing')
    .option('--block-ms <ms>', 'a block every this many ms', '1000')
    .option('--move-every-ms <ms>', 'interval of the pool moves with --moves', '3000')
    .option('--seed <n>', 'seed of the pool moves')
    .option('--data-dir <dir>', 'real market data (default: env ARBML_DATA_DIR)')
    .option('--json', 'print one JSON object on stdout once the rig answers')
    .addHelpText(
      'after',
      `
A 60-second paper run, then a fork run (sends to the rig's chain with its test key):
  arbml rig --dir /tmp/rig --moves --duration 300 &
  sleep 15; source /tmp/rig/env.sh
  arbml run --mode paper --market /tmp/rig/market.json --duration 60
  arbml run --mode fork  --market /tmp/rig/market.json --duration 60 --json`,
    )
    .action(async (flags: RigFlags) => {
      if (!flags.dir) throw new InvalidInputError('--dir DIR is required (market.json and env.sh go there)');
      const config = configFromFlags(flags);
      if (!config.dataDir) throw new InvalidInputError('rig needs real klines: set ARBML_DATA_DIR or --data-dir');
      const chainId = positive('chain-id', flags.chainId, true);
      const durationMs = flags.duration === undefined ? undefined : positive('duration', flags.duration) * 1000;
      const dir = resolve(flags.dir);
      mkdirSync(dir, { recursive: true });
      const marketFile = join(dir, 'market.json');
      const served = await serveLoopback({
        dataDir: config.dataDir,
        marketFile,
        chainId,
        seed: config.seed,
        blockMs: positive('block-ms', flags.blockMs),
        moveEveryMs: flags.moves ? positive('move-every-ms', flags.moveEveryMs) : 0,
      });
      try {
        await answers(served.env.ARBML_RPC_URL_ETHEREUM!, served.loopback.exchange.baseUrl);
        const env = { ...served.env, ARBML_PRIVATE_KEY: HARDHAT_KEY_0 };
        writeFileSync(
          join(dir, 'env.sh'),
          "# arbml rig: local endpoints; ARBML_PRIVATE_KEY is hardhat's public test key 0 (never a real one)\n" +
            Object.entries(env)
              .map(([k, v]) => `export ${k}=${v}`)
              .join('\n') +
            '\n',
          { mode: 0o600 },
        );
        const result = {
          dir,
          market: marketFile,
          env: join(dir, 'env.sh'),
          chain_id: chainId,
          rpc: served.env.ARBML_RPC_URL_ETHEREUM,
          exchange: served.loopback.exchange.baseUrl,
          moves: !!flags.moves,
        };
        report({
          json: !!flags.json,
          result,
          human: (r) => `rig up: chain ${r.chain_id} at ${r.rpc}, exchange ${r.exchange}; source ${r.env}`,
        });
        await new Promise<void>((done) => {
          const stop = (): void => {
            clearTimeout(timer);
            process.off('SIGINT', stop);
            process.off('SIGTERM', stop);
            done();
          };
          const timer = durationMs === undefined ? undefined : setTimeout(stop, durationMs);
          process.once('SIGINT', stop);
          process.once('SIGTERM', stop);
        });
        info(`rig: stopping (${served.moves.length} pool moves)`);
      } finally {
        await served.close();
      }
    });
}
