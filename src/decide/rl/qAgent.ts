/**
 * Tabular Q-learning with epsilon-greedy exploration on the seed's schedule: epsilon = max(end, start * decay^n)
 * after n episodes (0.30 -> 0.05, decay 0.9995). Q(s,a) += lr * (r + discount * max Q(s',.) - Q(s,a)); a terminal
 * transition does not bootstrap. Unseen states have Q = 0 for every action; ties go to the highest action index
 * (drop, then wait), so an agent with no knowledge does nothing.
 *
 * A second, coarse table learns the same transitions on a few state dimensions (edge, chain, blocks since
 * detection, quoted net profit); a state updated fewer than MIN_FINE_UPDATES times acts from it, so a state
 * the fine table has not seen is not simply dropped.
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

export const Q_AGENT_PARAMS: QAgentParams = Object.freeze({
  epsilonStart: 0.3,
  epsilonEnd: 0.05,
  epsilonDecay: 0.9995,
  learningRate: 0.1,
  discount: 0.95,
});

/** Positions in the state key (rlState.discretise) the coarse table keeps: edge, chain, blocks since detection, quoted net. */
export const COARSE_DIMS: readonly number[] = Object.freeze([0, 6, 7, 8]);
/** Updates a fine state needs before it acts from the fine table. */
export const MIN_FINE_UPDATES = 80;

/** The coarse table's key of a state key (a key with fewer parts is its own coarse key). */
export function coarseKey(state: string): string {
  const parts = state.split('.');
  return parts.length > Math.max(...COARSE_DIMS) ? COARSE_DIMS.map((i) => parts[i]).join('.') : state;
}

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
  readonly coarse = new Map<string, Float64Array>();
  /** Updates per fine state. */
  readonly updates = new Map<string, number>();
  episodesDone = 0;
  private readonly window: number[] = [];
  private windowSum = 0;

  constructor(
    private readonly rng: Rng,
    readonly params: QAgentParams = Q_AGENT_PARAMS,
  ) {
    if (!(params.learningRate > 0 && params.learningRate <= 1))
      throw new InvalidInputError(`learning rate must be in (0, 1], got ${params.learningRate}`);
    if (!(params.discount >= 0 && params.discount <= 1))
      throw new InvalidInputError(`discount must be in [0, 1], got ${params.discount}`);
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

  /** Whether either table has learnt anything about the state. */
  knows(state: string): boolean {
    return this.q.has(state) || this.coarse.has(coarseKey(state));
  }

  /** The action values the agent acts from: the fine table once the state has enough updates, else the coarse one. */
  actionValues(state: string): Float64Array | undefined {
    const fine = this.q.get(state);
    if (fine && (this.updates.get(state) ?? Infinity) >= MIN_FINE_UPDATES) return fine;
    return this.coarse.get(coarseKey(state)) ?? fine;
  }

  greedy(state: string, valid?: readonly boolean[]): RlAction {
    const v = this.actionValues(state);
    let best = -1;
    for (let a = ACTION_COUNT - 1; a >= 0; a--) {
      if (valid && !valid[a]) continue;
      if (best < 0 || (v ? v[a]! : 0) > (v ? v[best]! : 0)) best = a;
    }
    return best as RlAction;
  }

  /** One Q-learning update; nextState null = terminal. Returns the new Q(s,a). */
  update(
    state: string,
    action: RlAction,
    reward: number,
    nextState: string | null,
    nextValid?: readonly boolean[],
  ): number {
    this.updates.set(state, (this.updates.get(state) ?? 0) + 1);
    const c = coarseKey(state);
    let cv = this.coarse.get(c);
    if (!cv) this.coarse.set(c, (cv = new Float64Array(ACTION_COUNT)));
    this.learn(cv, action, reward, nextState === null ? undefined : this.coarse.get(coarseKey(nextState)), nextValid);
    return this.learn(
      this.values(state),
      action,
      reward,
      nextState === null ? undefined : this.q.get(nextState),
      nextValid,
    );
  }

  private learn(
    v: Float64Array,
    action: RlAction,
    reward: number,
    next: Float64Array | undefined,
    nextValid?: readonly boolean[],
  ): number {
    const future = next ? Math.max(...Array.from(next).filter((_, a) => !nextValid || nextValid[a])) : 0;
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
