import { describe, expect, it } from 'vitest';
import type { DecisionResult } from '../domain/decider.ts';
import type { BlockSnapshot } from '../market/blockSnapshot.ts';
import { poolPrice, swapToPrice } from '../market/pools/poolMath.ts';
import { advancePending, type Included } from './advancePending.ts';
import { buildOpportunity } from './buildOpportunity.ts';
import { detectOpportunities } from './detectOpportunities.ts';
import { defaultFlashProviders } from './flashProviders.ts';
import { simulatedLedgerRow as ledgerRow } from './simulatedLedgerRow.ts';
import { makePending } from './makePending.ts';
import { MarketMemory } from './marketMemory.ts';
import type { Resolution } from './pendingTx.ts';
import { edgeBlock, stubMarket } from './testing.ts';

const GWEI = 1_000_000_000n;
const detected = edgeBlock();
const prices = detected.pools.map(poolPrice);
const memory = new MarketMemory();
memory.observe(detected, prices);
const [edge] = detectOpportunities({
  block: detected,
  pools: detected.pools,
  poolPrices: prices,
  providers: defaultFlashProviders('polygon'),
  busy: new Set(),
});
const opp = buildOpportunity({
  id: 't:polygon:100:0',
  edge: edge!,
  block: detected,
  pools: detected.pools,
  poolPrices: prices,
  memory,
  blocksOpen: 0,
});
const execute: DecisionResult = { decision: 'execute', sizeFactor: 1, estimatedSlippageBps: 50, decidedBy: 'test' };
const skip: DecisionResult = { ...execute, decision: 'skip' };
const next = (over: Partial<BlockSnapshot> = {}): BlockSnapshot => ({
  ...detected,
  blockNumber: 101,
  timeMs: detected.timeMs + 2_000,
  ...over,
});
const leg = detected.pools[1]!;
const closedPools = detected.pools.map((p, i) => (i === 1 ? swapToPrice(p, 4_000 / 0.997)!.pool : p));

function resolve(
  decision: DecisionResult,
  block: BlockSnapshot,
  pools = detected.pools,
  latencyMs = 500,
): { res: Included | Resolution | null; tx: ReturnType<typeof makePending> } {
  const tx = makePending(opp, decision, latencyMs);
  return { tx, res: advancePending({ tx, block, market: stubMarket(pools), overlay: new Map() }) };
}
const rowOf = (r: ReturnType<typeof resolve>) =>
  ledgerRow(r.tx, 'resolution' in r.res! ? r.res.resolution : (r.res as Resolution));

