/**
 * What one retrain of one model kind did: the candidate's and the active model's figure on the same holdout, and
 * whether the candidate was promoted (only if it is better, or, with no active model, better than the baseline).
 */
import type { ModelKind } from './artefacts.ts';

export interface RetrainOutcome {
  kind: ModelKind;
  /** The registry's new version number and the model's own version string. */
  registryVersion: number;
  modelVersion: string;
  /** Name of the holdout figure, lower is better unless `higherIsBetter`. */
  metric: string;
  higherIsBetter: boolean;
  candidate: number;
  /** The active model's figure on the same holdout (null when there is none or it cannot be loaded). */
  current: number | null;
  currentVersion: number | null;
  /** The baseline's figure (static slippage, persistence, heuristic policy). */
  baseline: number;
  promoted: boolean;
  samples: number;
  artefactDir: string;
  seconds: number;
}

/** The promotion rule. */
export function beats(o: Pick<RetrainOutcome, 'candidate' | 'current' | 'baseline' | 'higherIsBetter'>): boolean {
  const better = (a: number, b: number): boolean => (o.higherIsBetter ? a > b : a < b);
  return o.current === null ? better(o.candidate, o.baseline) : better(o.candidate, o.current);
}
