/**
 * The arbitrage environment over pre-generated episodes: state = the step's discretised snapshot; execute ends the
 * episode with that action's realised net profit (ETH; a revert is minus its gas), drop ends it with 0, wait moves
 * to the next block's offer with reward 0, or ends it with 0 when the edge is gone (closed by others or by the
 * market) or the wait horizon is reached.
 */
import { ACTION_COUNT, EXECUTE_ACTIONS, RlAction } from './actions.ts';
import { executeAvailable, type Episode } from './episode.ts';
import { Environment } from './environment.ts';

export class ArbitrageEnv extends Environment<string> {
  private episode: Episode | null = null;
  private t = 0;

  constructor(readonly episodes: readonly Episode[]) {
    super();
  }

  reset(index: number): string {
    this.episode = this.episodes[index]!;
    this.t = 0;
    return this.episode.steps[0]!.stateKey;
  }

  validActions(): readonly boolean[] {
    const step = this.episode!.steps[this.t]!;
    return Array.from({ length: ACTION_COUNT }, (_, a) => a >= EXECUTE_ACTIONS || executeAvailable(step, a));
  }

  /** Reward `action` would get in the current state, without stepping. */
  peekReward(action: RlAction): number {
    return this.reward(action);
  }

  protected reward(action: RlAction): number {
    return action < EXECUTE_ACTIONS ? this.episode!.steps[this.t]!.executeRewards[action]! : 0;
  }

  protected advance(action: RlAction): string | null {
    if (action !== RlAction.Wait) return null;
    this.t++;
    const next = this.episode!.steps[this.t];
    return next ? next.stateKey : null;
  }
}
