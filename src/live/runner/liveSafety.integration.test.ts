/**
 * Send safety of the live runner on the loopback rig: the pre-send simulation at `pending` (a pool moved after
 * detection is never traded), and the circuit breaker (consecutive reverts, gas budget) against a front-runner that
 * takes every edge the moment our transaction reaches the node.
 */
import { parseEther, type Address, type Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../../decide/heuristicDecider.ts';
import type { Decider, DecisionResult } from '../../domain/decider.ts';
import type { Opportunity } from '../../domain/opportunity.ts';
import { readReservesV2 } from '../../evm/fixtures.ts';
import { createRunnerMetrics } from '../../monitor/metrics.ts';
import { startFaultyRpcProxy, type FaultyRpcProxy } from '../testing/faultyRpcProxy.ts';
import { movePool } from '../testing/movePool.ts';
import { startRunner, waitFor, waitIdle, type Runner } from '../testing/runnerHarness.ts';
import { startLoopback, type Loopback } from '../testing/startLoopback.ts';
import { liveLimitsSchema } from './liveLimits.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping live safety tests: ARBML_DATA_DIR unset');

/** Executes every opportunity the heuristic sees, profitable or not. */
class AlwaysExecute implements Decider {
  readonly name = 'always-execute';
  private readonly inner = new HeuristicDecider();
  decide(opp: Opportunity): DecisionResult {
    return { ...this.inner.decide(opp), decision: 'execute', decidedBy: 'always-execute' };
  }
}

