/**
 * Where model artefacts live: every trained version in its own folder, `<modelsDir>/<kind>/<model version>/`, which
 * its model_versions row points at; the files the runner and commands load (`<modelsDir>/slippage_xgb.json`,
 * `gas-forecaster.json`, `rl_policy.json`) are copies of the active version's, refreshed on promote and rollback.
 */
import { copyFileSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { InvalidInputError } from '../core/errors.ts';

export const MODEL_KINDS = ['slippage', 'gas', 'rl'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/** The files of a kind that the active version publishes to the models folder (the first one required). */
export const CURRENT_FILES: Readonly<Record<ModelKind, readonly string[]>> = {
  slippage: ['slippage_xgb.json', 'slippage_xgb.meta.json'],
  gas: ['gas-forecaster.json'],
  rl: ['rl_policy.json', 'profitability.json'],
};

export function isModelKind(kind: string): kind is ModelKind {
  return (MODEL_KINDS as readonly string[]).includes(kind);
}

/** Writes a version's files (name -> text) to its own folder; returns the folder's absolute path. */
export function storeArtefacts(
  modelsDir: string,
  kind: ModelKind,
  modelVersion: string,
  files: Record<string, string>,
): string {
  const dir = resolve(modelsDir, kind, modelVersion);
  mkdirSync(dir, { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.tmp`), text);
    renameSync(join(dir, `${name}.tmp`), join(dir, name));
  }
  return dir;
}

/** Copies a version folder's files to the models folder's current files of the kind. */
export function publishArtefacts(modelsDir: string, kind: ModelKind, versionDir: string): void {
  mkdirSync(modelsDir, { recursive: true });
  for (const [i, name] of CURRENT_FILES[kind].entries()) {
    const from = join(versionDir, name);
    if (!existsSync(from)) {
      if (i === 0) throw new InvalidInputError(`${kind} artefact ${from} is missing; cannot make it current`);
      rmSync(join(modelsDir, name), { force: true }); // an optional file the version does not have must not linger
      continue;
    }
    copyFileSync(from, join(modelsDir, `${name}.tmp`));
    renameSync(join(modelsDir, `${name}.tmp`), join(modelsDir, name));
  }
}
