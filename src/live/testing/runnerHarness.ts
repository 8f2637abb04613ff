/**
 * Test harness for the live runner on the loopback rig: start `runLive` in fork mode collecting its rows, logs
 * and processed heads; move a pool and wait for the row of that block; wait until the runner is idle at the head.
 */
import type { Address, Hex } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { Decider } from '../../domain/decider.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import { artifactOf } from '../../evm/compile.ts';
import type { GasPriceRow } from '../../store/gasPrices.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import { CcxtFeed } from '../exchange/ccxtFeed.ts';
import { runLive } from '../runner/runLive.ts';
import type { RunLiveOptions, RunLiveResult } from '../runner/runLiveOptions.ts';
import { movePool } from './movePool.ts';
import { HARDHAT_KEY_0, type Loopback } from './startLoopback.ts';

export async function waitFor<T>(what: string, get: () => T | undefined, timeoutMs = 15_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export interface Runner {
  rows: OpportunityRow[];
  gasRows: GasPriceRow[];
  poolRows: PoolStateRow[];
  logs: string[];
  processed: bigint;
  abort: AbortController;
  done: Promise<RunLiveResult>;
}

export function startRunner(
  lb: Loopback,
  decider: Decider = new HeuristicDecider(),
  extra: Partial<RunLiveOptions> = {},
): Runner {
  const r: Runner = {
    rows: [],
    gasRows: [],
    poolRows: [],
    logs: [],
    processed: 0n,
    abort: new AbortController(),
    done: undefined as never,
  };
  r.done = runLive({
    mode: 'fork',
    spec: lb.rig.spec,
    rpcUrl: lb.node.url,
    symbol: 'ETH/USDT',
    feed: new CcxtFeed({ publicApiUrl: `${lb.exchange.baseUrl}/api/v3` }),
    decider,
    flashArbAbi: artifactOf(lb.rig.artifacts, 'FlashArb').abi,
    account: privateKeyToAccount(HARDHAT_KEY_0),
    sink: { push: (row) => void r.rows.push(row), flush: async () => {} },
    onChainRows: async (g, p) => void (r.gasRows.push(...g), r.poolRows.push(...p)),
    durationMs: 55_000,
    runTag: 'fork-test',
    pollMs: 25,
    signal: r.abort.signal,
    onProcessed: (h) => void (r.processed = h),
    log: (l) => void r.logs.push(l),
    ...extra,
  });
  return r;
}

/** Moves pair A, waits for the runner's row of that block and for the runner to have seen its own trade's block. */
export async function moveAndWait(
  lb: Loopback,
  r: Runner,
  token: 'weth' | 'usdc',
  amount: bigint,
): Promise<{ block: bigint; row: OpportunityRow }> {
  const block = await movePool({
    chain: lb.chain,
    rig: lb.rig,
    pair: lb.rig.spec.pools[0]!.address as Address,
    token,
    amount,
  });
  const row = await waitFor(`row of block ${block}`, () => r.rows.find((x) => x.blockNumber === block));
  const seen = row.txHash
    ? (await lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex })).blockNumber
    : block;
  await waitFor(`runner past block ${seen}`, () => (r.processed >= seen ? true : undefined));
  await waitIdle(lb, r);
  return { block, row };
}

/** Until the runner has processed the chain's head and no new block appeared meanwhile (residual trades done). */
export async function waitIdle(lb: Loopback, r: Runner): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const head = await lb.chain.publicClient.getBlockNumber({ cacheTime: 0 });
    await waitFor(`runner at head ${head}`, () => (r.processed >= head ? true : undefined));
    await new Promise((res) => setTimeout(res, 60));
    if ((await lb.chain.publicClient.getBlockNumber({ cacheTime: 0 })) === head) return;
  }
  throw new Error('runner never idle');
}
