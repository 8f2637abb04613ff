/**
 * What an adversary can try against FlashArb on the local market, for the security tests: calling each loan
 * callback directly, making a real lender call FlashArb back with a loan FlashArb did not start, and moving a
 * pool between our quote and our transaction (a front-run). Each attempt reports the Solidity error it hit.
 */
import { encodeAbiParameters, type Abi, type AbiFunction, type Address, type Hex } from 'viem';
import { InvariantError } from '../core/errors.ts';
import type { Route } from '../dex/routes/route.ts';
import { swapV2 } from '../dex/v2/swapV2.ts';
import { artifactOf } from './compile.ts';
import { ContractRevertError, decodeRevert, writeAndMine } from './deploy.ts';
import { mintToken, type FixtureContext } from './fixtures.ts';
import type { LocalMarket } from './localMarket.ts';

export interface AttackOptions {
  ctx: FixtureContext;
  market: LocalMarket;
  attacker: Address;
}

/** A well-formed FlashArb payload (one V2 hop, minProfit 0), to show that even valid data is refused. */
function routePayload(abi: Abi, pool: Address): Hex {
  const execute = abi.find((x): x is AbiFunction => x.type === 'function' && x.name === 'execute')!;
  const hop = { pool, isV3: false, zeroForOne: true, feeBps: 30, sqrtPriceLimitX96: 0n, minOut: 0n };
  return encodeAbiParameters([execute.inputs[1], execute.inputs[2]], [[hop], 0n]);
}

/** Runs each attempt as the attacker (eth_call) and returns attempt -> Solidity error name (or 'succeeded'). */
export async function attackCallbacks({ ctx, market: m, attacker }: AttackOptions): Promise<Record<string, string>> {
  const arb = artifactOf(ctx.artifacts, 'FlashArb').abi;
  const arbErrors = arb.filter((x) => x.type === 'error');
  const data = routePayload(arb, m.pairA);
  const usdc = m.usdc.address as Address;
  const attempt = async (
    address: Address,
    contract: string,
    functionName: string,
    args: readonly unknown[],
  ): Promise<string> => {
    const abi = [...artifactOf(ctx.artifacts, contract).abi, ...arbErrors];
    try {
      await ctx.clients.publicClient.simulateContract({
        address,
        abi,
        functionName,
        args: args as unknown[],
        account: attacker,
      });
      return 'succeeded';
    } catch (error) {
      const decoded = decodeRevert(error, abi);
      return decoded instanceof ContractRevertError ? (decoded.errorName ?? 'undecoded revert') : String(decoded);
    }
  };
  const pairAbiName = 'TestV2Pair';
  const pairToken0IsUsdc = usdc.toLowerCase() < (m.weth.address as string).toLowerCase();
  return {
    'executeOperation called directly': await attempt(m.flashArb, 'FlashArb', 'executeOperation', [
      usdc,
      10n ** 6n,
      500n,
      m.flashArb,
      data,
    ]),
    'executeOperation with attacker as initiator': await attempt(m.flashArb, 'FlashArb', 'executeOperation', [
      usdc,
      10n ** 6n,
      500n,
      attacker,
      data,
    ]),
    'receiveFlashLoan called directly': await attempt(m.flashArb, 'FlashArb', 'receiveFlashLoan', [
      [usdc],
      [10n ** 6n],
      [0n],
      data,
    ]),
    'uniswapV2Call called directly': await attempt(m.flashArb, 'FlashArb', 'uniswapV2Call', [
      m.flashArb,
      10n ** 6n,
      0n,
      data,
    ]),
    'uniswapV3SwapCallback called directly': await attempt(m.flashArb, 'FlashArb', 'uniswapV3SwapCallback', [
      10n ** 6n,
      0n,
      '0x',
    ]),
    'Aave lender loan started by the attacker': await attempt(m.aave, 'TestAaveLender', 'flashLoanSimple', [
      m.flashArb,
      usdc,
      10n ** 6n,
      data,
      0,
    ]),
    'Balancer vault loan started by the attacker': await attempt(m.balancer, 'TestBalancerVault', 'flashLoan', [
      m.flashArb,
      [usdc],
      [10n ** 6n],
      data,
    ]),
    'V2 flash swap started by the attacker': await attempt(m.flashPair, pairAbiName, 'swap', [
      pairToken0IsUsdc ? 10n ** 6n : 0n,
      pairToken0IsUsdc ? 0n : 10n ** 6n,
      m.flashArb,
      data,
    ]),
  };
}

export interface SandwichV2Options extends AttackOptions {
  /** Our route; its first hop must be a V2 pool, which the attacker trades in the same direction. */
  route: Route;
  frontRunIn: bigint;
  /** Our first hop's input, to predict what it will now yield. */
  ourIn: bigint;
}

/** Front-runs the route's first V2 hop on chain; returns what our first hop will now yield (TS-predicted). */
export async function sandwichV2({ ctx, route, frontRunIn, attacker, ourIn }: SandwichV2Options): Promise<bigint> {
  const { pool, zeroForOne } = route.hops[0];
  if (pool.kind !== 'v2') throw new InvariantError('sandwichV2 needs a V2 first hop');
  const moved = swapV2({ pool, zeroForOne, amountIn: frontRunIn });
  const tokenIn = (zeroForOne ? pool.token0 : pool.token1).address as Address;
  await mintToken(ctx, tokenIn, pool.address as Address, frontRunIn);
  const { abi } = artifactOf(ctx.artifacts, 'TestV2Pair');
  const [out0, out1] = zeroForOne ? [0n, moved.amountOut] : [moved.amountOut, 0n];
  await writeAndMine({
    clients: ctx.clients,
    address: pool.address as Address,
    abi,
    functionName: 'swap',
    args: [out0, out1, attacker, '0x'],
    from: attacker,
  });
  return swapV2({ pool: moved.pool, zeroForOne, amountIn: ourIn }).amountOut;
}
