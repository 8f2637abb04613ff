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
}

function executeArgs(encoded: EncodedRoute, minProfit: bigint): readonly unknown[] {
  return [encoded.loan, encoded.hops, minProfit];
}

/** eth_call of execute: the profit, or a decoded revert. Nothing is sent. */
export async function simulateFlashArb(options: Omit<ExecuteFlashArbOptions, 'gas'>): Promise<bigint> {
  const { clients, artifacts, flashArb, encoded, minProfit, from } = options;
  const { abi } = artifactOf(artifacts, 'FlashArb');
  const account = from ?? clients.wallet().account.address;
  try {
    const { result } = await clients.publicClient.simulateContract({
      address: flashArb, abi, functionName: 'execute', args: executeArgs(encoded, minProfit) as unknown[], account,
    });
    return result as bigint;
  } catch (error) {
    throw decodeRevert(error, abi);
  }
}

export async function executeFlashArb(options: ExecuteFlashArbOptions): Promise<FlashArbExecution> {
  const { clients, artifacts, flashArb, encoded, minProfit, from, gas } = options;
  const { abi } = artifactOf(artifacts, 'FlashArb');
  const receipt = await sendContractTx({
    clients, address: flashArb, abi, functionName: 'execute', args: executeArgs(encoded, minProfit), from, gas,
  });
  const execution: FlashArbExecution = { receipt, hash: receipt.transactionHash, status: receipt.status };
  if (receipt.status === 'success') {
    const own = receipt.logs.filter((log) => log.address.toLowerCase() === flashArb.toLowerCase());
    const [event] = parseEventLogs({ abi, logs: own, eventName: 'ArbExecuted' }) as unknown as { args: { amountOut: bigint; fee: bigint; profit: bigint } }[];
    if (event) Object.assign(execution, { profit: event.args.profit, amountOut: event.args.amountOut, flashFee: event.args.fee });
  }
  return execution;
}
