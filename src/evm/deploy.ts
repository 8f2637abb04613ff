/**
 * Deploying and transacting on a chain reached through viem, where transactions are mined when sent (the local
 * EVM's automine, or a node in fork mode): send, then read the receipt at once. Reverts are decoded with the
 * contract's ABI so errors name the Solidity error (e.g. `InsufficientProfit`).
 */
import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type Hex,
  type PublicClient,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem';
import { ArbmlError, InvariantError } from '../core/errors.ts';
import { artifactOf, type Artifacts } from './compile.ts';

export interface ChainClients {
  readonly publicClient: PublicClient<Transport, Chain>;
  wallet(account?: Address): WalletClient<Transport, Chain, Account>;
}

export interface DeployContractOptions {
  clients: ChainClients;
  artifacts: Artifacts;
  contractName: string;
  args?: readonly unknown[];
  from?: Address;
}

/** Deploys a compiled contract; returns its address. */
export async function deployContract({
  clients,
  artifacts,
  contractName,
  args = [],
  from,
}: DeployContractOptions): Promise<Address> {
  const { abi, bytecode } = artifactOf(artifacts, contractName);
  const hash = await clients.wallet(from).deployContract({ abi, bytecode, args: args as unknown[] });
  const receipt = await clients.publicClient.getTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new InvariantError(`deploying ${contractName} failed (status ${receipt.status})`, { meta: { hash } });
  }
  return receipt.contractAddress;
}

export interface SendContractTxOptions {
  clients: ChainClients;
  address: Address;
  abi: Abi;
  functionName: string;
  args?: readonly unknown[];
  from?: Address;
  /** Fixed gas limit: skips estimation, so a transaction that will revert is still mined (and pays gas). */
  gas?: bigint;
}

/** A revert, with the Solidity error decoded when the ABI knows it. */
export class ContractRevertError extends ArbmlError {
  override name = 'ContractRevertError';
  constructor(
    readonly errorName: string | undefined,
    readonly errorArgs: readonly unknown[] | undefined,
    options: { details?: string; cause?: unknown; meta?: Record<string, unknown> } = {},
  ) {
    super(
      `contract reverted${errorName ? ` with ${errorName}(${(errorArgs ?? []).map(String).join(', ')})` : ''}`,
      options,
    );
  }
}

/** Turns a viem revert (from estimateGas, eth_call or simulate) into a ContractRevertError; other errors pass through. */
export function decodeRevert(error: unknown, abi: Abi): unknown {
  if (!(error instanceof BaseError)) return error;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError && reverted.data) {
    return new ContractRevertError(reverted.data.errorName, reverted.data.args, { cause: error });
  }
  const raw = error.walk((e) => typeof (e as { data?: unknown }).data === 'string') as { data?: Hex } | null;
  if (raw?.data && raw.data.length >= 10) {
    try {
      const decoded = decodeErrorResult({ abi, data: raw.data });
      return new ContractRevertError(decoded.errorName, decoded.args, { cause: error });
    } catch {
      return new ContractRevertError(undefined, undefined, { details: raw.data, cause: error });
    }
  }
  return error;
}

/** Sends a contract call and returns its receipt, whatever its status; estimation reverts throw decoded. */
export async function sendContractTx(options: SendContractTxOptions): Promise<TransactionReceipt> {
  const { clients, address, abi, functionName, args = [], from, gas } = options;
  let hash: Hex;
  try {
    hash = await clients.wallet(from).writeContract({ address, abi, functionName, args: args as unknown[], gas });
  } catch (error) {
    throw decodeRevert(error, abi);
  }
  return clients.publicClient.getTransactionReceipt({ hash });
}

/** Like sendContractTx, but a mined revert throws too. */
export async function writeAndMine(options: SendContractTxOptions): Promise<TransactionReceipt> {
  const receipt = await sendContractTx(options);
  if (receipt.status !== 'success') {
    throw new ContractRevertError(undefined, undefined, {
      details: `${options.functionName} reverted on chain`,
      meta: { hash: receipt.transactionHash },
    });
  }
  return receipt;
}