describe.skipIf(!dataDir)('live runner send safety (loopback rig)', () => {
  let lb: Loopback;
  let pair: Address;
  let owner: Address;
  const nonce = (): Promise<number> =>
    lb.chain.publicClient.getTransactionCount({ address: owner, blockTag: 'pending' });

  /** Pushes pair A's price 4% off (WETH in), returning a function that puts it back to the price before. */
  async function moveA(): Promise<{ block: bigint; restore: () => Promise<void> }> {
    const [u0, w0] = await readReservesV2(lb.rig.ctx, pair);
    const added = (w0 * 4n) / 100n;
    const block = await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: added });
    // USDC in proportion: (u0 + du) / (w0 + added) = u0 / w0.
    const restore = async (): Promise<void> =>
      void (await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'usdc', amount: (added * u0) / w0 }));
    return { block, restore };
  }

  beforeAll(async () => {
    lb = await startLoopback({ dataDir: dataDir! });
    pair = lb.rig.spec.pools[0]!.address as Address;
    owner = lb.chain.accounts[0]!;
  }, 60_000);
  afterAll(async () => lb?.close());

  it('a pool moved after detection: the pre-send simulation at pending fails, nothing is sent, the row says simulation_failed', async () => {
    let armed: (() => Promise<void>) | undefined;
    const r = startRunner(lb, new HeuristicDecider(), {
      // After the block's reads and before its decisions: someone else moves the pool back.
      onBlock: async () => {
        const restore = armed;
        armed = undefined;
        await restore?.();
      },
    });
    try {
      await waitIdle(lb, r);
      const before = await nonce();
      const [u0, w0] = await readReservesV2(lb.rig.ctx, pair);
      const added = (w0 * 4n) / 100n;
      armed = async () =>
        void (await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'usdc', amount: (added * u0) / w0 }));
      const block = await movePool({ chain: lb.chain, rig: lb.rig, pair, token: 'weth', amount: added });
      const row = await waitFor('row of the moved block', () => r.rows.find((x) => x.blockNumber === block));
      await waitIdle(lb, r);
      expect(row.decision).toBe('execute');
      expect(row.outcome).toBe('skipped');
      expect(row.executed).toBe(false);
      expect(row.txHash).toBeNull();
      expect((row.route as { skip_reason?: string }).skip_reason).toBe('simulation_failed');
      expect(await nonce()).toBe(before);
      expect(r.rows.filter((x) => x.executed)).toHaveLength(0);
    } finally {
      r.abort.abort();
      await r.done;
    }
  }, 60_000);

  describe('circuit breaker against a front-runner', () => {
    let proxy: FaultyRpcProxy;
    let frontRun: (() => Promise<void>) | undefined;
    beforeAll(async () => {
      proxy = await startFaultyRpcProxy(lb.node.url);
      // Our transaction reaches the node's mempool only after someone else closed the edge.
      proxy.hook('eth_sendRawTransaction', {
        before: async () => {
          const f = frontRun;
          frontRun = undefined;
          await f?.();
        },
      });
    });
    afterAll(async () => proxy?.close());

    /** Moves pair A with the front-runner armed; resolves with the row of the move block once the runner is idle. */
    async function frontRunMove(r: Runner) {
      const { block, restore } = await moveA();
      frontRun = restore;
      const row = await waitFor(`row of block ${block}`, () => r.rows.find((x) => x.blockNumber === block));
      await waitIdle(lb, r);
      if (frontRun) {
        frontRun = undefined; // not sent: put the pool back ourselves
        await restore();
        await waitIdle(lb, r);
      }
      return row;
    }

    it('stops sending after K consecutive reverts: metric set, later decisions logged as paper, nonce frozen', async () => {
      const metrics = createRunnerMetrics();
      const limits = liveLimitsSchema.parse({ maxConsecutiveReverts: 2 });
      const r = startRunner(lb, new AlwaysExecute(), { rpcUrl: proxy.url, limits, metrics });
      try {
        await waitIdle(lb, r);
        const first = await frontRunMove(r);
        const second = await frontRunMove(r);
        for (const row of [first, second]) {
          expect(row.outcome).toBe('reverted');
          const receipt = await lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex });
          expect(receipt.status).toBe('reverted');
          expect(row.gasUsed).toBe(receipt.gasUsed);
          expect(Number(row.profitEth)).toBeLessThan(0);
        }
        expect(r.logs.filter((l) => l.startsWith('circuit breaker:'))).toEqual([
          expect.stringMatching(/^circuit breaker: consecutive_reverts limit breached \(2 trades in a row reverted\)/),
        ]);
        const frozen = await nonce();
        const third = await frontRunMove(r);
        expect(third.decision).toBe('execute');
        expect(third.executed).toBe(false);
        expect(third.outcome).toBe('skipped');
        expect((third.route as { skip_reason?: string }).skip_reason).toBe('circuit_breaker');
        expect(third.counterfactualProfitEth).not.toBeNull();
        expect(await nonce()).toBe(frozen);
        expect(await metrics.registry.getSingleMetricAsString('arbml_live_circuit_breaker_tripped')).toMatch(
          /arbml_live_circuit_breaker_tripped\{limit="consecutive_reverts"\} 1/,
        );
      } finally {
        r.abort.abort();
      }
      const result = await r.done;
      expect(result.breaker?.limit).toBe('consecutive_reverts');
      expect(result.sent).toBe(2);
    }, 90_000);

    it('stops at the gas budget: what was spent plus the next worst case never passes it', async () => {
      const metrics = createRunnerMetrics();
      const limits = liveLimitsSchema.parse({ gasBudgetEth: 0.0006, maxConsecutiveReverts: 100 });
      const r = startRunner(lb, new AlwaysExecute(), { rpcUrl: proxy.url, limits, metrics });
      try {
        await waitIdle(lb, r);
        for (let i = 0; i < 8 && !r.logs.some((l) => l.startsWith('circuit breaker:')); i++) await frontRunMove(r);
      } finally {
        r.abort.abort();
      }
      const result = await r.done;
      expect(result.breaker?.limit).toBe('gas_budget');
      const sent = r.rows.filter((x) => x.executed);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      let spent = 0n;
      for (const row of sent) {
        const receipt = await lb.chain.publicClient.getTransactionReceipt({ hash: row.txHash as Hex });
        spent += receipt.gasUsed * receipt.effectiveGasPrice;
      }
      expect(spent <= parseEther('0.0006')).toBe(true);
      const stopped = r.rows.at(-1)!;
      expect((stopped.route as { skip_reason?: string }).skip_reason).toBe('circuit_breaker');
      expect(await metrics.registry.getSingleMetricAsString('arbml_live_circuit_breaker_tripped')).toMatch(
        /limit="gas_budget"\} 1/,
      );
    }, 90_000);
  });
});
