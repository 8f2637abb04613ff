/**
 * The coarse table: it learns every update on the kept dimensions (edge, chain, blocks, quoted net); a state with
 * fewer than MIN_FINE_UPDATES updates, or never seen, acts from it; a well-visited state acts from its own values;
 * the policy file restores both tables and the counts exactly.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { RlAction } from './actions.ts';
import { policyJson, restoreAgent, writePolicyFile } from './policyFile.ts';
import { coarseKey, MIN_FINE_UPDATES, QAgent } from './qAgent.ts';

describe('QAgent coarse fallback', () => {
  const seen = '1.0.1.0.1.2.1.0.2';
  const sibling = '1.2.0.1.0.0.1.0.2'; // same edge, chain, blocks, quoted net; other slippage, gas, liquidity, pressure
  const busy = '2.0.1.0.1.2.0.1.3';

  it('keys the coarse table by edge, chain, blocks since detection and quoted net', () => {
    expect(coarseKey(seen)).toBe('1.1.0.2');
    expect(coarseKey(sibling)).toBe(coarseKey(seen));
    expect(coarseKey('short')).toBe('short');
  });

  it('acts from the coarse table for unseen and rarely updated states, from the fine one once visited enough', () => {
    const agent = new QAgent(createRng(1));
    for (let i = 0; i < 5; i++) agent.update(seen, RlAction.Exec100R0, 0.01, null);
    expect(agent.coarse.get('1.1.0.2')![RlAction.Exec100R0]).toBeCloseTo(0.01 * (1 - 0.9 ** 5), 12);
    expect(agent.knows(sibling)).toBe(true);
    expect(agent.greedy(sibling)).toBe(RlAction.Exec100R0);
    expect(agent.greedy('0.0.0.0.0.0.0.0.0')).toBe(RlAction.Drop);
    // A state with its own history: its fine values win once it has MIN_FINE_UPDATES updates.
    for (let i = 0; i < MIN_FINE_UPDATES; i++) agent.update(busy, RlAction.Exec25R0, 0.02, null);
    for (let i = 0; i < 50; i++)
      agent.update(sibling.replace(/^1/, '2').replace(/\.2$/, '.3'), RlAction.Exec150R0, 0.5, null);
    expect(coarseKey(busy)).toBe('2.0.1.3');
    expect(agent.greedy(busy)).toBe(RlAction.Exec25R0);
  });

  it('restores both tables and the update counts from the policy file', () => {
    const agent = new QAgent(createRng(2));
    for (let i = 0; i < 30; i++) agent.update(seen, (i % 3) as RlAction, 0.001 * i, i % 2 ? null : sibling);
    const file = join(mkdtempSync(join(tmpdir(), 'arbml-rl-')), 'rl_policy.json');
    const meta = {
      seed: 2,
      episodes: 30,
      training_window: { seed: 2, days: 1, episodes_generated: 1 },
      metrics: { curve: [] as [number, number][], avg_reward: 0 },
    };
    writePolicyFile(file, policyJson(agent, meta));
    const back = restoreAgent(file, createRng(3));
    expect([...back.updates]).toEqual([...agent.updates]);
    expect([...back.coarse].map(([k, v]) => [k, Array.from(v, (x) => Number(x.toPrecision(12)))])).toEqual(
      [...agent.coarse].map(([k, v]) => [k, Array.from(v, (x) => Number(x.toPrecision(12)))]),
    );
    for (const s of [seen, sibling, busy]) expect(back.greedy(s)).toBe(agent.greedy(s));
    expect(policyJson(back, meta)).toBe(policyJson(agent, meta));
  });
});
