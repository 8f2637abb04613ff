/**
 * The real-pool reader on the real protocols: V2 reserves equal the pair's getReserves; a V3 pool's state read
 * through slot0 / liquidity / tickBitmap / ticks holds exactly the ticks its positions made (inside the words read),
 * and swaps quoted by src/dex on the state read equal what the real pool does (eth_call), in both directions,
 * exact in and out, from dust to trades that move the price through the concentrated range's edge.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Address } from 'viem';
import { swapV3 } from '../../dex/v3/swapV3.ts';
import { MAX_SQRT_RATIO, MIN_SQRT_RATIO } from '../../dex/v3/tickMath.ts';
import type { Token } from '../../dex/types.ts';
import { artifactOf, compileContracts, type Artifacts } from '../compile.ts';
import { deployContract } from '../deploy.ts';
import { startLocalChain, type LocalChain } from '../localChain.ts';
import { deployProtocols, poolKey, type ProtocolsDeployment } from './deployProtocols.ts';
import { readProtocol } from './deployArtifact.ts';
import { readRealPoolV2, readRealPoolV3 } from './readRealPools.ts';
import { TICK_SPACING } from './seedPoolV3.ts';

describe('readRealPools on the real Uniswap V2 / V3 bytecode', () => {
  let chain: LocalChain;
  let artifacts: Artifacts;
  let d: ProtocolsDeployment;
  let probe: Address;

  beforeAll(async () => {
    chain = await startLocalChain();
    artifacts = compileContracts();
    d = await deployProtocols({ ctx: { clients: chain, from: chain.accounts[0] }, artifacts });
    probe = await deployContract({ clients: chain, artifacts, contractName: 'RealPoolProbe' });
  }, 120_000);

  const order = (a: Token, b: Token) => (a.address < b.address ? [a, b] : [b, a]) as [Token, Token];

  it('V2: reserves equal getReserves', async () => {
    const { weth, usdc } = d.tokens;
    const address = d.v2.pairs[`uniswap-v2:${poolKey(weth, usdc)}`];
    const [token0, token1] = order(weth, usdc);
    const pool = await readRealPoolV2({
      clients: chain,
      artifacts,
      multicall: d.multicall,
      address,
      token0,
      token1,
      dex: 'uniswap-v2',
    });
    const [r0, r1] = await readProtocol<readonly [bigint, bigint, number]>(
      { clients: chain, from: d.owner },
      'UniswapV2Pair',
      address,
      'getReserves',
    );
    expect([pool.reserve0, pool.reserve1, pool.feeBps]).toEqual([r0, r1, 30]);
    expect(r0 * r1).toBeGreaterThan(0n);
  });

  it("V3: the ticks read are the positions' ticks, and src/dex swaps on the state read equal the real pool", async () => {
    const { weth, usdc, dai, usdt } = d.tokens;
    const pools: [Token, Token, number][] = [
      [weth, usdc, 500],
      [weth, usdc, 3000],
      [weth, usdc, 10000],
      [usdc, dai, 100],
      [usdc, usdt, 100],
    ];
    const { abi } = artifactOf(artifacts, 'RealPoolProbe');
    let compared = 0;
    let crossed = 0;
    for (const [a, b, fee] of pools) {
      const [token0, token1] = order(a, b);
      const address = d.v3.pools[poolKey(a, b, fee)];
      const { pool, coveredTicks } = await readRealPoolV3({
        clients: chain,
        artifacts,
        multicall: d.multicall,
        address,
        token0,
        token1,
        dex: 'uniswap-v3',
        words: 3,
      });
      const s = TICK_SPACING[fee];
      // seedPoolV3: a concentrated position of +-100 spacings around the price (inside the words read), so its two
      // ticks are there with +L and -L; the full-range ticks lie far outside.
      expect(pool.tickSpacing).toBe(s);
      expect(pool.ticks).toHaveLength(2);
      expect(pool.ticks[0].liquidityNet).toBe(-pool.ticks[1].liquidityNet);
      expect(pool.ticks[1].index - pool.ticks[0].index).toBe(200 * s);
      expect(coveredTicks[0]).toBeLessThan(pool.ticks[0].index);
      for (const zeroForOne of [true, false]) {
        // Exact in, doubling from dust until the price would leave the words read (the last sizes cross the
        // concentrated range's edge); exact out of the same small sizes.
        const sizes = Array.from({ length: 80 }, (_, k) => 10n ** 6n * 2n ** BigInt(k));
        for (const amountSpecified of [...sizes, ...sizes.slice(0, 8).map((x) => -x)]) {
          const limit = zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n;
          let ts: ReturnType<typeof swapV3>;
          try {
            ts = swapV3({ pool, zeroForOne, amountSpecified });
          } catch {
            continue; // more output than the pool holds
          }
          const newTick = ts.pool.tick;
          if (newTick < coveredTicks[0] || newTick > coveredTicks[1]) continue; // beyond what was read
          const [amount0, amount1] = (await chain.publicClient.readContract({
            address: probe,
            abi,
            functionName: 'swapV3',
            args: [address, zeroForOne, amountSpecified, limit],
          })) as readonly [bigint, bigint];
          expect([amount0, amount1], `${poolKey(a, b, fee)} ${zeroForOne} ${amountSpecified}`).toEqual([
            ts.amount0,
            ts.amount1,
          ]);
          compared++;
          if (ts.ticksCrossed > 0) crossed++;
        }
      }
    }
    expect(compared).toBeGreaterThanOrEqual(30);
    // `cover` widens the read until the largest trade stays inside: a trade far past the concentrated range.
    const { weth: w, usdc: u } = d.tokens;
    const [t0, t1] = order(w, u);
    const address = d.v3.pools[poolKey(w, u, 500)];
    const read = (words: number, cover?: { amount0In: bigint; amount1In: bigint }) =>
      readRealPoolV3({
        clients: chain,
        artifacts,
        multicall: d.multicall,
        address,
        token0: t0,
        token1: t1,
        dex: 'uniswap-v3',
        words,
        cover,
      });
    const narrow = await read(1);
    // Trades that leave the narrow read (found on a wide one by doubling).
    const reference = (await read(16)).pool;
    const beyond = (zeroForOne: boolean) => {
      for (let amount = 10n ** 6n; ; amount *= 2n) {
        const { tick } = swapV3({ pool: reference, zeroForOne, amountSpecified: amount }).pool;
        if (tick < narrow.coveredTicks[0] || tick > narrow.coveredTicks[1]) return amount;
      }
    };
    const cover = { amount0In: beyond(true), amount1In: beyond(false) };
    const wide = await read(1, cover);
    expect(wide.coveredTicks[1] - wide.coveredTicks[0]).toBeGreaterThan(
      narrow.coveredTicks[1] - narrow.coveredTicks[0],
    );
    for (const [zeroForOne, amount] of [
      [true, cover.amount0In],
      [false, cover.amount1In],
    ] as const) {
      const ts = swapV3({ pool: wide.pool, zeroForOne, amountSpecified: amount });
      expect(ts.ticksCrossed).toBeGreaterThanOrEqual(1);
      expect(ts.pool.tick).toBeGreaterThanOrEqual(wide.coveredTicks[0]);
      expect(ts.pool.tick).toBeLessThanOrEqual(wide.coveredTicks[1]);
      const limit = zeroForOne ? MIN_SQRT_RATIO + 1n : MAX_SQRT_RATIO - 1n;
      const real = (await chain.publicClient.readContract({
        address: probe,
        abi,
        functionName: 'swapV3',
        args: [address, zeroForOne, amount, limit],
      })) as readonly [bigint, bigint];
      expect([real[0], real[1]]).toEqual([ts.amount0, ts.amount1]);
    }
    expect(crossed).toBeGreaterThanOrEqual(10);
    process.stderr.write(
      `readRealPools: ${compared} swaps compared, ${crossed} crossing the concentrated range's edge\n`,
    );
  });
});
