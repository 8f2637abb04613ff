/**
 * Registry operations over model_versions: list every kind's versions, promote a version (it becomes the active one,
 * the previous active is retired), and roll back (the active version is rejected and the version that was active
 * before it, by activation time, is active again). Each runs in one transaction under a table lock.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { Db } from './db.ts';
import { listModelVersions, type ModelVersionRow } from './modelVersions.ts';

/** Every recorded version, by kind then version (or of one kind). */
export async function listAllModelVersions(db: Db, kind?: string): Promise<ModelVersionRow[]> {
  if (kind) return listModelVersions(db, kind);
  const kinds = await db.query<{ kind: string }>('SELECT DISTINCT kind FROM model_versions ORDER BY kind');
  const out: ModelVersionRow[] = [];
  for (const k of kinds) out.push(...(await listModelVersions(db, k.kind)));
  return out;
}

async function activate(db: Db, kind: string, version: number): Promise<void> {
  await db.execute(
    `UPDATE model_versions SET status = 'retired' WHERE kind = $1 AND status = 'active' AND version <> $2`,
    [kind, version],
  );
  await db.execute(
    `UPDATE model_versions SET status = 'active', activated_at = clock_timestamp() WHERE kind = $1 AND version = $2`,
    [kind, version],
  );
}

/** Makes `version` of `kind` the active model; returns the rows of the kind after the change. */
export async function promoteModelVersion(db: Db, kind: string, version: number): Promise<ModelVersionRow[]> {
  await db.transaction(async (tx) => {
    await tx.execute('LOCK TABLE model_versions IN SHARE ROW EXCLUSIVE MODE');
    const [row] = await tx.query<{ status: string }>(
      'SELECT status FROM model_versions WHERE kind = $1 AND version = $2',
      [kind, version],
    );
    if (!row)
      throw new InvalidInputError(`no ${kind} model version ${version}`, {
        details: 'arbml models list shows the recorded versions',
      });
    if (row.status === 'active') return;
    await activate(tx, kind, version);
  });
  return listModelVersions(db, kind);
}

/** Rejects the active `kind` model and re-activates the one active before it; returns the version now active. */
export async function rollbackModel(db: Db, kind: string): Promise<{ from: number; to: number }> {
  return db.transaction(async (tx) => {
    await tx.execute('LOCK TABLE model_versions IN SHARE ROW EXCLUSIVE MODE');
    const [current] = await tx.query<{ version: number; activated_at: Date | null }>(
      `SELECT version, activated_at FROM model_versions WHERE kind = $1 AND status = 'active' ORDER BY version DESC LIMIT 1`,
      [kind],
    );
    if (!current) throw new InvalidInputError(`no active ${kind} model to roll back`);
    const [previous] = await tx.query<{ version: number }>(
      `SELECT version FROM model_versions WHERE kind = $1 AND status = 'retired' AND activated_at IS NOT NULL
         AND activated_at <= COALESCE($2::timestamptz, 'infinity'::timestamptz) AND version <> $3
       ORDER BY activated_at DESC, version DESC LIMIT 1`,
      [kind, current.activated_at ? new Date(current.activated_at).toISOString() : null, current.version],
    );
    if (!previous)
      throw new InvalidInputError(
        `no earlier active ${kind} model to roll back to (version ${current.version} is the first)`,
      );
    await tx.execute(`UPDATE model_versions SET status = 'rejected' WHERE kind = $1 AND version = $2`, [
      kind,
      current.version,
    ]);
    await activate(tx, kind, Number(previous.version));
    return { from: Number(current.version), to: Number(previous.version) };
  });
}
