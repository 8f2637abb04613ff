/**
 * A viem public client over HTTP JSON-RPC for one chain, with a bounded timeout per request and no retries of its
 * own: the runner retries through `rpcCall` (exponential backoff on transport errors and timeouts), so one retry
 * policy holds for every call and a node restart is ridden out in one place.
 */
import { createPublicClient, http, type Chain as ViemChain, type PublicClient, type Transport } from 'viem';
import { RetryableIoError } from '../../core/errors.ts';
import { withBackoff, type BackoffOptions } from '../retry.ts';

export interface ChainClientOptions {
  url: string;
  chainId: number;
  /** Per request (default 5,000 ms). */
  timeoutMs?: number;
}

export type LivePublicClient = PublicClient<Transport, ViemChain>;

export function viemChain(chainId: number, url: string): ViemChain {
  return {
    id: chainId,
    name: `chain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [url] } },
  };
}

export function createChainClient(o: ChainClientOptions): LivePublicClient {
  const chain = viemChain(o.chainId, o.url);
  return createPublicClient({
    chain,
    transport: http(o.url, { timeout: o.timeoutMs ?? 5_000, retryCount: 0 }),
  }) as LivePublicClient;
}

/** True for failures worth retrying: connection refused/reset, timeouts, HTTP 429/5xx from the node. */
export function isTransientRpcError(error: unknown): boolean {
  const text = `${(error as { name?: string })?.name ?? ''} ${(error as Error)?.message ?? ''} ${(error as { details?: string })?.details ?? ''}`;
  if (
    /HttpRequestError|TimeoutError|fetch failed|ECONNREFUSED|ECONNRESET|socket|timed out|took too long|Status: (429|5\d\d)/i.test(
      text,
    )
  )
    return true;
  // Node-side hiccups that pass: internal errors, rate limits, a block a load-balanced node has not seen yet.
  if (/InternalRpcError|LimitExceededRpcError|header not found|unknown block/i.test(text)) return true;
  const code = (error as { code?: unknown })?.code;
  if (code === -32603 || code === -32005 || code === 429) return true;
  const cause = (error as { cause?: unknown })?.cause;
  return cause !== undefined && cause !== error && isTransientRpcError(cause);
}

/** Runs one RPC read with backoff on transient failures; other errors surface at once. */
export function rpcCall<T>(what: string, fn: () => Promise<T>, o: BackoffOptions = {}): Promise<T> {
  return withBackoff(
    async () => {
      try {
        return await fn();
      } catch (error) {
        if (isTransientRpcError(error)) throw new RetryableIoError(`RPC ${what} failed`, { cause: error });
        throw error;
      }
    },
    { attempts: 8, baseDelayMs: 100, maxDelayMs: 2_000, ...o },
  );
}
