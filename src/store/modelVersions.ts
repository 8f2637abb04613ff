/**
 * The model registry (`model_versions`): one row per trained model of a kind ('slippage', 'gas', 'rl'), numbered
 * 1, 2, ... per kind. Recording a model as 'active' retires the kind's previous active one in the same
 * transaction, so at most one model of a kind is active.
 */
import { InvalidInputError } from '../core/errors.ts';
import type { Db } from './db.ts';

export type ModelStatus = 'candidate' | 'active' | 'retired' | 'rejected';

export interface ModelVersionInput {
  kind: string;
  trainedAt: Date;
  /** Training window (first and last sample), when the model has one. */
  windowStart?: Date | null;
  windowEnd?: Date | null;
  features: readonly string[];
  metrics: Record<string, unknown>;
  artefactPath: string | null;
  status: 'candidate' | 'active';
}

export interface ModelVersionRow extends Omit<ModelVersionInput, 'status' | 'windowStart' | 'windowEnd'> {
  version: number;
  windowStart: Date | null;
  windowEnd: Date | null;
  status: ModelStatus;
  /** When it last became active (null if never). */
  activatedAt: Date | null;
}

const fromRecord = (r: Record<string, unknown>): ModelVersionRow => ({
  kind: r.kind as string,
  version: Number(r.version),
  trainedAt: r.trained_at as Date,
  windowStart: (r.window_start as Date | null) ?? null,
  windowEnd: (r.window_end as Date | null) ?? null,
  features: r.features as string[],
  metrics: r.metrics as Record<string, unknown>,
  artefactPath: (r.artefact_path as string | null) ?? null,
  status: r.status as ModelStatus,
  activatedAt: (r.activated_at as Date | null) ?? null,
});

/** Inserts the next version of `kind` and returns it (retiring the previous active model when this one is active). */
export async function recordModelVersion(db: Db, m: ModelVersionInput): Promise<ModelVersionRow> {
  if (!m.kind) throw new InvalidInputError('model_versions: kind must not be empty');
  if (Number.isNaN(m.trainedAt.getTime()))
    throw new InvalidInputError(`model_versions ${m.kind}: trained_at is not a valid time`);
  return db.transaction(async (tx) => {
    await tx.execute('LOCK TABLE model_versions IN SHARE ROW EXCLUSIVE MODE');
    if (m.status === 'active')
      await tx.execute(`UPDATE model_versions SET status = 'retired' WHERE kind = $1 AND status = 'active'`, [m.kind]);
    const [row] = await tx.query(
      `INSERT INTO model_versions (kind, version, trained_at, window_start, window_end, features, metrics, artefact_path, status, activated_at)
       SELECT $1, COALESCE(MAX(version), 0) + 1, $2, $3, $4, $5::text::jsonb, $6::text::jsonb, $7, $8, CASE WHEN $8 = 'active' THEN clock_timestamp() END
       FROM model_versions WHERE kind = $1
       RETURNING *`,
      [
        m.kind,
        m.trainedAt.toISOString(),
        m.windowStart?.toISOString() ?? null,
        m.windowEnd?.toISOString() ?? null,
        JSON.stringify(m.features),
        JSON.stringify(m.metrics),
        m.artefactPath,
        m.status,
      ],
    );
    return fromRecord(row!);
  });
}

/** Every recorded version of `kind`, oldest first. */
export async function listModelVersions(db: Db, kind: string): Promise<ModelVersionRow[]> {
  const rows = await db.query('SELECT * FROM model_versions WHERE kind = $1 ORDER BY version', [kind]);
  return rows.map(fromRecord);
}

/** The active model of `kind`, or null. */
export async function activeModelVersion(db: Db, kind: string): Promise<ModelVersionRow | null> {
  const [row] = await db.query(
    `SELECT * FROM model_versions WHERE kind = $1 AND status = 'active' ORDER BY version DESC LIMIT 1`,
    [kind],
  );
  return row ? fromRecord(row) : null;
}
