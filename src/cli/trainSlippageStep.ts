/**
 * The demo's training step: the slippage model from the ledger the simulation just wrote, recorded in
 * model_versions (the same path as `arbml train slippage`); null with a message when the ledger is too thin.
 */
import type { ArbmlConfig } from '../core/config.ts';
import { InvalidInputError } from '../core/errors.ts';
import { trainSlippageFromLedger } from '../slippage/trainSlippageFromLedger.ts';
import type { Store } from '../store/openStore.ts';
import { info } from './output.ts';

export async function trainSlippageStep(
  store: Store,
  config: Pick<ArbmlConfig, 'modelsDir' | 'seed'>,
): Promise<Record<string, unknown> | null> {
  info("demo: training the slippage model on the ledger's executed opportunities");
  try {
    const r = await trainSlippageFromLedger({ db: store.db, modelsDir: config.modelsDir, seed: config.seed });
    return {
      samples: r.samples,
      holdout_mae_bps: r.holdout_mae_bps,
      static_mae_bps: r.static_mae_bps,
      version: r.version,
      registry_version: r.registry_version,
      status: r.status,
      path: r.path,
    };
  } catch (e) {
    if (!(e instanceof InvalidInputError)) throw e;
    info(`demo: slippage model not trained: ${e.shortMessage}`);
    return null;
  }
}
