/**
 * Deploys an npm protocol artifact (protocolArtifacts.ts), linking its libraries first, and sends calls to the
 * deployed protocol contracts with their own ABI. Thin wrappers over viem, in the style of ../deploy.ts.
 */
import type { Address } from 'viem';
import { InvariantError } from '../../core/errors.ts';
import { writeAndMine, type ChainClients } from '../deploy.ts';
import { linkBytecode } from './linkBytecode.ts';
import { protocolArtifact, type ProtocolContractName } from './protocolArtifacts.ts';

export interface ProtocolContext {
  clients: ChainClients;
  /** Sender of deployments and admin calls. */
  from: Address;
}

export interface DeployArtifactOptions {
  ctx: ProtocolContext;
  name: ProtocolContractName;
  args?: readonly unknown[];
  libraries?: Readonly<Record<string, Address>>;
}

export async function deployArtifact({
  ctx,
  name,
  args = [],
  libraries = {},
}: DeployArtifactOptions): Promise<Address> {
  const { abi, bytecode, linkReferences } = protocolArtifact(name);
  const linked = linkBytecode({ bytecode, linkReferences, libraries });
  const hash = await ctx.clients.wallet(ctx.from).deployContract({ abi, bytecode: linked, args: args as unknown[] });
  const receipt = await ctx.clients.publicClient.getTransactionReceipt({ hash });
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new InvariantError(`deploying ${name} failed (status ${receipt.status})`, { meta: { hash } });
  }
  return receipt.contractAddress;
}

/** Sends a call to a deployed protocol contract and throws if it reverts. */
export async function callProtocol(
  ctx: ProtocolContext,
  name: ProtocolContractName,
  address: Address,
  functionName: string,
  args: readonly unknown[] = [],
): Promise<void> {
  await writeAndMine({
    clients: ctx.clients,
    address,
    abi: protocolArtifact(name).abi,
    functionName,
    args,
    from: ctx.from,
  });
}

/** Reads a view function of a deployed protocol contract. */
export function readProtocol<T>(
  ctx: ProtocolContext,
  name: ProtocolContractName,
  address: Address,
  functionName: string,
  args: readonly unknown[] = [],
): Promise<T> {
  return ctx.clients.publicClient.readContract({
    address,
    abi: protocolArtifact(name).abi,
    functionName,
    args: args as unknown[],
  }) as Promise<T>;
}
