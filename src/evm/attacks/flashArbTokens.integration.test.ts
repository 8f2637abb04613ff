/**
 * FlashArb's token handling and new options on the real protocols: a USDT-style token (no return values, approve
 * only from 0) borrowed from the real Aave Pool and Balancer Vault pays exactly the predicted profit and leaves no
 * allowance; a fee-on-transfer token in the route never spends tokens FlashArb already held; an expired trade
 * costs under 40,000 gas; a coinbase share is taken from profit only.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseAbi, type Address, type Hex } from 'viem';
import { aaveV3Provider, balancerV2Provider } from '../../dex/flash/flashProvider.ts';
import { zeroForOneSelling } from '../../dex/pool.ts';
import { evaluateRoute } from '../../dex/routes/evaluateRoute.ts';
import { createRoute } from '../../dex/routes/route.ts';
import { compileContracts, type Artifacts } from '../compile.ts';
import { writeAndMine } from '../deploy.ts';
import { encodeRoute } from '../encodeRoute.ts';
import { executeFlashArb, simulateFlashArb } from '../executeFlashArb.ts';
import { startLocalChain, type LocalChain } from '../localChain.ts';
import { deployProtocols, poolKey, type ProtocolsDeployment } from '../protocols/deployProtocols.ts';
import { mintTo } from '../protocols/deployUniswap.ts';
import { readRealPoolV2, readRealPoolV3 } from '../protocols/readRealPools.ts';
import { balanceOf, realProviders, skewedRoute } from '../verify/realFlashLoans.ts';
import { hop, LENDER, loan } from './attackRig.ts';

const ERC20 = parseAbi(['function allowance(address, address) view returns (uint256)', 'function sync()']);

describe('FlashArb with awkward tokens, deadlines and coinbase payments (real protocols)', () => {
  let chain: LocalChain;
  let artifacts: Artifacts;
  let d: ProtocolsDeployment;
  let snap: Hex;

  beforeAll(async () => {
    chain = await startLocalChain();
    artifacts = compileContracts();
    d = await deployProtocols({ ctx: { clients: chain, from: chain.accounts[0] }, artifacts });
  }, 120_000);
  beforeEach(async () => {
    snap = await chain.snapshot();
  });
  afterEach(async () => {
    await chain.revert(snap);
  });

  const ctx = () => ({ clients: chain, from: d.owner });
  const sync = (pair: Address) =>
    writeAndMine({ clients: chain, address: pair, abi: ERC20, functionName: 'sync', from: d.owner });

  it('USDT-style token: V3 -> V2 route borrowed from real Aave and Balancer pays exactly the prediction, no allowance left', async () => {
    const { usdc, usdt } = d.tokens;
    const pairAddress = d.v2.pairs[`uniswap-v2:${poolKey(usdc, usdt)}`];
    await mintTo(ctx(), usdt.address as Address, pairAddress, 300_000n * 10n ** 6n); // USDT piles up: USDC dear there
    await sync(pairAddress);
    const [token0, token1] = usdc.address < usdt.address ? [usdc, usdt] : [usdt, usdc];
    const read = { clients: chain, artifacts, multicall: d.multicall, token0, token1 };
    const pair = await readRealPoolV2({ ...read, address: pairAddress, dex: 'uniswap-v2' });
    const { pool: v3 } = await readRealPoolV3({
      ...read,
      address: d.v3.pools[poolKey(usdc, usdt, 100)],
      dex: 'uniswap-v3',
    });
    const route = createRoute([
      { pool: v3, zeroForOne: zeroForOneSelling(v3, usdt) },
      { pool: pair, zeroForOne: zeroForOneSelling(pair, usdc) },
    ]);
    const aToken = d.aave.aTokens[usdt.address];
    const cases = [
      {
        provider: aaveV3Provider({ feeBps: 5, liquidity: { [usdt.address]: await balanceOf(chain, usdt, aToken) } }),
        lender: d.aave.pool,
      },
      {
        provider: balancerV2Provider({ liquidity: { [usdt.address]: await balanceOf(chain, usdt, d.balancer.vault) } }),
        lender: d.balancer.vault,
      },
    ];
    for (const { provider, lender } of cases) {
      const s = await chain.snapshot();
      const quote = evaluateRoute({ route, providers: [provider], baseFeeWei: 0n })!;
      const predicted = quote.grossProfit - quote.flashFee;
      expect(predicted, provider.kind).toBeGreaterThan(0n);
      const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider, lender });
      const args = { clients: chain, artifacts, flashArb: d.flashArb, encoded, minProfit: 1n };
      expect(await simulateFlashArb(args)).toBe(predicted);
      const before = await balanceOf(chain, usdt, d.owner);
      const run = await executeFlashArb(args);
      expect(run.status, provider.kind).toBe('success');
      expect((await balanceOf(chain, usdt, d.owner)) - before, provider.kind).toBe(predicted);
      expect(await balanceOf(chain, usdt, d.flashArb)).toBe(0n);
      expect(
        await chain.publicClient.readContract({
          address: usdt.address as Address,
          abi: ERC20,
          functionName: 'allowance',
          args: [d.flashArb, lender],
        }),
      ).toBe(0n);
      await chain.revert(s);
    }
  });

  it('a fee-on-transfer token in the route never spends what FlashArb already holds', async () => {
    const { weth, usdt, fot } = d.tokens;
    const sushi = d.v2.pairs[`sushi-v2:${poolKey(weth, usdt)}`];
    await mintTo(ctx(), usdt.address as Address, sushi, 1_500_000n * 10n ** 6n); // WETH dear in USDT on sushi
    await sync(sushi);
    await mintTo(ctx(), weth.address as Address, d.flashArb, 7n * 10n ** 18n);
    await mintTo(ctx(), fot.address as Address, d.flashArb, 1_000n * 10n ** 18n);
    const held = [await balanceOf(chain, weth, d.flashArb), await balanceOf(chain, fot, d.flashArb)];
    const hops = [
      hop(sushi, weth.address, usdt.address),
      hop(d.v2.pairs[`uniswap-v2:${poolKey(usdt, fot)}`], usdt.address, fot.address),
      hop(d.v2.pairs[`uniswap-v2:${poolKey(weth, fot)}`], fot.address, weth.address),
    ];
    const encoded = {
      loan: loan(LENDER.balancer, d.balancer.vault, weth.address as Address, 20n * 10n ** 18n),
      hops,
      quotedAmounts: [],
    };
    const before = await balanceOf(chain, weth, d.owner);
    const run = await executeFlashArb({ clients: chain, artifacts, flashArb: d.flashArb, encoded, minProfit: 1n });
    expect(run.status).toBe('success');
    expect(run.profit).toBeGreaterThan(0n);
    expect((await balanceOf(chain, weth, d.owner)) - before).toBe(run.profit);
    expect([await balanceOf(chain, weth, d.flashArb), await balanceOf(chain, fot, d.flashArb)]).toEqual(held);
  });

  it('an expired trade reverts with Expired for under 40,000 gas; a live deadline trades', async () => {
    const route = await skewedRoute({ chain, artifacts, d }, 200_000n * 10n ** 6n);
    const { provider, lender } = (await realProviders({ chain, artifacts, d }))['balancer-v2'];
    const quote = evaluateRoute({ route, providers: [provider], baseFeeWei: 0n, tokenPerNative: 3_000_000_000n })!;
    const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider, lender });
    const block = await chain.publicClient.getBlockNumber();
    const base = { clients: chain, artifacts, flashArb: d.flashArb, encoded, minProfit: 1n };
    const expired = await executeFlashArb({ ...base, deadline: block, gas: 1_000_000n }); // mined in block + 1
    expect(expired.status).toBe('reverted');
    expect(expired.receipt.gasUsed).toBeLessThan(40_000n);
    const live = await executeFlashArb({ ...base, deadline: block + 2n });
    expect(live.status).toBe('success');
    expect(live.profit).toBe(quote.grossProfit - quote.flashFee);
  });

  it('a coinbase share is paid from profit only: coinbase gets floor(profit * bps / 1e4), the owner the rest', async () => {
    const route = await skewedRoute({ chain, artifacts, d }, 200_000n * 10n ** 6n);
    const { provider, lender } = (await realProviders({ chain, artifacts, d }))['aave-v3'];
    const quote = evaluateRoute({ route, providers: [provider], baseFeeWei: 0n, tokenPerNative: 3_000_000_000n })!;
    const profit = quote.grossProfit - quote.flashFee;
    const share = (profit * 2_500n) / 10_000n;
    const encoded = encodeRoute({ route, amountIn: quote.amountIn, provider, lender });
    const coinbase = (await chain.publicClient.getBlock()).miner;
    const [ownerBefore, coinbaseBefore] = [
      await balanceOf(chain, d.tokens.usdc, d.owner),
      await balanceOf(chain, d.tokens.usdc, coinbase),
    ];
    const base = { clients: chain, artifacts, flashArb: d.flashArb, encoded, coinbaseBps: 2_500 };
    // minProfit applies to what the owner keeps.
    await expect(simulateFlashArb({ ...base, minProfit: profit - share + 1n })).rejects.toMatchObject({
      errorName: 'InsufficientProfit',
      errorArgs: [profit - share, profit - share + 1n],
    });
    const run = await executeFlashArb({ ...base, minProfit: profit - share });
    expect(run.status).toBe('success');
    expect([run.profit, run.coinbasePaid]).toEqual([profit - share, share]);
    expect((await balanceOf(chain, d.tokens.usdc, coinbase)) - coinbaseBefore).toBe(share);
    expect((await balanceOf(chain, d.tokens.usdc, d.owner)) - ownerBefore).toBe(profit - share);
    expect(await balanceOf(chain, d.tokens.usdc, d.flashArb)).toBe(0n);
  });
});
