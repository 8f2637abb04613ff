/**
 * Live ledger rows carry gas in the chain's native token converted at its price: on Polygon a receipt of
 * 250,000 gas at 40 gwei costs 0.01 MATIC, which at MATIC $2 and ETH $4,000 is 0.000005 ETH (not 0.01 ETH).
 */
import { describe, expect, it } from 'vitest';
import type { DecisionResult } from '../../domain/decider.ts';
import { buildOpportunity } from '../../exec/buildOpportunity.ts';
import { detectOpportunities } from '../../exec/detectOpportunities.ts';
import { defaultFlashProviders } from '../../exec/flashProviders.ts';
import { MarketMemory } from '../../exec/marketMemory.ts';
import { edgeBlock } from '../../exec/testing.ts';
import { poolPrice } from '../../market/pools/poolMath.ts';
import { liveRow } from './liveRow.ts';

const block = edgeBlock();
const prices = block.pools.map(poolPrice);
const memory = new MarketMemory();
memory.observe(block, prices);
const providers = defaultFlashProviders('polygon');
const [edge] = detectOpportunities({ block, pools: block.pools, poolPrices: prices, providers, busy: new Set() });
const opp = buildOpportunity({
  id: 'live:polygon:100:0',
  edge: edge!,
  block,
  pools: block.pools,
  poolPrices: prices,
  memory,
  blocksOpen: 0,
});
const candidate = opp.routes[0]!;
const execute: DecisionResult = { decision: 'execute', sizeFactor: 1, estimatedSlippageBps: 50, decidedBy: 'test' };

describe('liveRow gas in the native token', () => {
  it('prices a Polygon receipt at MATIC/ETH, to the wei of gas', () => {
    expect(opp.nativeUsd).toBe(2);
    expect(opp.ethUsd).toBe(4_000);
    const profit = 12_345_678n; // 12.345678 USDC paid to the owner
    const row = liveRow({
      opportunity: opp,
      candidate,
      decision: execute,
      mode: 'fork',
      execution: {
        outcome: 'success',
        hash: '0xab',
        gasUsed: 250_000n,
        effectiveGasPriceWei: 40_000_000_000n,
        profit,
        amountOut: candidate.amountOut,
      },
      latencyMs: 12,
    });
    const gasEth = 0.01 * (2 / 4_000);
    expect(row.profitEth).toBeCloseTo(12.345678 / opp.cexPrice - gasEth, 12);
    expect(row.gasUsed).toBe(250_000n);
    expect(row.gasCostQuote).toBe(0.02);
    expect(row).toMatchObject({
      outcome: 'success',
      executed: true,
      profitable: true,
      actualSlippageBps: 0,
      txHash: '0xab',
    });
  });

  it('a reverted receipt costs exactly its gas in ETH', () => {
    const row = liveRow({
      opportunity: opp,
      candidate,
      decision: execute,
      mode: 'fork',
      execution: { outcome: 'reverted', hash: '0xcd', gasUsed: 100_000n, effectiveGasPriceWei: 50_000_000_000n },
      latencyMs: 3,
    });
    expect(row.profitEth).toBeCloseTo(-0.005 * (2 / 4_000), 15);
    expect(row).toMatchObject({ outcome: 'reverted', profitable: false, actualSlippageBps: null });
  });

  it('an opportunity not sent carries the simulated profit minus the quoted gas, both in ETH', () => {
    const row = liveRow({
      opportunity: opp,
      candidate,
      decision: { ...execute, decision: 'skip' },
      mode: 'paper',
      simulatedProfit: 0n,
      latencyMs: 1,
    });
    const quotedGasEth = (Number(candidate.gasCost.wei) / 1e18) * (2 / 4_000);
    expect(row.counterfactualProfitEth).toBeCloseTo(-quotedGasEth, 12);
    expect(row).toMatchObject({ outcome: 'skipped', executed: false, profitEth: 0, txHash: null });
  });
});
