/**
 * `train gas` and `train rl` record what they trained in the registry (model_versions) as a candidate, with its
 * window, features, metrics and artefact; `arbml models promote` makes one active, `arbml retrain` promotes by the
 * holdout rule. The store is the command's configured one (embedded by default, --database-url / DATABASE_URL for a
 * server); if it cannot be
 * opened the model file is still written and a warning says the version was not recorded.
 */
import { resolve } from 'node:path';
import type { ArbmlConfig } from '../core/config.ts';
import { openStore } from '../store/openStore.ts';
import { recordModelVersion, type ModelVersionInput } from '../store/modelVersions.ts';
import { info, warn } from './output.ts';

export interface RecordTrainedModelOptions {
  /** The command's config (its --config, --db-path, --database-url, --db-schema already applied). */
  config: Pick<ArbmlConfig, 'dbPath' | 'databaseUrl' | 'dbSchema'>;
  model: Omit<ModelVersionInput, 'status' | 'artefactPath'> & { artefactPath: string };
}

export async function recordTrainedModel({ config, model: m }: RecordTrainedModelOptions): Promise<number | null> {
  try {
    const store = await openStore(config);
    try {
      const row = await recordModelVersion(store.db, {
        ...m,
        artefactPath: resolve(m.artefactPath),
        status: 'candidate',
      });
      info(`recorded ${m.kind} model_versions #${row.version} (candidate) in ${store.location}`);
      return row.version;
    } finally {
      await store.close();
    }
  } catch (e) {
    warn(
      `${m.kind} model written to ${m.artefactPath} but not recorded in model_versions (${e instanceof Error ? e.message : String(e)})`,
    );
    return null;
  }
}
