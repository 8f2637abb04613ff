/**
 * The real Balancer V2 Vault and Authorizer (the 2021-04-18 deployment task's bytecode from
 * @balancer-labs/v2-deployments) on a local chain, funded for flash loans through the Vault's own entry point:
 * manageUserBalance DEPOSIT_INTERNAL, which pulls the tokens into the Vault as `ctx.from`'s internal balance.
 * The Vault lends any token it holds; the flash-loan fee is the ProtocolFeesCollector's percentage, 0 as deployed
 * (and as on mainnet).
 */
import { parseAbi, type Address } from 'viem';
import { writeAndMine } from '../deploy.ts';
import { callProtocol, deployArtifact, readProtocol, type ProtocolContext } from './deployArtifact.ts';
import { mintTo } from './deployUniswap.ts';

export interface BalancerV2Vault {
  vault: Address;
  authorizer: Address;
  protocolFeesCollector: Address;
}

export interface DeployBalancerV2Options {
  ctx: ProtocolContext;
  /** The WETH the Vault wraps ETH with (any ERC-20 address works for flash loans). */
  weth: Address;
  /** Tokens and base units deposited for lending. */
  deposits: readonly { token: Address; amount: bigint }[];
}

const APPROVE_NO_RETURN = parseAbi(['function approve(address spender, uint256 amount)']);
const DEPOSIT_INTERNAL = 0;

export async function deployBalancerV2({ ctx, weth, deposits }: DeployBalancerV2Options): Promise<BalancerV2Vault> {
  const authorizer = await deployArtifact({ ctx, name: 'BalancerAuthorizer', args: [ctx.from] });
  const vault = await deployArtifact({ ctx, name: 'BalancerVault', args: [authorizer, weth, 0n, 0n] });
  for (const { token, amount } of deposits) {
    await mintTo(ctx, token, ctx.from, amount);
    await writeAndMine({
      clients: ctx.clients,
      address: token,
      abi: APPROVE_NO_RETURN,
      functionName: 'approve',
      args: [vault, amount],
      from: ctx.from,
    });
    await callProtocol(ctx, 'BalancerVault', vault, 'manageUserBalance', [
      [{ kind: DEPOSIT_INTERNAL, asset: token, amount, sender: ctx.from, recipient: ctx.from }],
    ]);
  }
  const protocolFeesCollector = await readProtocol<Address>(ctx, 'BalancerVault', vault, 'getProtocolFeesCollector');
  return { vault, authorizer, protocolFeesCollector };
}
