/**
 * An attacker's kit on top of deployProtocols, for the in-flight attack, error-coverage and fuzz tests:
 * a HostileToken (arms a call on its next transfer from a chosen sender) paired with USDC on the 'uniswap-v2' and
 * 'sushi-v2' factories (real pairs), HostileV3Pools (misbehaving swap callbacks) for HOST/USDC and WETH/USDC, a
 * SilentLender (never calls back) and an OwnerProxy (a smart-wallet owner anyone can make call its FlashArb).
 * Helpers build FlashArb loans and hops and read which Solidity error a call reverts with.
 */
import { encodeFunctionData, type Abi, type Address, type Hex } from 'viem';
import { artifactOf, type Artifacts } from '../compile.ts';
import { ContractRevertError, decodeRevert, deployContract, writeAndMine } from '../deploy.ts';
import type { FlashArbHop, FlashArbLoan } from '../encodeRoute.ts';
import type { LocalChain } from '../localChain.ts';
import { poolKey, type ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import { addLiquidityV2, createPairV2 } from '../protocols/deployUniswap.ts';

export interface AttackRig {
  chain: LocalChain;
  artifacts: Artifacts;
  d: ProtocolsDeployment;
  /** FlashArb's ABI plus the attack contracts' errors (AttackSucceeded), for decoding. */
  abi: Abi;
  host: Address;
  hostUni: Address;
  hostSushi: Address;
  /** HostileV3Pool HOST/USDC (pays HOST out with a real transfer) and WETH/USDC. */
  hostV3: Address;
  evilV3: Address;
  silent: Address;
  proxy: Address;
  proxyArb: Address;
}

export async function deployAttackRig(
  chain: LocalChain,
  artifacts: Artifacts,
  d: ProtocolsDeployment,
): Promise<AttackRig> {
  const ctx = { clients: chain, from: d.owner };
  const deploy = (contractName: string, args: readonly unknown[] = []) =>
    deployContract({ clients: chain, artifacts, contractName, args, from: d.owner });
  const usdc = d.tokens.usdc.address as Address;
  const host = await deploy('HostileToken', ['Hostile', 'HOST']);
  const hostUni = await createPairV2(ctx, d.v2.uniswapFactory, usdc, host);
  const hostSushi = await createPairV2(ctx, d.v2.sushiFactory, usdc, host);
  const [usdcFirst] = [usdc.toLowerCase() < host.toLowerCase()];
  const amounts = (u: bigint, h: bigint) => (usdcFirst ? [u, h] : [h, u]) as [bigint, bigint];
  await addLiquidityV2(ctx, hostUni, ...amounts(1_000_000n * 10n ** 6n, 1_000_000n * 10n ** 18n));
  await addLiquidityV2(ctx, hostSushi, ...amounts(1_000_000n * 10n ** 6n, 1_000_000n * 10n ** 18n));
  const hostV3 = await deploy('HostileV3Pool', [usdc, host]);
  const evilV3 = await deploy('HostileV3Pool', [d.tokens.weth.address, usdc]);
  const silent = await deploy('SilentLender');
  const proxy = await deploy('OwnerProxy');
  const proxyArb = (await chain.publicClient.readContract({
    address: proxy,
    abi: artifactOf(artifacts, 'OwnerProxy').abi,
    functionName: 'flashArb',
  })) as Address;
  const extraErrors = artifactOf(artifacts, 'HostileToken').abi.filter((x) => x.type === 'error');
  return {
    chain,
    artifacts,
    d,
    abi: [...artifactOf(artifacts, 'FlashArb').abi, ...extraErrors],
    host,
    hostUni,
    hostSushi,
    hostV3,
    evilV3,
    silent,
    proxy,
    proxyArb,
  };
}

export const LENDER = { aave: 0, balancer: 1, v2: 2 } as const;

export function loan(kind: number, lender: Address, asset: Address, amount: bigint, v2FeeBps = 0): FlashArbLoan {
  return { kind, lender, asset, amount, v2FeeBps };
}

/** A hop from tokenIn to tokenOut (direction from the token order). */
export function hop(
  pool: Address,
  tokenIn: string,
  tokenOut: string,
  o: { isV3?: boolean; minOut?: bigint; feeBps?: number } = {},
): FlashArbHop {
  const isV3 = o.isV3 ?? false;
  return {
    pool,
    isV3,
    zeroForOne: tokenIn.toLowerCase() < tokenOut.toLowerCase(),
    feeBps: isV3 ? 0 : (o.feeBps ?? 30),
    sqrtPriceLimitX96: 0n,
    minOut: o.minOut ?? 0n,
  };
}

/** FlashArb calldata (for a hostile token to replay, or for OwnerProxy.forward). */
export function flashArbCalldata(rig: AttackRig, functionName: string, args: readonly unknown[]): Hex {
  return encodeFunctionData({ abi: rig.abi, functionName, args: args as never });
}

/** Arms the hostile token: its next transfer from `onlyFrom` calls `target` with `data`. */
export async function arm(rig: AttackRig, target: Address, data: Hex, onlyFrom: Address): Promise<void> {
  await writeAndMine({
    clients: rig.chain,
    address: rig.host,
    abi: artifactOf(rig.artifacts, 'HostileToken').abi,
    functionName: 'arm',
    args: [target, data, onlyFrom],
    from: rig.d.owner,
  });
}

/** eth_call of a function; returns the Solidity error name it reverts with ('Error' for a string), or 'succeeded'. */
export async function revertName(
  rig: AttackRig,
  o: { address?: Address; functionName: string; args: readonly unknown[]; from?: Address; abi?: Abi },
): Promise<string> {
  const abi = o.abi ?? rig.abi;
  try {
    await rig.chain.publicClient.simulateContract({
      address: o.address ?? rig.d.flashArb,
      abi,
      functionName: o.functionName,
      args: o.args as unknown[],
      account: o.from ?? rig.d.owner,
    });
    return 'succeeded';
  } catch (error) {
    const decoded = decodeRevert(error, abi);
    if (decoded instanceof ContractRevertError)
      return decoded.errorName === 'Error'
        ? `Error(${String(decoded.errorArgs?.[0])})`
        : (decoded.errorName ?? 'undecoded');
    return `not a revert: ${String(decoded).split('\n')[0]}`;
  }
}

export const usdcHostRoute = (rig: AttackRig, minOut = 0n): FlashArbHop[] => {
  const usdc = rig.d.tokens.usdc.address;
  return [hop(rig.hostUni, usdc, rig.host, { minOut }), hop(rig.hostSushi, rig.host, usdc)];
};

export const wethUsdcPair = (d: ProtocolsDeployment, venue: 'uniswap-v2' | 'sushi-v2' | 'flash-v2'): Address =>
  d.v2.pairs[`${venue}:${poolKey(d.tokens.weth, d.tokens.usdc)}`];
