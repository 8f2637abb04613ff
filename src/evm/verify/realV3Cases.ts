/**
 * V3 exactness against the real Uniswap V3 pool (npm bytecode): for each seeded random case (propertyCases'
 * randomCaseV3: every fee tier, random positions around a random price, exact in and exact out, with and
 * without price limits) RealPoolProbe creates the pool through the real factory in an eth_call, initialises it,
 * mints the positions and swaps; src/dex swapV3 on the same state must give the same amounts, price, tick,
 * liquidity and tokens received, or both must refuse.
 */
import type { Address } from 'viem';
import { createPoolV3 } from '../../dex/v3/poolV3.ts';
import { swapV3 } from '../../dex/v3/swapV3.ts';
import { MAX_SQRT_RATIO, MIN_SQRT_RATIO } from '../../dex/v3/tickMath.ts';
import { artifactOf, type Artifacts } from '../compile.ts';
import type { ChainClients } from '../deploy.ts';
import type { CaseV3 } from '../propertyCases.ts';

export interface SwapOutcomeV3 {
  amount0: bigint;
  amount1: bigint;
  sqrtPriceX96: bigint;
  tick: number;
  liquidity: bigint;
  received: bigint;
}

export type OutcomeV3 = SwapOutcomeV3 | 'reverted';

const TOKEN0 = { address: '0x0', symbol: 'T0', decimals: 18 };
const TOKEN1 = { address: '0x1', symbol: 'T1', decimals: 18 };

/** src/dex's answer, and how many initialised ticks the swap crossed. */
export function predictV3(c: CaseV3): { outcome: OutcomeV3; ticksCrossed: number } {
  try {
    const pool = createPoolV3({
      chain: 'ethereum',
      dex: 'uniswap-v3',
      address: '0xpool',
      token0: TOKEN0,
      token1: TOKEN1,
      feePips: c.feePips,
      tickSpacing: c.tickSpacing,
      sqrtPriceX96: c.sqrtPriceX96,
      tick: c.tick,
      liquidity: c.liquidity,
      ticks: c.ticks,
    });
    const r = swapV3({
      pool,
      zeroForOne: c.zeroForOne,
      amountSpecified: c.amountSpecified,
      sqrtPriceLimitX96: c.sqrtPriceLimitX96,
    });
    const out = c.zeroForOne ? r.amount1 : r.amount0;
    const outcome = {
      amount0: r.amount0,
      amount1: r.amount1,
      sqrtPriceX96: r.pool.sqrtPriceX96,
      tick: r.pool.tick,
      liquidity: r.pool.liquidity,
      received: out < 0n ? -out : 0n,
    };
    return { outcome, ticksCrossed: r.ticksCrossed };
  } catch {
    return { outcome: 'reverted', ticksCrossed: 0 };
  }
}

export interface RunProbeV3Options {
  clients: ChainClients;
  artifacts: Artifacts;
  probe: Address;
  factory: Address;
  /** Two open-mint test tokens with no pool yet in the factory (each eth_call creates it afresh). */
  tokenA: Address;
  tokenB: Address;
}

export async function runProbeV3(o: RunProbeV3Options, c: CaseV3): Promise<OutcomeV3> {
  const { abi } = artifactOf(o.artifacts, 'RealPoolProbe');
  const limit = c.sqrtPriceLimitX96 ?? (c.zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n);
  try {
    const r = (await o.clients.publicClient.readContract({
      address: o.probe,
      abi,
      functionName: 'probeV3',
      args: [
        o.factory,
        o.tokenA,
        o.tokenB,
        c.feePips,
        c.sqrtPriceX96,
        c.positions,
        c.zeroForOne,
        c.amountSpecified,
        limit,
      ],
    })) as SwapOutcomeV3;
    return {
      amount0: r.amount0,
      amount1: r.amount1,
      sqrtPriceX96: r.sqrtPriceX96,
      tick: Number(r.tick),
      liquidity: r.liquidity,
      received: r.received,
    };
  } catch {
    return 'reverted';
  }
}
