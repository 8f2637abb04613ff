/**
 * Trains the Q-agent on pre-generated episodes: each training episode is drawn (seeded) from the pool, played with
 * epsilon-greedy actions through the ArbitrageEnv, every transition updated (and the other execute actions of each
 * visited step, see updateAllExecutes); the 100-episode average reward is
 * recorded every 100 episodes as the learning curve.
 */
import { rngFor } from '../../core/random.ts';
import { InvalidInputError } from '../../core/errors.ts';
import { EXECUTE_ACTIONS } from './actions.ts';
import { ArbitrageEnv } from './arbitrageEnv.ts';
import type { Episode } from './episode.ts';
import { QAgent, Q_AGENT_PARAMS, type QAgentParams } from './qAgent.ts';

export interface TrainQAgentOptions {
  pool: readonly Episode[];
  episodes: number;
  seed: number;
  params?: QAgentParams;
  /**
   * Also update every other available execute action of a visited step with its realised reward (default true):
   * the pre-generated episodes know what each size and route would have made at that step, so the ranking of
   * sizes and routes does not depend on which one exploration happened to try.
   */
  updateAllExecutes?: boolean;
  /** Called every 100 episodes with (episodes done, average reward of the last 100). */
  onCurvePoint?: (episode: number, avgReward: number) => void;
}

export interface TrainQAgentResult {
  agent: QAgent;
  curve: [number, number][];
}

export function trainQAgent(o: TrainQAgentOptions): TrainQAgentResult {
  if (o.pool.length === 0) throw new InvalidInputError('no training episodes (the market run found no opportunity)');
  const pick = rngFor(o.seed, 'rl/episodes');
  const agent = new QAgent(rngFor(o.seed, 'rl/explore'), o.params ?? Q_AGENT_PARAMS);
  const env = new ArbitrageEnv(o.pool);
  const curve: [number, number][] = [];
  for (let n = 1; n <= o.episodes; n++) {
    let state: string | null = env.reset(pick.int(o.pool.length));
    let total = 0;
    while (state !== null) {
      const action = agent.selectAction(state, { valid: env.validActions(), explore: true });
      if (o.updateAllExecutes ?? true) {
        const valid = env.validActions();
        for (let a = 0; a < EXECUTE_ACTIONS; a++)
          if (a !== action && valid[a]) agent.update(state, a, env.peekReward(a), null);
      }
      const { reward, next } = env.step(action);
      total += reward;
      agent.update(state, action, reward, next, next === null ? undefined : env.validActions());
      state = next;
    }
    agent.endEpisode(total);
    if (n % 100 === 0) {
      const avg = Number(agent.avgReward.toFixed(9));
      curve.push([n, avg]);
      o.onCurvePoint?.(n, avg);
    }
  }
  return { agent, curve };
}
