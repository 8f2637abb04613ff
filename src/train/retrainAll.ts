/**
 * `arbml retrain`: the slippage model, the gas forecaster and the RL policy retrained in turn, each promoted only
 * if it beats the active one on the same holdout. A kind that cannot be trained (too little data) is reported as
 * skipped with the reason; the others still run.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { SequenceModelOptions } from '../gas/trainSequenceModel.ts';
import type { Db } from '../store/db.ts';
import type { ModelKind } from './artefacts.ts';
import { retrainGas } from './retrainGas.ts';
import type { RetrainOutcome } from './retrainOutcome.ts';
import { retrainRl } from './retrainRl.ts';
import { retrainSlippage } from './retrainSlippage.ts';

export interface RetrainAllOptions {
  db: Db;
  modelsDir: string;
  seed: number;
  kinds?: readonly ModelKind[];
  lstm?: SequenceModelOptions | false;
  rlEpisodes?: number;
  rlTrainDays?: number;
  onStage?: (message: string) => void;
}

export type RetrainReport = Record<ModelKind, RetrainOutcome | { skipped: string }>;

export async function retrainAll(o: RetrainAllOptions): Promise<RetrainReport> {
  const kinds = o.kinds ?? ['slippage', 'gas', 'rl'];
  const out = {} as RetrainReport;
  const run = async (kind: ModelKind, f: () => Promise<RetrainOutcome>): Promise<void> => {
    if (!kinds.includes(kind)) return;
    o.onStage?.(`retrain ${kind}: training`);
    try {
      out[kind] = await f();
    } catch (e) {
      if (!(e instanceof InvalidInputError)) throw e;
      out[kind] = { skipped: e.message };
    }
  };
  await run('slippage', () => retrainSlippage({ db: o.db, modelsDir: o.modelsDir, seed: o.seed }));
  await run('gas', () =>
    retrainGas({
      db: o.db,
      modelsDir: o.modelsDir,
      seed: o.seed,
      lstm: o.lstm,
      onEpoch: (n, loss) => o.onStage?.(`retrain gas: LSTM epoch ${n} train loss ${loss.toFixed(4)}`),
    }),
  );
  await run('rl', () =>
    retrainRl({
      db: o.db,
      modelsDir: o.modelsDir,
      seed: o.seed,
      episodes: o.rlEpisodes,
      trainDays: o.rlTrainDays,
      onStage: o.onStage,
    }),
  );
  return out;
}
