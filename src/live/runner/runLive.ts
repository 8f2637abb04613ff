/**
 * The live flash-arb runner: for each new head of the chain, read gas, pools (one multicall) and the CEX price,
 * detect edges with the paper runner's detector and features (src/exec), ask the Decider, and then by mode:
 * `paper` logs the decision with an eth_call counterfactual and sends nothing; `fork` and `live` send the trade
 * through FlashArb (EIP-1559, managed nonce) and log the receipt's outcome and gas. A block whose reads fail
 * (node down, timeouts) is retried with backoff until it is processed or the run ends; ids are deterministic per
 * block and already-logged ids are never pushed again, so a retry neither loses nor doubles a row.
 */
import type { Abi, Account } from 'viem';
import { RetryableIoError } from '../../core/errors.ts';
import type { Decider } from '../../decide/decider.ts';
import type { BlockSnapshot } from '../../market/blockSnapshot.ts';
import type { GasPriceRow } from '../../store/gasPrices.ts';
import type { OpportunityRow } from '../../store/opportunities.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import { isTransientRpcError } from '../chain/chainClient.ts';
import { HeadPoller } from '../chain/headPoller.ts';
import type { PriceFeed } from '../exchange/priceFeed.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import { sleep } from '../retry.ts';
import { LiveRun } from './liveRun.ts';

export type LiveMode = 'paper' | 'fork' | 'live';

export interface RowSinkLike {
  push(row: OpportunityRow): void;
  flush(): Promise<void>;
}

export interface RunLiveOptions {
  mode: LiveMode;
  spec: LiveMarketSpec;
  rpcUrl: string;
  feed: PriceFeed;
  /** Feed symbol of ETH priced in USD(T/C), e.g. `ETH/USDT`. */
  symbol: string;
  decider: Decider;
  /** Sees each block before decisions on it; a returned promise is awaited (the ML decider's gas forecaster). */
  onBlock?: (b: BlockSnapshot) => Promise<void> | void;
  flashArbAbi: Abi;
  /** Sending account (fork/live); its key stays inside the viem account. */
  account?: Account;
  sink: RowSinkLike;
  /** gas_prices / pool_states rows of each processed block. */
  onChainRows?: (gas: GasPriceRow[], pools: PoolStateRow[]) => Promise<void>;
  durationMs: number;
  runTag: string;
  pollMs?: number;
  /** Per JSON-RPC request (default 5,000 ms). */
  rpcTimeoutMs?: number;
  gasLimit?: bigint;
  receiptBlocks?: number;
  /** Ends the run early (the current block is finished first). */
  signal?: AbortSignal;
  /** Called after each head is fully processed (tests synchronise on it). */
  onProcessed?: (head: bigint) => void;
  /** One line per event worth a log (stderr); never receives secrets. */
  log?: (line: string) => void;
}

export interface RunLiveResult {
  blocks: number;
  opportunities: number;
  sent: number;
  outcomes: Record<string, number>;
  /** Failed RPC polls and block reads that were retried. */
  rpcRetries: number;
  feedErrors: number;
}

const retryable = (e: unknown): boolean => e instanceof RetryableIoError || isTransientRpcError(e);

export async function runLive(o: RunLiveOptions): Promise<RunLiveResult> {
  const run = new LiveRun(o);
  const until = Date.now() + o.durationMs;
  const deadline = (): number => (o.signal?.aborted ? 0 : until);
  const poller = new HeadPoller({
    client: run.client,
    intervalMs: o.pollMs,
    onError: (_e, n) => {
      run.result.rpcRetries++;
      if (n === 1 || n % 10 === 0) o.log?.(`rpc: node unreachable (${n} failed polls), backing off`);
    },
  });
  for (;;) {
    const head = await poller.next(deadline);
    if (head === undefined) break;
    for (let attempt = 1; Date.now() < deadline(); attempt++) {
      try {
        await run.process(head);
        o.onProcessed?.(head);
        break;
      } catch (error) {
        if (!retryable(error)) throw error;
        run.result.rpcRetries++;
        if ((error as Error).message.includes('binance') || (error as Error).message.includes('oanda'))
          run.result.feedErrors++;
        o.log?.(`block ${head}: ${(error as Error).message.split('\n')[0]}; retrying`);
        await sleep(Math.min(2_000, 100 * 2 ** Math.min(attempt, 5), Math.max(0, deadline() - Date.now())));
      }
    }
  }
  await o.sink.flush();
  return run.result;
}
