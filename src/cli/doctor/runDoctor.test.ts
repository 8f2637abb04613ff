import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing.ts';
import { runDoctor } from './runDoctor.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-doctor-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const healthy = { dbPath: join(dir, 'db'), databaseUrl: undefined, dataDir: undefined };
const byName = async (o: Parameters<typeof runDoctor>[0]) => {
  const r = await runDoctor({ peers: false, ...o });
  return { ok: r.ok, check: (name: string) => r.checks.find((c) => c.name === name)! };
};

describe('arbml doctor', () => {
  it('passes on a healthy embedded configuration (data folder unset is only a warning)', async () => {
    const r = await byName({ config: healthy });
    expect(r.ok).toBe(true);
    expect(r.check('wasm_kernels')).toMatchObject({ ok: true, fix: '' });
    expect(r.check('embedded_db')).toMatchObject({ ok: true, required: true });
    expect(r.check('data_dir')).toMatchObject({ ok: false, required: false });
  });

  it('fails on a missing data folder, with its fix', async () => {
    const r = await byName({ config: { ...healthy, dataDir: join(dir, 'no-such-data') } });
    expect(r.ok).toBe(false);
    expect(r.check('data_dir')).toMatchObject({
      ok: false,
      required: true,
      detail: expect.stringContaining('does not exist'),
    });
    expect(r.check('data_dir').fix).toContain('ARBML_DATA_DIR');
  });

  it('fails on a missing WASM kernel, with its fix', async () => {
    const r = await byName({ config: healthy, kernels: [join(dir, 'lstmKernels.wasm')] });
    expect(r.ok).toBe(false);
    expect(r.check('wasm_kernels')).toMatchObject({ ok: false, fix: expect.stringContaining('npm run build:wasm') });
  });

  it('fails on an unreachable database and a silent NATS, with their fixes', async () => {
    const r = await byName({
      config: { ...healthy, databaseUrl: 'postgres://postgres:hunter2@127.0.0.1:1/x' },
      busUrl: 'nats://127.0.0.1:1',
    });
    expect(r.ok).toBe(false);
    expect(r.check('database_url')).toMatchObject({
      ok: false,
      required: true,
      fix: expect.stringContaining('start PostgreSQL'),
    });
    expect(JSON.stringify(r.check('database_url'))).not.toContain('hunter2');
    expect(r.check('nats')).toMatchObject({ ok: false, fix: expect.stringContaining('nats-server') });
  });

  it.skipIf(!process.env.ARBML_DATA_DIR)('finds every expected file in the real data folder', async () => {
    const r = await byName({ config: { ...healthy, dataDir: process.env.ARBML_DATA_DIR } });
    expect(r.check('data_dir')).toMatchObject({
      ok: true,
      detail: expect.stringMatching(/: all \d+ expected inputs present$/),
    });
  });

  it('prints the JSON contract and exits 3 when a required check fails', async () => {
    const out = await runCli([
      'doctor',
      '--json',
      '--no-peers',
      '--db-path',
      join(dir, 'db'),
      '--database-url',
      'postgres://127.0.0.1:1/x',
    ]);
    expect(out.code).toBe(3);
    const report = JSON.parse(out.stdout) as {
      ok: boolean;
      checks: { name: string; ok: boolean; detail: string; fix: string }[];
    };
    expect(report.ok).toBe(false);
    for (const c of report.checks)
      expect(Object.keys(c)).toEqual(expect.arrayContaining(['name', 'ok', 'detail', 'fix']));
    expect(report.checks.find((c) => c.name === 'database_url')!.ok).toBe(false);
  });
});
