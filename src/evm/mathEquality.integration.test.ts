/**
 * Function-level equality of the TS engine and the Solidity libraries (through MathProbe, eth_call): TickMath
 * both ways, SqrtPriceMath's next-price and delta functions, SwapMath.computeSwapStep and V2 getAmountIn, each on
 * 1,000 seeded random inputs. A pool-level mismatch in the other tests can be traced to one function here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Abi, Address } from 'viem';
import { createRng, type Rng } from '../core/random.ts';
import { getAmountInV2 } from '../dex/v2/getAmountInV2.ts';
import {
  getAmount0Delta,
  getAmount1Delta,
  getNextSqrtPriceFromInput,
  getNextSqrtPriceFromOutput,
} from '../dex/v3/sqrtPriceMath.ts';
import { computeSwapStep } from '../dex/v3/swapMath.ts';
import {
  getSqrtRatioAtTick,
  getTickAtSqrtRatio,
  MAX_SQRT_RATIO,
  MAX_TICK,
  MIN_SQRT_RATIO,
  MIN_TICK,
} from '../dex/v3/tickMath.ts';
import { artifactOf, compileContracts } from './compile.ts';
import { deployContract } from './deploy.ts';
import { startLocalChain, type LocalChain } from './localChain.ts';
import { logUniformBigint, pick } from './propertyCases.ts';

const N = 1000;

/** A sqrt price spread log-uniformly over the whole valid range. */
const randomSqrtPrice = (rng: Rng): bigint => {
  const p = logUniformBigint(rng, 32, 160);
  return p < MIN_SQRT_RATIO ? MIN_SQRT_RATIO : p >= MAX_SQRT_RATIO ? MAX_SQRT_RATIO - 1n : p;
};

describe('math libraries: TypeScript equals Solidity function by function', () => {
  let chain: LocalChain;
  let probe: Address;
  let abi: Abi;

  beforeAll(async () => {
    const artifacts = compileContracts();
    chain = await startLocalChain();
    probe = await deployContract({ clients: chain, artifacts, contractName: 'MathProbe' });
    abi = artifactOf(artifacts, 'MathProbe').abi;
  });

  /** The probe's result, or 'reverted'; the TS result, or 'reverted' when it throws. */
  const sol = async (functionName: string, args: readonly unknown[]): Promise<unknown> => {
    try {
      return await chain.publicClient.readContract({ address: probe, abi, functionName, args: args as unknown[] });
    } catch {
      return 'reverted';
    }
  };
  const ts = (f: () => unknown): unknown => {
    try {
      return f();
    } catch {
      return 'reverted';
    }
  };

  // getTickAtSqrtRatio is a full-range binary search in Solidity (~60k gas each): 300 prices keep this quick; the
  // pool tests exercise its bounded form on every swap.
  it(`TickMath on ${N} ticks and 300 prices`, async () => {
    const rng = createRng(1);
    const ticks = Array.from({ length: N }, () => MIN_TICK + rng.int(MAX_TICK - MIN_TICK + 1));
    const prices = Array.from({ length: 300 }, () => randomSqrtPrice(rng));
    // Exact tick boundaries and the range ends are where rounding bites.
    ticks.push(MIN_TICK, MAX_TICK, 0, -1, 1);
    prices.push(MIN_SQRT_RATIO, MAX_SQRT_RATIO - 1n, getSqrtRatioAtTick(1234), getSqrtRatioAtTick(1234) - 1n);
    const [ratios, tickOf] = (await sol('tickMathBatch', [ticks, prices])) as [readonly bigint[], readonly number[]];
    expect(ratios).toEqual(ticks.map(getSqrtRatioAtTick));
    expect(tickOf.map(Number)).toEqual(prices.map(getTickAtSqrtRatio));
  });

  it(`SqrtPriceMath on ${N} random inputs per function`, async () => {
    const rng = createRng(2);
    for (let i = 0; i < N; i++) {
      const p = randomSqrtPrice(rng);
      const q = randomSqrtPrice(rng);
      const liquidity = logUniformBigint(rng, 0, 128);
      const amount = logUniformBigint(rng, 0, rng.next() < 0.9 ? 130 : 256);
      const zeroForOne = rng.next() < 0.5;
      const roundUp = rng.next() < 0.5;
      const cases: [string, readonly unknown[], () => unknown][] = [
        [
          'getNextSqrtPriceFromInput',
          [p, liquidity, amount, zeroForOne],
          () => getNextSqrtPriceFromInput(p, liquidity, amount, zeroForOne),
        ],
        [
          'getNextSqrtPriceFromOutput',
          [p, liquidity, amount, zeroForOne],
          () => getNextSqrtPriceFromOutput(p, liquidity, amount, zeroForOne),
        ],
        ['getAmount0Delta', [p, q, liquidity, roundUp], () => getAmount0Delta(p, q, liquidity, roundUp)],
        ['getAmount1Delta', [p, q, liquidity, roundUp], () => getAmount1Delta(p, q, liquidity, roundUp)],
      ];
      const results = await Promise.all(cases.map(([name, args]) => sol(name, args)));
      cases.forEach(([name, args, f], j) => expect(results[j], `${name}(${args.join(', ')})`).toEqual(ts(f)));
    }
  });

  it(`computeSwapStep on ${N} random steps and V2 getAmountIn on ${N} random trades`, async () => {
    const rng = createRng(3);
    for (let i = 0; i < N; i++) {
      const current = randomSqrtPrice(rng);
      const target = rng.next() < 0.5 ? randomSqrtPrice(rng) : (current * BigInt(9_000 + rng.int(2_001))) / 10_000n;
      const liquidity = logUniformBigint(rng, 0, 128);
      const magnitude = logUniformBigint(rng, 0, 200);
      const remaining = rng.next() < 0.6 ? magnitude : -magnitude;
      const fee = pick(rng, [0, 100, 500, 3000, 10000, 999_999]);
      const args = [current, target, liquidity, remaining, fee] as const;
      const step = await sol('computeSwapStep', args);
      expect(step, `computeSwapStep(${args.join(', ')})`).toEqual(ts(() => computeSwapStep(...args)));

      const reserveIn = logUniformBigint(rng, 10, 112);
      const reserveOut = logUniformBigint(rng, 10, 112);
      const amountOut = (reserveOut * BigInt(rng.int(1_000_001))) / 1_000_000n;
      const feeBps = pick(rng, [0, 5, 30, 100, 9999]);
      const v2 = [amountOut, reserveIn, reserveOut, feeBps] as const;
      expect(await sol('getAmountInV2', v2), `getAmountInV2(${v2.join(', ')})`).toEqual(
        ts(() => getAmountInV2({ amountOut, reserveIn, reserveOut, feeBps })),
      );
    }
  });
});
