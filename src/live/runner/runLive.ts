/**
 * The live flash-arb runner: for each new head of the chain, read gas, pools (one multicall) and the CEX price,
 * detect edges with the paper runner's detector and features (src/exec), ask the Decider, and then by mode:
 * `paper` logs the decision with an eth_call counterfactual and sends nothing; `fork` and `live` send the trade
 * through FlashArb (EIP-1559, managed nonce) and log the receipt's outcome and gas. A block whose reads fail
 * (node down, timeouts) is retried with backoff until it is processed or the run ends; ids are deterministic per
 * block and already-logged ids are never pushed again, so a retry neither loses nor doubles a row.
 */
import { RetryableIoError } from '../../core/errors.ts';
import { isTransientRpcError } from '../chain/chainClient.ts';
import { HeadPoller } from '../chain/headPoller.ts';
import { sleep } from '../retry.ts';
import { LiveRun } from './liveRun.ts';
import type { RunLiveOptions, RunLiveResult } from './runLiveOptions.ts';

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
  run.provisional.flushUnconfirmed();
  await o.sink.flush();
  return run.result;
}
