/**
 * Sends (or simulates) FlashArb.execute for an encoded route. Simulation is an eth_call that returns the profit
 * the owner would receive, or throws a ContractRevertError naming the guard that would trip (InsufficientProfit,
 * HopOutputTooLow, ...). Execution returns the receipt and, when it succeeded, the profit from the ArbExecuted
 * event; a mined revert is returned as such (status 'reverted', gas paid), not thrown, so callers can log it.
 */
import { parseEventLogs, type Address, type Hex, type TransactionReceipt } from 'viem';
import { artifactOf, type Artifacts } from './compile.ts';
import { decodeRevert, sendContractTx, type ChainClients } from './deploy.ts';
import type { EncodedRoute } from './encodeRoute.ts';

export interface ExecuteFlashArbOptions {
  clients: ChainClients;
  artifacts: Artifacts;
  flashArb: Address;
  encoded: EncodedRoute;
  /** Least profit (borrowed-token base units) after repaying the loan; set it to cover gas. */
  minProfit: bigint;
  /** Sender; must be the contract's owner. Default: the wallet's first account. */
  from?: Address;
  /** Fixed gas limit (skips estimation, so a failing trade is still mined and pays gas). */
  gas?: bigint;
  /**
   * Last block number the trade may be included in (FlashArb.executeWithDeadline reverts with Expired after it,
   * for under 40,000 gas). Default: none (plain execute).
   */
  deadline?: bigint;
  /** Share of the realised profit paid to block.coinbase, bps (0..10000). Default 0. */
  coinbaseBps?: number;
}

export interface FlashArbExecution {
  receipt: TransactionReceipt;
  hash: Hex;
  status: 'success' | 'reverted';
  /** Profit paid to the owner (from ArbExecuted); undefined when reverted. */
  profit?: bigint;
  /** Route output and flash fee (from ArbExecuted). */
  amountOut?: bigint;
  flashFee?: bigint;
  /** Paid to block.coinbase (from CoinbasePaid); undefined when nothing was paid. */
  coinbasePaid?: bigint;
}

type CallOptions = Pick<ExecuteFlashArbOptions, 'encoded' | 'minProfit' | 'deadline' | 'coinbaseBps'>;

/** execute(loan, hops, minProfit), or executeWithDeadline(..., deadline, coinbaseBps) when either is given. */
function executeCall({ encoded, minProfit, deadline, coinbaseBps }: CallOptions): {
  functionName: string;
  args: readonly unknown[];
} {
  if (deadline === undefined && !coinbaseBps)
    return { functionName: 'execute', args: [encoded.loan, encoded.hops, minProfit] };
  return {
    functionName: 'executeWithDeadline',
    args: [encoded.loan, encoded.hops, minProfit, deadline ?? MAX_UINT256, coinbaseBps ?? 0],
  };
}

const MAX_UINT256 = (1n << 256n) - 1n;

/** eth_call of execute: the profit, or a decoded revert. Nothing is sent. */
export async function simulateFlashArb(options: Omit<ExecuteFlashArbOptions, 'gas'>): Promise<bigint> {
  const { clients, artifacts, flashArb, from } = options;
  const { abi } = artifactOf(artifacts, 'FlashArb');
  const account = from ?? clients.wallet().account.address;
  const { functionName, args } = executeCall(options);
  try {
    const { result } = await clients.publicClient.simulateContract({
      address: flashArb,
      abi,
      functionName,
      args: args as unknown[],
      account,
    });
    return result as bigint;
  } catch (error) {
    throw decodeRevert(error, abi);
  }
}

export async function executeFlashArb(options: ExecuteFlashArbOptions): Promise<FlashArbExecution> {
  const { clients, artifacts, flashArb, from, gas } = options;
  const { abi } = artifactOf(artifacts, 'FlashArb');
  const receipt = await sendContractTx({ clients, address: flashArb, abi, ...executeCall(options), from, gas });
  const execution: FlashArbExecution = { receipt, hash: receipt.transactionHash, status: receipt.status };
  if (receipt.status === 'success') {
    const own = receipt.logs.filter((log) => log.address.toLowerCase() === flashArb.toLowerCase());
    const [event] = parseEventLogs({ abi, logs: own, eventName: 'ArbExecuted' }) as unknown as {
      args: { amountOut: bigint; fee: bigint; profit: bigint };
    }[];
    if (event)
      Object.assign(execution, {
        profit: event.args.profit,
        amountOut: event.args.amountOut,
        flashFee: event.args.fee,
      });
    const [bid] = parseEventLogs({ abi, logs: own, eventName: 'CoinbasePaid' }) as unknown as {
      args: { amount: bigint };
    }[];
    if (bid) execution.coinbasePaid = bid.args.amount;
  }
  return execution;
}
