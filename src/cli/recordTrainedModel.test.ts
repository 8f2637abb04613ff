/**
 * Training commands record their model as a candidate in the store of the command's config (its --db-path,
 * --database-url, --config), numbered per kind; an unreachable store leaves the model file as it is and returns
 * null with a warning instead of failing the training.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openStore } from '../store/openStore.ts';
import { listModelVersions } from '../store/modelVersions.ts';
import { recordTrainedModel } from './recordTrainedModel.ts';

const saved = { db: process.env.ARBML_DB_PATH, url: process.env.DATABASE_URL };
afterEach(() => {
  for (const [k, v] of [
    ['ARBML_DB_PATH', saved.db],
    ['DATABASE_URL', saved.url],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  vi.restoreAllMocks();
});

const model = {
  kind: 'rl',
  trainedAt: new Date(Date.UTC(2021, 11, 1)),
  features: ['edge_bps'],
  metrics: { pct_of_oracle: 0.7 },
  artefactPath: 'models/rl_policy.json',
};

describe('recordTrainedModel', () => {
  it("records candidates 1, 2 of a kind in the store of the command's config, not the environment's", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbml-record-'));
    // What a loadConfig({}) inside would have used instead of the command's --db-path:
    process.env.ARBML_DB_PATH = join(dir, 'env-db');
    delete process.env.DATABASE_URL;
    const config = { dbPath: join(dir, 'flag-db'), databaseUrl: undefined };
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    expect(await recordTrainedModel({ config, model })).toBe(1);
    expect(await recordTrainedModel({ config, model })).toBe(2);
    expect(existsSync(join(dir, 'env-db'))).toBe(false);
    const store = await openStore(config);
    try {
      const rows = await listModelVersions(store.db, 'rl');
      expect(rows.map((r) => [r.version, r.status, r.metrics])).toEqual([
        [1, 'candidate', { pct_of_oracle: 0.7 }],
        [2, 'candidate', { pct_of_oracle: 0.7 }],
      ]);
      expect(rows[0]!.artefactPath).toBe(join(process.cwd(), 'models/rl_policy.json'));
    } finally {
      await store.close();
    }
  });

  it('returns null with a warning when the store cannot be opened', async () => {
    let err = '';
    vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += c.toString()), true));
    const config = { dbPath: '.arbml/unused', databaseUrl: 'postgres://nobody@127.0.0.1:1/none' };
    expect(await recordTrainedModel({ config, model })).toBeNull();
    expect(err).toMatch(/rl model written to models\/rl_policy.json but not recorded in model_versions/);
  });
});
