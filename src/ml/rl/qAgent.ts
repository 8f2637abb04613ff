/**
 * Tabular Q-learning with epsilon-greedy exploration on the seed's schedule: epsilon = max(end, start * decay^n)
 * after n episodes (0.30 -> 0.05, decay 0.9995). Q(s,a) += lr * (r + discount * max Q(s',.) - Q(s,a)); a terminal
 * transition does not bootstrap. Unseen states have Q = 0 for every action; ties go to the highest action index
 * (drop, then wait), so an agent with no knowledge does nothing.
 */
import { InvalidInputError } from '../../core/errors.ts';
import type { Rng } from '../../core/random.ts';
import { ACTION_COUNT, type RlAction } from './actions.ts';
import { discretise, type RlSnapshot } from './rlState.ts';

export interface QAgentParams {
  epsilonStart: number;
  epsilonEnd: number;
  epsilonDecay: number;
  learningRate: number;
  discount: number;
}

export const Q_AGENT_PARAMS: QAgentParams = Object.freeze({ epsilonStart: 0.3, epsilonEnd: 0.05, epsilonDecay: 0.9995, learningRate: 0.1, discount: 0.95 });

export interface RlPortfolio {
  /** Allowed actions (default all). */
  valid?: readonly boolean[];
  /** Explore with the current epsilon (default false: greedy). */
  explore?: boolean;
}

export function epsilonAt(episodes: number, p: QAgentParams = Q_AGENT_PARAMS): number {
  return Math.max(p.epsilonEnd, p.epsilonStart * p.epsilonDecay ** episodes);
}

export class QAgent {
  readonly q = new Map<string, Float64Array>();
  episodesDone = 0;
  private readonly window: number[] = [];
  private windowSum = 0;

  constructor(private readonly rng: Rng, readonly params: QAgentParams = Q_AGENT_PARAMS) {
    if (!(params.learningRate > 0 && params.learningRate <= 1)) throw new InvalidInputError(`learning rate must be in (0, 1], got ${params.learningRate}`);
    if (!(params.discount >= 0 && params.discount <= 1)) throw new InvalidInputError(`discount must be in [0, 1], got ${params.discount}`);
  }

  get epsilon(): number {
    return epsilonAt(this.episodesDone, this.params);
  }

  /** Average episode reward over the last 100 episodes (0 before any). */
  get avgReward(): number {
    return this.window.length ? this.windowSum / this.window.length : 0;
  }

  values(state: string): Float64Array {
    let v = this.q.get(state);
    if (!v) this.q.set(state, (v = new Float64Array(ACTION_COUNT)));
    return v;
  }

  selectAction(snapshot: RlSnapshot | string, portfolio: RlPortfolio = {}): RlAction {
    const state = typeof snapshot === 'string' ? snapshot : discretise(snapshot);
    const valid = portfolio.valid;
    if (portfolio.explore && this.rng.next() < this.epsilon) {
      const allowed = [...Array(ACTION_COUNT).keys()].filter((a) => !valid || valid[a]);
      return allowed[this.rng.int(allowed.length)]! as RlAction;
    }
    return this.greedy(state, valid);
  }

  greedy(state: string, valid?: readonly boolean[]): RlAction {
    const v = this.q.get(state);
    let best = -1;
    for (let a = ACTION_COUNT - 1; a >= 0; a--) {
      if (valid && !valid[a]) continue;
      if (best < 0 || (v ? v[a]! : 0) > (v ? v[best]! : 0)) best = a;
    }
    return best as RlAction;
  }

  /** One Q-learning update; nextState null = terminal. Returns the new Q(s,a). */
  update(state: string, action: RlAction, reward: number, nextState: string | null, nextValid?: readonly boolean[]): number {
    const v = this.values(state);
    let future = 0;
    if (nextState !== null) {
      const n = this.q.get(nextState);
      if (n) future = Math.max(...Array.from(n).filter((_, a) => !nextValid || nextValid[a]));
    }
    v[action] = v[action]! + this.params.learningRate * (reward + this.params.discount * future - v[action]!);
    return v[action]!;
  }

  /** Marks an episode finished with its total reward (advances epsilon and the 100-episode average). */
  endEpisode(totalReward: number): void {
    this.episodesDone++;
    this.window.push(totalReward);
    this.windowSum += totalReward;
    if (this.window.length > 100) this.windowSum -= this.window.shift()!;
  }
}
