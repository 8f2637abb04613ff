import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli/main.ts';
import { InvalidInputError } from '../core/errors.ts';
import type { Decider } from '../domain/decider.ts';
import type { Opportunity } from '../domain/opportunity.ts';
import { simulateToStore } from '../exec/simulateToStore.ts';
import { listModelVersions } from '../store/modelVersions.ts';
import { openStore, type Store } from '../store/openStore.ts';
import { slippageFeaturesOf } from './slippageFeaturesOf.ts';
import { toFeatureVector } from './slippageFeatures.ts';
import { SlippagePredictor } from './slippagePredictor.ts';
import { readSlippageTrainingRows, trainSlippageFromLedger } from './trainSlippageFromLedger.ts';

/** The heuristic, remembering every opportunity it was shown (by id). */
function recordingDecider(seen: Map<string, Opportunity>): Decider {
  // Executes every offer: since the searchers race for every edge the heuristic sends too few trades in a short
  // run to train on; an always-execute bot gives the trainer its executed rows and their realised slippage.
  const inner: Decider = {
    name: 'always-execute',
    decide: () => ({ decision: 'execute', sizeFactor: 1, estimatedSlippageBps: 50, decidedBy: 'always-execute' }),
  };
  return { name: inner.name, decide: (o, c) => (seen.set(o.id, o), inner.decide(o, c)) };
}

describe('slippage model trained from a 1-day simulated ledger (embedded database)', () => {
  let dir: string;
  let store: Store;
  const seen = new Map<string, Opportunity>();
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbml-train-slippage-'));
    store = await openStore({ dbPath: join(dir, 'db'), databaseUrl: undefined });
    await simulateToStore({
      seed: 11,
      days: 1,
      chains: ['polygon'],
      decider: recordingDecider(seen),
      insert: (rows) => store.insertOpportunities(rows),
      journalPath: join(dir, 'journal.ndjson'),
    });
  }, 60_000);
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('maps a ledger row and the live opportunity it came from to the same feature vector', async () => {
    const rows = await readSlippageTrainingRows(store.db, 30);
    expect(rows.length).toBeGreaterThan(20);
    let compared = 0;
    for (const row of rows) {
      const opp = seen.get(row.id);
      expect(opp).toBeDefined();
      const routeIndex = (row.route as { route_index: number }).route_index;
      const fromRow = toFeatureVector(slippageFeaturesOf(row));
      const fromOpp = toFeatureVector(slippageFeaturesOf(opp!, routeIndex));
      expect(fromRow).toEqual(fromOpp);
      expect(fromRow[5]).toBe(1); // is_polygon
      expect(fromRow[9]).toBe(opp!.routes[routeIndex]!.route.hops.some((h) => h.pool.kind === 'v3') ? 1 : 0);
      compared++;
    }
    expect(compared).toBe(rows.length);
  });

  it('refuses under --min-samples with an InvalidInputError naming the count', async () => {
    const rows = await readSlippageTrainingRows(store.db, 30);
    const err = await trainSlippageFromLedger({
      db: store.db,
      minSamples: rows.length + 1,
      modelsDir: join(dir, 'never'),
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InvalidInputError);
    expect((err as Error).message).toContain(`${rows.length} usable executed opportunities`);
    expect((err as Error).message).toContain(`need at least ${rows.length + 1}`);
    expect(await listModelVersions(store.db, 'slippage')).toEqual([]);
  });

  it('arbml train slippage on an empty ledger exits 2 with the refusal on stderr and nothing on stdout', async () => {
    let stdout = '';
    let stderr = '';
    const out = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stdout += c.toString()), true));
    const err = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((c: string | Uint8Array) => ((stderr += c.toString()), true));
    const url = process.env.DATABASE_URL;
    delete process.env.DATABASE_URL;
    try {
      const code = await main([
        'train',
        'slippage',
        '--db-path',
        join(dir, 'empty-db'),
        '--models-dir',
        join(dir, 'never'),
        '--json',
      ]);
      expect(code).toBe(2);
    } finally {
      out.mockRestore();
      err.mockRestore();
      if (url !== undefined) process.env.DATABASE_URL = url;
    }
    expect(stdout).toBe('');
    expect(stderr).toContain('0 usable executed opportunities with actual slippage in the last 30 days');
    expect(stderr).toContain('need at least 50');
  }, 30_000);

  it('trains, saves a loadable model and records it in model_versions', async () => {
    const rows = await readSlippageTrainingRows(store.db, 30);
    const modelsDir = join(dir, 'models');
    const r = await trainSlippageFromLedger({
      db: store.db,
      minSamples: 20,
      rounds: 30,
      modelsDir,
      trainedAt: new Date('2026-01-01T00:00:00Z'),
    });
    expect(r.samples).toBe(rows.length);
    expect(r.rejected).toBe(0);
    expect(r.static_mae_bps).toBeGreaterThan(40);
    expect(r.holdout_mae_bps).toBeLessThan(r.static_mae_bps / 3);
    // realised slippage has a real spread now: most executed trades met pools that moved (it was > 0.5 exactly 0)
    expect(r.target.zero_share).toBeLessThan(0.5);
    expect(r.path).toBe(join(modelsDir, 'slippage_xgb.json'));
    const loaded = SlippagePredictor.load(r.path);
    expect(loaded.version).toBe(r.version);
    const x = slippageFeaturesOf(rows[0]!);
    expect(Number.isFinite(loaded.predictSlippageBps(x))).toBe(true);
    const versions = await listModelVersions(store.db, 'slippage');
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      kind: 'slippage',
      version: 1,
      status: r.status,
      artefactPath: r.path,
      windowStart: rows[0]!.timestamp,
    });
    expect(versions[0]!.metrics.holdout_mae_bps).toBeCloseTo(r.holdout_mae_bps, 12);
    expect(versions[0]!.features).toEqual(loaded.meta.features);
    const again = await trainSlippageFromLedger({ db: store.db, minSamples: 20, rounds: 30, modelsDir });
    expect(again.registry_version).toBe(2);
    const after = await listModelVersions(store.db, 'slippage');
    expect(after.filter((v) => v.status === 'active').length).toBeLessThanOrEqual(1);
  });
});
