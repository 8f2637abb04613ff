/**
 * V2 exactness against the real Uniswap V2 pair (npm bytecode, fee 0.3%): seeded random states (reserves over
 * many orders of magnitude), half exact-input and half exact-output trades. For a trade (amountIn, amountOut)
 * RealPoolProbe (eth_call, nothing persists) loads the reserves into an empty real pair and asks it for
 * amountOut + 1 and then amountOut. src/dex predicts every part of the answer: whether the pair accepts each
 * (its K check is equivalent to amountOut <= getAmountOutV2(amountIn)), what is received and the reserves after.
 * Exact output also asks for amountOut with one wei less input than getAmountInV2 says.
 */
import type { Address } from 'viem';
import type { Rng } from '../../core/random.ts';
import { getAmountInV2 } from '../../dex/v2/getAmountInV2.ts';
import { getAmountOutV2 } from '../../dex/v2/getAmountOutV2.ts';
import { MAX_UINT112 } from '../../dex/v2/poolV2.ts';
import { artifactOf, type Artifacts } from '../compile.ts';
import type { ChainClients } from '../deploy.ts';
import { logUniformBigint } from '../propertyCases.ts';

export const UNISWAP_V2_FEE_BPS = 30;

export interface RealCaseV2 {
  reserve0: bigint;
  reserve1: bigint;
  zeroForOne: boolean;
  exactIn: boolean;
  /** Input (exactIn) or output amount. */
  amount: bigint;
}

export interface ProbeV2 {
  accepted: boolean;
  plusOneRejected: boolean;
  received: bigint;
  reserve0After: bigint;
  reserve1After: bigint;
}

export function randomRealCaseV2(rng: Rng): RealCaseV2 {
  const reserve0 = logUniformBigint(rng, 10, 100);
  const reserve1 = logUniformBigint(rng, 10, 100);
  const zeroForOne = rng.next() < 0.5;
  const exactIn = rng.next() < 0.5;
  const [reserveIn, reserveOut] = zeroForOne ? [reserve0, reserve1] : [reserve1, reserve0];
  const log2 = (x: bigint) => Math.log2(Number(x));
  // Exact in: dust to 8x the reserve. Exact out: dust to just under the whole reserve.
  const amount = exactIn
    ? logUniformBigint(rng, Math.max(0, log2(reserveIn) - 40), log2(reserveIn) + 3) + 1n
    : (logUniformBigint(rng, Math.max(0, log2(reserveOut) - 40), log2(reserveOut)) % (reserveOut - 1n)) + 1n;
  return { reserve0, reserve1, zeroForOne, exactIn, amount };
}

/** What src/dex says the real pair answers to the probe for (amountIn, amountOut). */
export function predictProbeV2(c: RealCaseV2, amountIn: bigint, amountOut: bigint): ProbeV2 {
  const [reserveIn, reserveOut] = c.zeroForOne ? [c.reserve0, c.reserve1] : [c.reserve1, c.reserve0];
  const fits = reserveIn + amountIn <= MAX_UINT112;
  const quoted = amountIn > 0n ? getAmountOutV2({ amountIn, reserveIn, reserveOut, feeBps: UNISWAP_V2_FEE_BPS }) : 0n;
  const accepts = (out: bigint) => fits && amountIn > 0n && out > 0n && out < reserveOut && quoted >= out;
  const none = {
    accepted: false,
    plusOneRejected: !accepts(amountOut + 1n),
    received: 0n,
    reserve0After: 0n,
    reserve1After: 0n,
  };
  if (!none.plusOneRejected || !accepts(amountOut)) return none;
  const [inAfter, outAfter] = [reserveIn + amountIn, reserveOut - amountOut];
  const [reserve0After, reserve1After] = c.zeroForOne ? [inAfter, outAfter] : [outAfter, inAfter];
  return { accepted: true, plusOneRejected: true, received: amountOut, reserve0After, reserve1After };
}

/** The probes a case runs: exact in -> (in, getAmountOut); exact out -> (getAmountIn, out) and (getAmountIn - 1, out). */
export function probesOf(c: RealCaseV2): [bigint, bigint][] {
  const [reserveIn, reserveOut] = c.zeroForOne ? [c.reserve0, c.reserve1] : [c.reserve1, c.reserve0];
  if (c.exactIn)
    return [[c.amount, getAmountOutV2({ amountIn: c.amount, reserveIn, reserveOut, feeBps: UNISWAP_V2_FEE_BPS })]];
  const amountIn = getAmountInV2({ amountOut: c.amount, reserveIn, reserveOut, feeBps: UNISWAP_V2_FEE_BPS });
  return [
    [amountIn, c.amount],
    [amountIn - 1n, c.amount],
  ];
}

export interface RunProbeV2Options {
  clients: ChainClients;
  artifacts: Artifacts;
  probe: Address;
  /** An empty real pair of two open-mint test tokens. */
  pair: Address;
}

export async function runProbeV2(
  o: RunProbeV2Options,
  c: RealCaseV2,
  amountIn: bigint,
  amountOut: bigint,
): Promise<ProbeV2> {
  const { abi } = artifactOf(o.artifacts, 'RealPoolProbe');
  const r = (await o.clients.publicClient.readContract({
    address: o.probe,
    abi,
    functionName: 'probeV2',
    args: [o.pair, c.reserve0, c.reserve1, c.zeroForOne, amountIn, amountOut],
  })) as ProbeV2;
  return {
    accepted: r.accepted,
    plusOneRejected: r.plusOneRejected,
    received: r.received,
    reserve0After: r.reserve0After,
    reserve1After: r.reserve1After,
  };
}
