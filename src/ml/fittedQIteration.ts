/**
 * Fitted Q-iteration (Ernst et al. 2005) with one regressor per action over a continuous state: from recorded
 * transitions (state, action, reward, next state or terminal), iterate Q_{k+1}(x, a) = r + gamma x max over the
 * next state's valid actions of Q_k(x', a'), fitting each action's regressor to its targets. An action whose
 * transitions are all terminal has fixed targets and is fitted once; an action with no transition is worth
 * `unseenValue` (e.g. 0 for "drop"). The regressor is given (e.g. GBDT), so this file knows no model.
 */
import { InvalidInputError } from '../core/errors.ts';

export interface Transition {
  x: readonly number[];
  action: number;
  reward: number;
  /** The next state and its valid actions, or null when the transition ends the episode. */
  next: { x: readonly number[]; valid: readonly boolean[] } | null;
}

/** Fits targets on rows and returns the fitted predictor (row-wise). */
export type FitRegressor = (
  rows: readonly (readonly number[])[],
  targets: readonly number[],
  action: number,
) => (rows: readonly (readonly number[])[]) => ArrayLike<number>;

export interface FittedQIterationOptions {
  transitions: readonly Transition[];
  actionCount: number;
  iterations: number;
  fit: FitRegressor;
  gamma?: number;
  unseenValue?: number;
}

export interface FittedQ {
  /** Q values of every action at each row. */
  values(rows: readonly (readonly number[])[]): number[][];
}

export function fittedQIteration(o: FittedQIterationOptions): FittedQ {
  if (!(o.iterations >= 1))
    throw new InvalidInputError(`fitted Q-iteration needs at least 1 iteration, got ${o.iterations}`);
  const gamma = o.gamma ?? 1;
  const unseen = o.unseenValue ?? 0;
  const byAction = Array.from({ length: o.actionCount }, (_, a) => o.transitions.filter((t) => t.action === a));
  const terminalOnly = byAction.map((ts) => ts.every((t) => t.next === null));
  const predictors: (((rows: readonly (readonly number[])[]) => ArrayLike<number>) | null)[] = new Array(
    o.actionCount,
  ).fill(null);
  const values = (rows: readonly (readonly number[])[]): number[][] => {
    const cols = predictors.map((p) => (p && rows.length ? p(rows) : null));
    return rows.map((_, i) => cols.map((c) => (c ? c[i]! : unseen)));
  };
  for (let k = 0; k < o.iterations; k++) {
    const next = predictors.slice();
    for (let a = 0; a < o.actionCount; a++) {
      const ts = byAction[a]!;
      if (ts.length === 0 || (k > 0 && terminalOnly[a])) continue;
      const nexts = ts.filter((t) => t.next !== null);
      const q = values(nexts.map((t) => t.next!.x));
      let j = 0;
      const targets = ts.map((t) => {
        if (t.next === null) return t.reward;
        const v = q[j++]!;
        let best = -Infinity;
        for (let b = 0; b < o.actionCount; b++) if (t.next.valid[b] && v[b]! > best) best = v[b]!;
        return t.reward + gamma * (best === -Infinity ? 0 : best);
      });
      next[a] = o.fit(
        ts.map((t) => t.x),
        targets,
        a,
      );
    }
    for (let a = 0; a < o.actionCount; a++) predictors[a] = next[a]!;
  }
  return { values };
}
