/** `arbml rig`: one command brings up the chain and the exchange; `arbml run` works against what it writes. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../main.ts';
import { runCliCaptured } from '../testing.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping arbml rig test: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('arbml rig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'arbml-rig-'));
  const saved = { ...process.env };
  afterAll(() => {
    for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
    Object.assign(process.env, saved);
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes market.json and env.sh once everything answers; paper and fork runs work against it; stops after --duration', async () => {
    const started = Date.now();
    const rig = main([
      'rig',
      '--dir',
      join(dir, 'rig'),
      '--duration',
      '50',
      '--moves',
      '--block-ms',
      '300',
      '--move-every-ms',
      '600',
      '--chain-id',
      '1337',
    ]);
    const envFile = join(dir, 'rig', 'env.sh');
    while (!existsSync(envFile)) {
      if (Date.now() - started > 30_000) throw new Error('rig never wrote env.sh');
      await new Promise((r) => setTimeout(r, 100));
    }
    const env = Object.fromEntries(
      [...readFileSync(envFile, 'utf8').matchAll(/^export (\w+)=(.*)$/gm)].map((m) => [m[1]!, m[2]!]),
    );
    expect(Object.keys(env).sort()).toEqual([
      'ARBML_BINANCE_API_URL',
      'ARBML_OANDA_API_URL',
      'ARBML_OANDA_TOKEN',
      'ARBML_PRIVATE_KEY',
      'ARBML_RPC_URL_ETHEREUM',
    ]);
    const market = JSON.parse(readFileSync(join(dir, 'rig', 'market.json'), 'utf8')) as { chainId: number };
    expect(market.chainId).toBe(1337);
    Object.assign(process.env, env, { ARBML_JOURNAL_PATH: join(dir, 'journal.ndjson') });
    delete process.env.DATABASE_URL;

    const paper = await runCliCaptured([
      'run',
      '--mode',
      'paper',
      '--market',
      join(dir, 'rig', 'market.json'),
      '--duration',
      '4',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      join(dir, 'db'),
    ]);
    expect(paper.code).toBe(0);
    const p = JSON.parse(paper.stdout) as { blocks: number; sent: number };
    expect(p.blocks).toBeGreaterThan(3);
    expect(p.sent).toBe(0);

    process.env.ARBML_PRIVATE_KEY = env.ARBML_PRIVATE_KEY;
    const fork = await runCliCaptured([
      'run',
      '--mode',
      'fork',
      '--market',
      join(dir, 'rig', 'market.json'),
      '--duration',
      '5',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      join(dir, 'db'),
    ]);
    expect(fork.code).toBe(0);
    const f = JSON.parse(fork.stdout) as { blocks: number; outcomes: Record<string, number> };
    expect(f.blocks).toBeGreaterThan(3);
    expect(fork.stderr).toContain('sending from 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');

    // The rig serves until --duration (50 s: room for both runs on a loaded machine), then exits 0.
    expect(await rig).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(50_000);
  }, 120_000);
});
