/**
 * Registry operations on both backends: recording an active model retires the previous one; promote makes any
 * recorded version active; rollback rejects the active version and re-activates the one active before it, and
 * refuses when there is none; unknown versions are bad input.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.ts';
import { listAllModelVersions, promoteModelVersion, rollbackModel } from './modelRegistry.ts';
import { recordModelVersion } from './modelVersions.ts';
import { openTestStore, testBackends, type TestStore } from './testing.ts';

const model = (kind: string, status: 'active' | 'candidate', mae: number) => ({
  kind,
  trainedAt: new Date(Date.UTC(2021, 11, 1)),
  features: ['a'],
  metrics: { holdout_mae_bps: mae },
  artefactPath: null,
  status,
});

for (const backend of testBackends()) {
  describe.skipIf(backend.skipReason)(`model registry (${backend.name})`, () => {
    let t: TestStore;
    beforeAll(async () => {
      t = await openTestStore(backend, 'model_registry');
    });
    afterAll(async () => t?.cleanup());

    const statuses = async (kind: string) =>
      (await listAllModelVersions(t.store.db, kind)).map((r) => `${r.version}:${r.status}`);

    it('records, promotes and rolls back', async () => {
      const db = t.store.db;
      await recordModelVersion(db, model('slippage', 'active', 3));
      await recordModelVersion(db, model('slippage', 'candidate', 4));
      await recordModelVersion(db, model('slippage', 'active', 2));
      await recordModelVersion(db, model('gas', 'active', 9));
      expect(await statuses('slippage')).toEqual(['1:retired', '2:candidate', '3:active']);
      // JSON columns hold objects, not JSON text (a driver that double-encodes would store a string).
      const [first] = await listAllModelVersions(db, 'slippage');
      expect([first!.metrics, first!.features]).toEqual([{ holdout_mae_bps: 3 }, ['a']]);
      const [typed] = await db.query<{ m: string; f: string }>(
        `SELECT jsonb_typeof(metrics) AS m, jsonb_typeof(features) AS f FROM model_versions WHERE kind = 'slippage' AND version = 1`,
      );
      expect(typed).toEqual({ m: 'object', f: 'array' });
      expect((await listAllModelVersions(db)).map((r) => `${r.kind}${r.version}`)).toEqual([
        'gas1',
        'slippage1',
        'slippage2',
        'slippage3',
      ]);

      await promoteModelVersion(db, 'slippage', 2);
      expect(await statuses('slippage')).toEqual(['1:retired', '2:active', '3:retired']);
      expect((await listAllModelVersions(db, 'slippage'))[1]!.activatedAt).toBeInstanceOf(Date);

      expect(await rollbackModel(db, 'slippage')).toEqual({ from: 2, to: 3 });
      expect(await statuses('slippage')).toEqual(['1:retired', '2:rejected', '3:active']);
      expect(await rollbackModel(db, 'slippage')).toEqual({ from: 3, to: 1 });
      expect(await statuses('slippage')).toEqual(['1:active', '2:rejected', '3:rejected']);
      await expect(rollbackModel(db, 'slippage')).rejects.toThrow(/no earlier active slippage model/);
      expect(await statuses('gas')).toEqual(['1:active']);
    });

    it('rejects unknown versions and kinds without an active model', async () => {
      await expect(promoteModelVersion(t.store.db, 'slippage', 99)).rejects.toBeInstanceOf(InvalidInputError);
      await expect(rollbackModel(t.store.db, 'rl')).rejects.toThrow(/no active rl model/);
    });
  });
}
