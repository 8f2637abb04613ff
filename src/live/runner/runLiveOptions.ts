/**
 * What a live run is given and what it returns: the mode, the market spec, the endpoints' clients, the decider and
 * the sinks its rows go to. Shared by the runner (runLive.ts) and the per-block worker (liveRun.ts).
 */
import type { Abi, Account } from 'viem';
import type { Decider } from '../../domain/decider.ts';
import type { RunnerMetrics } from '../../domain/runnerMetrics.ts';
import type { BlockSnapshot } from '../../market/blockSnapshot.ts';
import type { GasPriceRow } from '../../store/gasPrices.ts';
import type { OpportunityRow } from '../../domain/opportunityRow.ts';
import type { PoolStateRow } from '../../store/poolStates.ts';
import type { PriceFeed } from '../exchange/priceFeed.ts';
import type { LiveMarketSpec } from '../liveMarketSpec.ts';
import type { BreakerTrip } from './circuitBreaker.ts';
import type { LiveLimits } from './liveLimits.ts';

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
  /** How trades are sent: the public mempool (default) or private bundles to a relay (eth_sendBundle). */
  submit?: { kind: 'public' } | { kind: 'bundle'; relayUrl: string };
  /** Blocks before a mined trade's row is final (default confirmationsFor(chain, chainId)). */
  confirmations?: number;
  /** Each provisional version of a sent trade's row (before it is final, and after a reorg changed it). */
  onProvisional?: (row: OpportunityRow) => void;
  /** Fee caps and circuit-breaker limits (default: the safe defaults of liveLimits.ts). */
  limits?: LiveLimits;
  /** Every logged row, and the circuit breaker when it trips. */
  metrics?: Pick<RunnerMetrics, 'recordOpportunity' | 'circuitBreaker'>;
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
  /** Set when a limit stopped sending (the run then exits non-zero). */
  breaker?: BreakerTrip;
}
