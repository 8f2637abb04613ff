/**
 * The RL policy that generalises: fitted Q-iteration (ml/fittedQIteration.ts) with a GBDT regressor per action over
 * the continuous RL snapshot, trained on the recorded episodes' per-action outcomes (an execute ends the episode
 * with its realised reward; wait moves to the next offer, or ends with 0 when the edge closed; drop is worth 0).
 * Unlike the Q-table, every state has a value, so held-out states are never "unknown".
 */
import { denseMatrix } from '../../ml/gbdt/denseMatrix.ts';
import { trainGbdt } from '../../ml/gbdt/trainGbdt.ts';
import { fittedQIteration, type FittedQ, type Transition } from '../../ml/fittedQIteration.ts';
import { ACTION_COUNT, EXECUTE_ACTIONS, RlAction } from './actions.ts';
import { MAX_STEPS, type Episode } from './episode.ts';
import { validOf } from './evaluatePolicies.ts';
import type { RlSnapshot } from './rlState.ts';

/** The continuous state the regressors see. */
export function fqiFeatures(s: RlSnapshot): number[] {
  return [
    s.edgeBps,
    s.predictedSlippageBps,
    s.gasVsForecast,
    s.gasTrend,
    Math.log10(1 + s.poolLiquidityQuote),
    s.competitorPressure,
    s.chain === 'polygon' ? 1 : 0,
    s.blocksSinceDetection,
    s.quotedNetEth,
  ];
}

export function episodeTransitions(episodes: readonly Episode[]): Transition[] {
  const out: Transition[] = [];
  for (const e of episodes) {
    e.steps.forEach((step, i) => {
      const x = fqiFeatures(step.snapshot);
      for (let a = 0; a < EXECUTE_ACTIONS; a++)
        if (Number.isFinite(step.executeRewards[a]!))
          out.push({ x, action: a, reward: step.executeRewards[a]!, next: null });
      const n = e.steps[i + 1];
      out.push({
        x,
        action: RlAction.Wait,
        reward: 0,
        next: n ? { x: fqiFeatures(n.snapshot), valid: validOf(n) } : null,
      });
    });
  }
  return out;
}

export class FqiPolicy {
  constructor(private readonly q: FittedQ) {}

  static train(o: { episodes: readonly Episode[]; seed: number; rounds?: number }): FqiPolicy {
    const q = fittedQIteration({
      transitions: episodeTransitions(o.episodes),
      actionCount: ACTION_COUNT,
      iterations: MAX_STEPS,
      fit: (rows, targets) => {
        const base = targets.reduce((s, y) => s + y, 0) / targets.length;
        const model = trainGbdt({
          matrix: denseMatrix(rows),
          labels: targets,
          params: {
            numRounds: o.rounds ?? 60,
            maxDepth: 4,
            eta: 0.15,
            minChildWeight: 5,
            baseScore: base,
            seed: o.seed,
          },
        });
        return (r) => model.predict(denseMatrix(r));
      },
    });
    return new FqiPolicy(q);
  }

  /** The best valid action at a state (drop when nothing is worth more than 0). */
  greedy(s: RlSnapshot, valid: readonly boolean[]): RlAction {
    const v = this.q.values([fqiFeatures(s)])[0]!;
    let best = RlAction.Drop;
    for (let a = 0; a < ACTION_COUNT; a++) if (valid[a] && a !== RlAction.Drop && v[a]! > v[best]!) best = a;
    return best;
  }
}