describe('outcome taxonomy', () => {
  it('success: executed at inclusion as quoted, zero slippage, profit net of gas in ETH', () => {
    const row = rowOf(resolve(execute, next()));
    expect(row).toMatchObject({
      outcome: 'success',
      executed: true,
      profitable: true,
      actualSlippageBps: 0,
      counterfactualProfitEth: null,
    });
    const c = opp.routes[0]!;
    const gasEth = (Number(c.gasUsed * (detected.baseFeeWei + detected.priorityFeeWei)) / 1e18) * (2 / 4_000);
    expect(Number(row.profitEth)).toBeCloseTo(Number(c.grossProfit - c.flashFee) / 1e6 / 4_000 - gasEth, 9);
    expect(row.txHash).toMatch(/^0x[0-9a-f]{64}$/);
  });

  it('reverted: the pool closed by an unseen trade trips the guard; profit is minus the gas, slippage NULL', () => {
    const row = rowOf(resolve(execute, next(), closedPools));
    expect(row).toMatchObject({ outcome: 'reverted', executed: true, profitable: false, actualSlippageBps: null });
    expect(Number(row.profitEth)).toBeLessThan(0);
  });

  it('front_run: a searcher with a higher tip took the same pool pair in the inclusion block', () => {
    const other = opp.routes[0]!.route.hops.map((h) => h.pool.address).find((a) => a !== leg.address)!;
    const partnerIndex = detected.pools.findIndex((p) => p.address === other);
    const arb = {
      poolIndex: 1,
      poolAddress: leg.address,
      tipWei: 1_000n * GWEI,
      zeroForOne: false,
      amountIn: 1n,
      targetPrice: 4_000,
      openedAtBlock: 100,
      partnerIndex,
    };
    const row = rowOf(resolve(execute, next({ competitorArbs: [arb] }), closedPools));
    expect(row.outcome).toBe('front_run');
    expect(row.profitable).toBe(false);
    // the same trade on one pool only (a CEX-DEX arbitrage) is market motion: a plain revert
    const { partnerIndex: _, ...single } = arb;
    expect(rowOf(resolve(execute, next({ competitorArbs: [single] }), closedPools)).outcome).toBe('reverted');
  });

  it('withdrawn: our node saw a newer block showing the edge gone before the transaction was out; skipped, nothing sent', () => {
    const block = next({ pools: closedPools });
    const r = resolve(execute, block, closedPools, 3_000);
    expect(r.res).toEqual({ status: 'unsent', blockNumber: 101 });
    expect(rowOf(r)).toMatchObject({
      outcome: 'skipped',
      executed: false,
      profitEth: 0,
      txHash: null,
      counterfactualProfitEth: null,
    });
  });

  it('stale: sent, and the edge was gone before its inclusion block began; the revert costs its gas', () => {
    // arrives 2.0 s after detection: too late for block 101 (cutoff 300 ms) and too early to withdraw (the node
    // sees block 101 500 ms after its time), so it lands in block 102 on the pools block 101 left
    const tx = makePending(opp, execute, 2_000);
    const market = stubMarket(closedPools);
    expect(advancePending({ tx, block: next({ pools: closedPools }), market, overlay: new Map() })).toBeNull();
    const res = advancePending({
      tx,
      block: next({ blockNumber: 102, timeMs: detected.timeMs + 4_000, pools: closedPools }),
      market,
      overlay: new Map(),
    }) as Included;
    const row = ledgerRow(tx, res.resolution);
    expect(row).toMatchObject({ outcome: 'stale', executed: true, profitable: false, actualSlippageBps: null });
    expect(Number(row.profitEth)).toBeLessThan(0);
  });

  it('ethereum: a bundle that would revert is not included and costs nothing', () => {
    const r = resolve(execute, next({ chain: 'ethereum' }), closedPools);
    expect(r.res).toMatchObject({ status: 'not_included', blockNumber: 101, bundleRevert: 'HopOutputTooLow' });
    expect(rowOf(r)).toMatchObject({ outcome: 'not_included', executed: true, profitEth: 0 });
  });

  it('not_included: the base fee rose above the fee cap for every block it waited', () => {
    const tx = makePending(opp, execute, 100);
    let res: Included | Resolution | null = null;
    for (let k = 1; k <= 10 && res === null; k++) {
      res = advancePending({
        tx,
        block: next({ blockNumber: 100 + k, timeMs: detected.timeMs + 2_000 * k, baseFeeWei: 200n * GWEI }),
        market: stubMarket(detected.pools),
        overlay: new Map(),
      });
    }
    expect(res).toEqual({ status: 'not_included', blockNumber: 110 });
    expect(ledgerRow(tx, res as Resolution)).toMatchObject({
      outcome: 'not_included',
      executed: true,
      profitable: false,
      profitEth: 0,
    });
  });

  it('skipped: counterfactual = what executing at once at full size makes, on the same pools, without including it', () => {
    const market = stubMarket(detected.pools);
    const tx = makePending(opp, skip, 500);
    const res = advancePending({ tx, block: next(), market, overlay: new Map() }) as Included;
    const row = ledgerRow(tx, res.resolution);
    const executed = rowOf(resolve(execute, next()));
    expect(row).toMatchObject({
      outcome: 'skipped',
      executed: false,
      profitEth: 0,
      actualSlippageBps: null,
      executedOutputRaw: null,
    });
    expect(row.counterfactualProfitEth).toBe(executed.profitEth);
    expect(market.included).toHaveLength(0);
  });
});
