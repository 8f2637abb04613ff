import { describe, expect, it } from 'vitest';
import { createRng } from '../../core/random.ts';
import { RlAction } from './actions.ts';
import { epsilonAt, QAgent } from './qAgent.ts';

describe('QAgent', () => {
  it("applies Q(s,a) += lr (r + discount max Q(s') - Q(s,a)), terminal without bootstrap", () => {
    const agent = new QAgent(createRng(1));
    expect(agent.update('s1', RlAction.Exec100R0, 1, null)).toBeCloseTo(0.1, 12);
    expect(agent.update('s1', RlAction.Exec100R0, 1, null)).toBeCloseTo(0.19, 12);
    // wait in s0 -> s1: 0 + 0.95 * 0.19, times lr 0.1
    expect(agent.update('s0', RlAction.Wait, 0, 's1')).toBeCloseTo(0.01805, 12);
    // a masked next action does not count in the max
    expect(
      agent.update(
        's2',
        RlAction.Wait,
        0,
        's1',
        Array.from({ length: 10 }, (_, a) => a !== RlAction.Exec100R0),
      ),
    ).toBe(0);
    expect(agent.greedy('s0')).toBe(RlAction.Wait);
    expect(agent.greedy('s1')).toBe(RlAction.Exec100R0);
    expect(agent.greedy('unseen')).toBe(RlAction.Drop);
  });

  it('follows the seed epsilon schedule 0.30 -> 0.05 with decay 0.9995 per episode', () => {
    expect(epsilonAt(0)).toBe(0.3);
    expect(epsilonAt(1000)).toBeCloseTo(0.3 * 0.9995 ** 1000, 12);
    expect(epsilonAt(1000)).toBeCloseTo(0.18196, 4);
    expect(epsilonAt(3583)).toBeCloseTo(0.05, 3);
    expect(epsilonAt(10_000)).toBe(0.05);
    const agent = new QAgent(createRng(1));
    for (let i = 0; i < 100; i++) agent.endEpisode(i < 50 ? 1 : 3);
    agent.endEpisode(3);
    expect(agent.epsilon).toBeCloseTo(0.3 * 0.9995 ** 101, 12);
    expect(agent.avgReward).toBeCloseTo((49 * 1 + 51 * 3) / 100, 12);
  });

  it('explores only among valid actions', () => {
    const agent = new QAgent(createRng(3), {
      epsilonStart: 1,
      epsilonEnd: 1,
      epsilonDecay: 1,
      learningRate: 0.1,
      discount: 0.95,
    });
    const valid = Array.from({ length: 10 }, (_, a) => a === RlAction.Exec50R0 || a === RlAction.Drop);
    const seen = new Set<number>();
    for (let i = 0; i < 200; i++) seen.add(agent.selectAction('s', { valid, explore: true }));
    expect([...seen].sort()).toEqual([RlAction.Exec50R0, RlAction.Drop].sort());
  });
});
