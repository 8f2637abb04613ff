/**
 * `arbml models promote <kind> <version>` and `arbml models rollback <kind>`: change the active model of a kind and
 * refresh the current artefact files under the models folder from the now-active version's folder.
 */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { isModelKind, MODEL_KINDS, publishArtefacts } from '../../train/artefacts.ts';
import { promoteModelVersion, rollbackModel } from '../../store/modelRegistry.ts';
import { activeModelVersion } from '../../store/modelVersions.ts';
import type { Store } from '../../store/openStore.ts';
import { openStore } from '../../store/openStore.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

interface Flags extends CommonFlags {
  modelsDir?: string;
}

function kindOf(text: string): (typeof MODEL_KINDS)[number] {
  if (!isModelKind(text)) throw new InvalidInputError(`unknown model kind ${text}: one of ${MODEL_KINDS.join(', ')}`);
  return text;
}

/** Copies the active version's artefacts to the current files; returns the active version. */
async function publishActive(store: Store, kind: (typeof MODEL_KINDS)[number], modelsDir: string): Promise<number> {
  const active = await activeModelVersion(store.db, kind);
  if (!active) throw new InvalidInputError(`no active ${kind} model`);
  if (active.artefactPath && !active.artefactPath.endsWith('.json'))
    publishArtefacts(modelsDir, kind, active.artefactPath);
  return active.version;
}

export function register(program: Command): void {
  const models = commandGroup(program, 'models');
  withCommonOptions(
    models
      .command('promote <kind> <version>')
      .description('Make a recorded model version the active one')
      .option('--models-dir <dir>', 'models folder (default config modelsDir)'),
  ).action(async (kindText: string, versionText: string, opts: Flags) => {
    const kind = kindOf(kindText);
    const version = Number(versionText);
    if (!Number.isInteger(version) || version < 1)
      throw new InvalidInputError(`version must be a positive integer, got ${versionText}`);
    const config = configFromFlags(opts, opts.modelsDir ? { modelsDir: opts.modelsDir } : {});
    const store = await openStore(config);
    try {
      await promoteModelVersion(store.db, kind, version);
      const active = await publishActive(store, kind, config.modelsDir);
      report({ json: !!opts.json, result: { kind, active }, human: () => `${kind}: version ${active} is active` });
    } finally {
      await store.close();
    }
  });
  withCommonOptions(
    models
      .command('rollback <kind>')
      .description('Reject the active model and re-activate the one active before it')
      .option('--models-dir <dir>', 'models folder (default config modelsDir)'),
  ).action(async (kindText: string, opts: Flags) => {
    const kind = kindOf(kindText);
    const config = configFromFlags(opts, opts.modelsDir ? { modelsDir: opts.modelsDir } : {});
    const store = await openStore(config);
    try {
      const r = await rollbackModel(store.db, kind);
      await publishActive(store, kind, config.modelsDir);
      report({
        json: !!opts.json,
        result: { kind, ...r },
        human: () => `${kind}: version ${r.from} rejected, version ${r.to} is active again`,
      });
    } finally {
      await store.close();
    }
  });
}
