/**
 * Seeded random calls to every FlashArb function from random senders, for the invariant fuzz test. Arguments mix
 * the real deployment's addresses (lenders, pools, tokens) with random ones, amounts over the whole uint256 range,
 * random routes (well-formed payloads half the time), random deadlines and coinbase shares; one call in eight is
 * raw random calldata behind a real or random selector; one in ten is a well-formed trade by the owner over the
 * real WETH/USDC pairs ('uniswap-v2' then 'sushi-v2') through a random real lender, random size and coinbase share,
 * which succeeds when the market still pays for it. The owner only sends trades (its withdraw moves funds by
 * design); strangers send everything.
 */
import {
  bytesToHex,
  encodeAbiParameters,
  encodeFunctionData,
  toFunctionSelector,
  toHex,
  type Abi,
  type AbiFunction,
  type Address,
  type Hex,
} from 'viem';
import type { Rng } from '../../core/random.ts';
import { logUniformBigint, pick } from '../propertyCases.ts';
import type { ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import type { FlashArbHop } from '../encodeRoute.ts';

export const FLASH_ARB_FUNCTIONS = [
  'execute',
  'executeWithDeadline',
  'executeOperation',
  'receiveFlashLoan',
  'uniswapV2Call',
  'uniswapV3SwapCallback',
  'withdraw',
  'owner',
  'raw',
  'route',
] as const;
export type FuzzFunction = (typeof FLASH_ARB_FUNCTIONS)[number];

export interface RandomCall {
  fn: FuzzFunction;
  from: Address;
  data: Hex;
}

export interface RandomCallContext {
  abi: Abi;
  d: ProtocolsDeployment;
  accounts: readonly Address[];
  blockNumber: bigint;
}

const randomAddress = (rng: Rng): Address => toHex(logUniformBigint(rng, 0, 160), { size: 20 });
const randomBytes = (rng: Rng, n: number): Hex => bytesToHex(Uint8Array.from({ length: n }, () => rng.int(256)));

function amount(rng: Rng): bigint {
  const r = rng.next();
  if (r < 0.05) return 0n;
  if (r < 0.1) return (1n << 256n) - 1n;
  return logUniformBigint(rng, 0, 255);
}

export function randomCall(rng: Rng, c: RandomCallContext): RandomCall {
  const { d } = c;
  const tokens = Object.values(d.tokens).map((t) => t.address as Address);
  const pools = [...Object.values(d.v2.pairs), ...Object.values(d.v3.pools)];
  const lenders = [d.aave.pool, d.balancer.vault, ...Object.values(d.v2.pairs), d.flashArb, d.owner];
  const anyAddress = (from: readonly Address[]) => (rng.next() < 0.85 ? pick(rng, from) : randomAddress(rng));
  const randomHop = (): FlashArbHop => ({
    pool: anyAddress(pools),
    isV3: rng.next() < 0.4,
    zeroForOne: rng.next() < 0.5,
    feeBps: rng.next() < 0.7 ? 30 : rng.int(12_000) % 65_536,
    sqrtPriceLimitX96: rng.next() < 0.8 ? 0n : logUniformBigint(rng, 0, 160),
    minOut: rng.next() < 0.7 ? 0n : amount(rng),
  });
  const hops = () => Array.from({ length: rng.int(5) }, randomHop);
  const loan = () => ({
    kind: rng.int(3),
    lender: anyAddress(lenders),
    asset: anyAddress(tokens),
    amount: amount(rng),
    v2FeeBps: rng.next() < 0.8 ? 30 : rng.int(65_536),
  });
  const minProfit = () => (rng.next() < 0.7 ? 0n : amount(rng));
  const execute = c.abi.find((x): x is AbiFunction => x.type === 'function' && x.name === 'execute')!;
  const payload = (): Hex =>
    rng.next() < 0.5
      ? encodeAbiParameters([execute.inputs[1], execute.inputs[2]], [hops(), minProfit()])
      : randomBytes(rng, rng.int(200));
  const stranger = () => pick(rng, c.accounts.slice(1));
  const fn = pick(rng, FLASH_ARB_FUNCTIONS);
  const from =
    fn === 'execute' || fn === 'executeWithDeadline' ? (rng.next() < 0.5 ? d.owner : stranger()) : stranger();
  const call = (functionName: string, args: readonly unknown[]): RandomCall => ({
    fn,
    from,
    data: encodeFunctionData({ abi: c.abi, functionName, args: args as never }),
  });
  switch (fn) {
    case 'route': {
      const { weth, usdc } = d.tokens;
      const [u, w] = [usdc.address as Address, weth.address as Address];
      const pair = (venue: string) => d.v2.pairs[`${venue}:WETH/USDC`];
      const kind = rng.int(3);
      const lender = [d.aave.pool, d.balancer.vault, pair('flash-v2')][kind];
      const size = logUniformBigint(rng, 27, 36); // ~130 to ~69,000 USDC
      const routeHops = [
        { pool: pair('uniswap-v2'), isV3: false, zeroForOne: u < w, feeBps: 30, sqrtPriceLimitX96: 0n, minOut: 0n },
        { pool: pair('sushi-v2'), isV3: false, zeroForOne: w < u, feeBps: 30, sqrtPriceLimitX96: 0n, minOut: 0n },
      ];
      const l = { kind, lender, asset: u, amount: size, v2FeeBps: kind === 2 ? 30 : 0 };
      return {
        fn,
        from: d.owner,
        data: encodeFunctionData({
          abi: c.abi,
          functionName: 'executeWithDeadline',
          args: [l, routeHops, 0n, c.blockNumber + 5n, rng.int(5_000)] as never,
        }),
      };
    }
    case 'execute':
      return call('execute', [loan(), hops(), minProfit()]);
    case 'executeWithDeadline':
      return call('executeWithDeadline', [
        loan(),
        hops(),
        minProfit(),
        c.blockNumber + BigInt(rng.int(7)) - 3n,
        rng.int(12_000),
      ]);
    case 'executeOperation':
      return call('executeOperation', [
        anyAddress(tokens),
        amount(rng),
        amount(rng) >> 1n,
        rng.next() < 0.5 ? d.flashArb : from,
        payload(),
      ]);
    case 'receiveFlashLoan': {
      const n = rng.next() < 0.8 ? 1 : rng.int(3);
      return call('receiveFlashLoan', [
        Array.from({ length: n }, () => anyAddress(tokens)),
        Array.from({ length: n }, () => amount(rng) >> 1n),
        Array.from({ length: n }, () => amount(rng) >> 2n),
        payload(),
      ]);
    }
    case 'uniswapV2Call':
      return call('uniswapV2Call', [
        rng.next() < 0.5 ? d.flashArb : from,
        amount(rng),
        rng.next() < 0.5 ? 0n : amount(rng),
        payload(),
      ]);
    case 'uniswapV3SwapCallback': {
      const delta = () => (rng.next() < 0.5 ? 1n : -1n) * (amount(rng) >> 1n);
      return call('uniswapV3SwapCallback', [delta(), delta(), payload()]);
    }
    case 'withdraw':
      return call('withdraw', [anyAddress(tokens), from, amount(rng)]);
    case 'owner':
      return call('owner', []);
    case 'raw': {
      const functions = c.abi.filter((x): x is AbiFunction => x.type === 'function');
      const selector = rng.next() < 0.5 ? toFunctionSelector(pick(rng, functions)) : randomBytes(rng, 4);
      return { fn, from, data: `${selector}${randomBytes(rng, rng.int(300)).slice(2)}` as Hex };
    }
  }
}
