/**
 * Property test: the TypeScript V2 engine (src/dex/v2) against the deployed V2 pair on the in-process EVM, to the
 * wei, over 1,000 seeded random states and sizes. For each case SwapProbe (via eth_call, so nothing persists)
 * loads the reserves into an empty factory-made pair, asks it for the Solidity getAmountOut + 1 (the pair's K
 * check must refuse) and then getAmountOut (it must pay exactly that); reserves after the swap must match.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { createRng } from '../core/random.ts';
import { createPoolV2 } from '../dex/v2/poolV2.ts';
import { swapV2 } from '../dex/v2/swapV2.ts';
import { artifactOf, compileContracts, type Artifacts } from './compile.ts';
import { deployContract } from './deploy.ts';
import { createPairV2, deployToken, sortTokens } from './fixtures.ts';
import { startLocalChain, type LocalChain } from './localChain.ts';
import { randomCaseV2, V2_FEES, type CaseV2 } from './propertyCases.ts';

const CASES = 1000;
const TOKEN_A = { address: '0xa', symbol: 'A', decimals: 18 };
const TOKEN_B = { address: '0xb', symbol: 'B', decimals: 6 };

interface ProbeV2Result {
  amountOut: bigint;
  plusOneRejected: boolean;
  reserve0After: bigint;
  reserve1After: bigint;
}

type Outcome = { ok: true; amountOut: bigint; reserve0: bigint; reserve1: bigint } | { ok: false };

function tsOutcome(c: CaseV2): Outcome {
  try {
    const pool = createPoolV2({
      chain: 'ethereum',
      dex: 'test',
      address: '0xpair',
      token0: TOKEN_A,
      token1: TOKEN_B,
      reserve0: c.reserve0,
      reserve1: c.reserve1,
      feeBps: c.feeBps,
    });
    const { amountOut, pool: next } = swapV2({ pool, zeroForOne: c.zeroForOne, amountIn: c.amountIn });
    // The pair refuses to pay nothing (INSUFFICIENT_OUTPUT_AMOUNT).
    if (amountOut === 0n) return { ok: false };
    return { ok: true, amountOut, reserve0: next.reserve0, reserve1: next.reserve1 };
  } catch {
    return { ok: false };
  }
}

describe('V2: TypeScript engine equals the deployed pair', () => {
  let chain: LocalChain;
  let artifacts: Artifacts;
  let probe: Address;
  const pairs = new Map<number, Address>();

  beforeAll(async () => {
    artifacts = compileContracts();
    chain = await startLocalChain();
    const ctx = { clients: chain, artifacts };
    const [t0, t1] = sortTokens(await deployToken(ctx, 'A', 18), await deployToken(ctx, 'B', 6));
    const factory = await deployContract({ ...ctx, contractName: 'TestV2Factory' });
    for (const fee of V2_FEES) pairs.set(fee, await createPairV2(ctx, factory, t0, t1, fee));
    probe = await deployContract({ ...ctx, contractName: 'SwapProbe' });
  });

  async function evmOutcome(c: CaseV2): Promise<Outcome & { plusOneRejected?: boolean }> {
    const { abi } = artifactOf(artifacts, 'SwapProbe');
    try {
      const r = (await chain.publicClient.readContract({
        address: probe,
        abi,
        functionName: 'probeV2',
        args: [pairs.get(c.feeBps)!, c.reserve0, c.reserve1, c.zeroForOne, c.amountIn],
      })) as ProbeV2Result;
      return {
        ok: true,
        amountOut: r.amountOut,
        reserve0: r.reserve0After,
        reserve1: r.reserve1After,
        plusOneRejected: r.plusOneRejected,
      };
    } catch {
      return { ok: false };
    }
  }

  it(`matches to the wei on ${CASES} random states and sizes, and the pair refuses one wei more`, async () => {
    const rng = createRng(20240603);
    const cases = Array.from({ length: CASES }, () => randomCaseV2(rng));
    let swapped = 0;
    let refused = 0;
    for (let i = 0; i < cases.length; i += 50) {
      const batch = cases.slice(i, i + 50);
      const evm = await Promise.all(batch.map((c) => evmOutcome(c)));
      batch.forEach((c, j) => {
        const ts = tsOutcome(c);
        const label = `case ${i + j}: ${JSON.stringify(c, (_k, v) => (typeof v === 'bigint' ? v.toString() : v))}`;
        expect(evm[j].ok, label).toBe(ts.ok);
        if (ts.ok && evm[j].ok) {
          expect(evm[j], label).toEqual({ ...ts, plusOneRejected: true });
          swapped++;
        } else refused++;
      });
    }
    // The generator must mostly produce real swaps, not reverts on both sides.
    expect(swapped).toBeGreaterThan(CASES * 0.9);
    expect(swapped + refused).toBe(CASES);
  });
});
