/**
 * The base of every RL environment: an episode is reset, then stepped with actions until it is done; the reward
 * of a transition is the one thing each concrete environment defines.
 */
import type { RlAction } from './actions.ts';

export interface Transition<S> {
  reward: number;
  /** The state after the action, null when the episode ended. */
  next: S | null;
}

export abstract class Environment<S> {
  /** Starts episode `index` and returns its first state. */
  abstract reset(index: number): S;
  /** Actions allowed in the current state (true = allowed), indexed by RlAction. */
  abstract validActions(): readonly boolean[];
  /** Reward of taking `action` in the current state (ETH for the arbitrage environment). */
  protected abstract reward(action: RlAction): number;
  /** The state after `action`, or null when the action ends the episode. */
  protected abstract advance(action: RlAction): S | null;

  step(action: RlAction): Transition<S> {
    const reward = this.reward(action);
    return { reward, next: this.advance(action) };
  }
}
