import type { Address, Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Decider, DecisionResult } from '../../domain/decider.ts';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import { balanceOf, readReservesV2 } from '../../evm/fixtures.ts';
import { movePool } from '../testing/movePool.ts';
import { moveAndWait, startRunner, waitFor, waitIdle } from '../testing/runnerHarness.ts';
import { startLoopback, type Loopback } from '../testing/startLoopback.ts';
import { startFaultyRpcProxy, type RpcFault } from '../testing/faultyRpcProxy.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping live fork-runner tests: ARBML_DATA_DIR unset');

const WETH = 10n ** 18n;

/** The heuristic, except that when `oversizeNext` is set it executes the next opportunity at 4x the optimal size. */
class OversizingDecider implements Decider {
  readonly name = 'heuristic';
  oversizeNext = false;
  private readonly inner = new HeuristicDecider();
  decide(opp: Opportunity): DecisionResult {
    const d = this.inner.decide(opp);
    if (!this.oversizeNext) return d;
    this.oversizeNext = false;
    return { ...d, decision: 'execute', sizeFactor: 4, decidedBy: 'test-oversize' };
  }
}

describe.skipIf(!dataDir)('live runner in fork mode on the loopback rig (hardhat JSON-RPC + loopback Binance)', () => {
  let lb: Loopback;
  beforeAll(async () => {
    lb = await startLoopback({ dataDir: dataDir! });
  }, 60_000);
  afterAll(async () => lb?.close());

  it('22 pool moves: each edge detected in its move block, executed through FlashArb, logged with receipt data; a small edge is skipped; an oversized one fails its pre-send simulation', async () => {
    const decider = new OversizingDecider();
    const r = startRunner(lb, decider);
    const price = lb.klines[lb.exchange.currentIndex()]!.close;
    const owner = lb.chain.accounts[0]!;
    const usdc = lb.rig.usdc.address as Address;
    const before = await balanceOf(lb.rig.ctx, usdc, owner);
    for (let i = 0; i < 22; i++) {
      const pct = 3n + BigInt(i % 3); // 3-5% of the pair's WETH side, alternating direction
      const amount = i % 2 === 0 ? pct * 10n * WETH : pct * 10n * BigInt(Math.round(price)) * 10n ** 6n;
      const { block, row } = await moveAndWait(lb, r, i % 2 === 0 ? 'weth' : 'usdc', amount);
      expect(row.blockNumber).toBe(block);
      expect(row.decision).toBe('execute');
      expect(row.outcome).toBe('success');
      const receipt = await lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex });
      expect(receipt.status).toBe('success');
      expect(row.gasUsed).toBe(receipt.gasUsed);
      expect(receipt.blockNumber).toBe(block + 1n);
      expect(row.executedOutputRaw! > row.amountInRaw!).toBe(true);
      const gasEth = Number(receipt.gasUsed * receipt.effectiveGasPrice) / 1e18;
      expect(Number(row.profitEth)).toBeGreaterThan(0);
      expect(Number(row.cexPrice)).toBeCloseTo(price, 8);
      expect(Math.abs(row.edgeBps!)).toBeGreaterThan(100);
      // profit_eth = FlashArb's profit (USDC at the CEX mid) minus the receipt's gas at its effective price.
      const profitUsdc =
        row.executedOutputRaw! -
        row.amountInRaw! -
        BigInt((row.route as { flash_fee_raw?: string }).flash_fee_raw ?? '0');
      expect(Number(row.profitEth)).toBeCloseTo(Number(profitUsdc) / 1e6 / Number(row.cexPrice) - gasEth, 10);
    }
    // Every ArbExecuted profit reached the owner: the USDC balance rose by exactly the sum of the logged profits.
    const after = await balanceOf(lb.rig.ctx, usdc, owner);
    const successes = r.rows.filter((x) => x.outcome === 'success');
    expect(successes.length).toBeGreaterThanOrEqual(22);
    const paid = successes.reduce(
      (s, x) =>
        s +
        x.executedOutputRaw! -
        x.amountInRaw! -
        BigInt((x.route as { flash_fee_raw?: string }).flash_fee_raw ?? '0'),
      0n,
    );
    expect(after - before).toBe(paid);

    // A 1% move: the edge is real but too thin for the heuristic after its 50 bps slippage allowance.
    const [, wethReserve] = await readReservesV2(lb.rig.ctx, lb.rig.spec.pools[0]!.address as Address);
    const small = await moveAndWait(lb, r, 'weth', wethReserve / 100n);
    expect(small.row.decision).toBe('skip');
    expect(small.row.outcome).toBe('skipped');
    expect(small.row.executed).toBe(false);
    expect(small.row.txHash).toBeNull();
    expect(small.row.counterfactualProfitEth).not.toBeNull();

    // An unprofitable trade (4x the optimal size): the pre-send simulation at pending fails, nothing is sent.
    decider.oversizeNext = true;
    const nonceBefore = await lb.chain.publicClient.getTransactionCount({ address: owner, blockTag: 'pending' });
    const [u2, w2] = await readReservesV2(lb.rig.ctx, lb.rig.spec.pools[0]!.address as Address);
    const bad = await moveAndWait(lb, r, 'weth', (w2 * 4n) / 100n);
    const badRow = await waitFor('the oversized row', () => r.rows.find((x) => x.decidedBy === 'test-oversize'));
    expect(badRow.blockNumber).toBe(bad.block);
    expect(badRow.outcome).toBe('skipped');
    expect(badRow.executed).toBe(false);
    expect(badRow.txHash).toBeNull();
    expect((badRow.route as { skip_reason?: string }).skip_reason).toBe('simulation_failed');
    expect(await lb.chain.publicClient.getTransactionCount({ address: owner, blockTag: 'pending' })).toBe(
      nonceBefore + r.rows.filter((x) => x.executed && x.blockNumber! >= bad.block).length,
    );

    r.abort.abort();
    const result = await r.done;
    expect(result.sent).toBe(r.rows.filter((x) => x.executed).length);
    expect(result.outcomes.success).toBe(successes.length);
    expect(result.outcomes.reverted).toBeUndefined();
    expect(new Set(r.rows.map((x) => x.id)).size).toBe(r.rows.length);
    // gas_prices and pool_states rows: one per processed block, reserves equal to the chain's at that block.
    const last = r.poolRows.filter(
      (p) => p.blockNumber === bad.block && p.pool === lb.rig.spec.pools[0]!.address.toLowerCase(),
    )[0]!;
    expect([last.reserve0, last.reserve1]).toEqual([u2, w2 + (w2 * 4n) / 100n]);
    expect(r.gasRows.some((g) => g.blockNumber === small.block && g.source === 'rpc:eth_feeHistory')).toBe(true);
  }, 90_000);

  it('node restart and an exchange 429 mid-run: the runner backs off, resumes, and logs every edge once', async () => {
    const r = startRunner(lb);
    await waitIdle(lb, r);
    const pair = lb.rig.spec.pools[0]!.address as Address;
    const first = await moveAndWait(lb, r, 'weth', 40n * WETH);
    expect(first.row.outcome).toBe('success');

    // The node goes away; the pool moves meanwhile; the node comes back on the same port with the same chain.
    await lb.node.stop();
    const whileDown = await movePool({
      chain: lb.chain,
      rig: lb.rig,
      pair,
      token: 'usdc',
      amount: 40n * BigInt(Math.round(lb.klines[lb.exchange.currentIndex()]!.close)) * 10n ** 6n,
    });
    await new Promise((res) => setTimeout(res, 1_500));
    await lb.node.start();
    const afterRestart = await waitFor('row of the block mined while the node was down', () =>
      r.rows.find((x) => x.blockNumber === whileDown),
    );
    expect(afterRestart.outcome).toBe('success');
    await waitIdle(lb, r);

    // A 429 (Retry-After 1 s) on the price request, and the node cut while the runner waits it out, before its send.
    const tickerHits = lb.exchange.hits.get('/api/v3/ticker/bookTicker') ?? 0;
    lb.exchange.failNext(1, 429, 1);
    const third = movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: 40n * WETH });
    const block3 = await third;
    await new Promise((res) => setTimeout(res, 300));
    await lb.node.restart(1_200);
    const row3 = await waitFor('row after the 429 and the restart', () => r.rows.find((x) => x.blockNumber === block3));
    expect(row3.outcome).toBe('success');
    expect(lb.exchange.hits.get('/api/v3/ticker/bookTicker')! - tickerHits).toBeGreaterThanOrEqual(2);
    await waitIdle(lb, r);

    r.abort.abort();
    const result = await r.done;
    expect(result.rpcRetries).toBeGreaterThan(0);
    expect(r.logs.some((l) => /unreachable|retrying/.test(l))).toBe(true);
    expect(new Set(r.rows.map((x) => x.id)).size).toBe(r.rows.length);
    // Nothing lost: every transaction FlashArb received from the runner's account is in the log, once.
    const sentHashes = r.rows.filter((x) => x.txHash).map((x) => x.txHash);
    expect(new Set(sentHashes).size).toBe(sentHashes.length);
    expect(sentHashes.length).toBe(result.sent);
    for (const x of r.rows.filter((y) => y.executed)) expect(['success', 'reverted']).toContain(x.outcome);
  }, 60_000);

  it('RPC errors and timeouts (HTTP 503/429, JSON-RPC -32603, a hung response): retried with backoff, every edge logged once', async () => {
    const proxy = await startFaultyRpcProxy(lb.node.url);
    try {
      const r = startRunner(lb, new HeuristicDecider(), { rpcUrl: proxy.url, rpcTimeoutMs: 400 });
      await waitIdle(lb, r);
      const faults: [RpcFault, number][] = [
        [{ kind: 'status', status: 503 }, 3],
        [{ kind: 'rpc-error' }, 2],
        [{ kind: 'hang', ms: 1_200 }, 1],
        [{ kind: 'status', status: 429 }, 2],
        [{ kind: 'status', status: 502 }, 1],
        [{ kind: 'rpc-error' }, 4],
      ];
      const price = BigInt(Math.round(lb.klines[lb.exchange.currentIndex()]!.close));
      const blocks: bigint[] = [];
      for (const [i, [fault, count]] of faults.entries()) {
        proxy.inject(fault, count);
        const { block, row } = await moveAndWait(
          lb,
          r,
          i % 2 === 0 ? 'weth' : 'usdc',
          i % 2 === 0 ? 40n * WETH : 40n * price * 10n ** 6n,
        );
        expect(row.outcome).toBe('success');
        blocks.push(block);
      }
      r.abort.abort();
      const result = await r.done;
      expect(proxy.served).toBe(faults.reduce((s, [, n]) => s + n, 0));
      expect(result.rpcRetries).toBeGreaterThan(0);
      expect(new Set(r.rows.map((x) => x.id)).size).toBe(r.rows.length);
      for (const b of blocks) expect(r.rows.filter((x) => x.blockNumber === b)).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  }, 60_000);
});
