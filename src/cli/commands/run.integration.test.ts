import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { InvalidInputError } from '../../core/errors.ts';
import { runAccount } from '../../live/runner/runAccount.ts';
import { HARDHAT_KEY_0 } from '../../live/testing/startLoopback.ts';
import { serveLoopback, type ServedLoopback } from '../../live/testing/serveLoopback.ts';
import { writeQuickModels } from '../../monitor/testing/quickModels.ts';
import { openStore } from '../../store/openStore.ts';
import { main } from '../main.ts';

/** Runs the CLI in-process; returns everything written to stdout and stderr. */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const out = vi
    .spyOn(process.stdout, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stdout += c.toString()), true));
  const err = vi
    .spyOn(process.stderr, 'write')
    .mockImplementation((c: string | Uint8Array) => ((stderr += c.toString()), true));
  try {
    return { code: await main(args), stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe('run: who may send', () => {
  it('paper needs no key; fork only to a loopback node; live only with the acknowledgement; bad keys never echoed', () => {
    expect(
      runAccount({ mode: 'paper', rpcUrl: 'https://rpc.example/KEY', acknowledged: false, chainId: 31337, env: {} }),
    ).toBeUndefined();
    expect(() =>
      runAccount({
        mode: 'fork',
        rpcUrl: 'https://rpc.example',
        acknowledged: true,
        chainId: 31337,
        env: { ARBML_PRIVATE_KEY: HARDHAT_KEY_0 },
      }),
    ).toThrow(/loopback/);
    expect(() =>
      runAccount({
        mode: 'live',
        rpcUrl: 'https://rpc.example',
        acknowledged: false,
        chainId: 31337,
        env: { ARBML_PRIVATE_KEY: HARDHAT_KEY_0 },
      }),
    ).toThrow(/i-understand-this-sends-transactions/);
    expect(() =>
      runAccount({ mode: 'live', rpcUrl: 'https://rpc.example', acknowledged: true, chainId: 31337, env: {} }),
    ).toThrow(/ARBML_PRIVATE_KEY/);
    const bad = '0x' + 'zz'.repeat(32);
    const e = (() => {
      try {
        runAccount({
          mode: 'fork',
          rpcUrl: 'http://127.0.0.1:8545',
          acknowledged: false,
          chainId: 31337,
          env: { ARBML_PRIVATE_KEY: bad },
        });
      } catch (x) {
        return x as Error;
      }
    })();
    expect(e).toBeInstanceOf(InvalidInputError);
    expect(e!.message).not.toContain('zz');
    expect(
      runAccount({
        mode: 'live',
        rpcUrl: 'https://rpc.example',
        acknowledged: true,
        chainId: 31337,
        env: { ARBML_PRIVATE_KEY: HARDHAT_KEY_0 },
      })!.address,
    ).toBe('0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
  });
});

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping arbml run loopback tests: ARBML_DATA_DIR unset');

describe.skipIf(!dataDir)('arbml run against the loopback node and exchange (embedded database)', () => {
  let dir: string;
  let served: ServedLoopback;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (k: string, v: string | undefined): void => {
    if (!(k in saved)) saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbml-run-'));
    served = await serveLoopback({
      dataDir: dataDir!,
      marketFile: join(dir, 'market.json'),
      blockMs: 300,
      moveEveryMs: 600,
    });
    for (const [k, v] of Object.entries(served.env)) setEnv(k, v);
    setEnv('DATABASE_URL', undefined);
    setEnv('ARBML_JOURNAL_PATH', join(dir, 'journal.ndjson'));
  }, 60_000);
  afterAll(async () => {
    await served?.close();
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });

  it('paper --decider ml: every logged opportunity was decided by the ML decider with the models of --models-dir', async () => {
    setEnv('ARBML_PRIVATE_KEY', undefined);
    const db = join(dir, 'db-ml');
    const models = join(dir, 'models');
    await writeQuickModels(models);
    const r = await run([
      'run',
      '--mode',
      'paper',
      '--market',
      join(dir, 'market.json'),
      '--duration',
      '4',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      db,
      '--decider',
      'ml',
      '--models-dir',
      models,
    ]);
    expect(r.code).toBe(0);
    const store = await openStore({ dbPath: db, databaseUrl: undefined });
    try {
      const rows = await store.readOpportunities();
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.decidedBy).toMatch(/^ml:slippage-/);
        expect(row.predictedSlippageBps).not.toBeNull();
        expect(row.executed).toBe(false);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('paper: logs opportunities whose CEX prices are the served quotes and whose DEX prices are the pools at that block', async () => {
    setEnv('ARBML_PRIVATE_KEY', undefined);
    const db = join(dir, 'db-paper');
    const r = await run([
      'run',
      '--mode',
      'paper',
      '--market',
      join(dir, 'market.json'),
      '--duration',
      '6',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      db,
    ]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(out.mode).toBe('paper');
    expect(out.sent).toBe(0);
    expect(out.blocks as number).toBeGreaterThan(5);
    expect(out.gas_rows).toBe(out.blocks);
    expect(out.pool_state_rows).toBe((out.blocks as number) * 3);
    const store = await openStore({ dbPath: db, databaseUrl: undefined });
    try {
      const rows = await store.readOpportunities();
      expect(rows.length).toBe(out.rows_logged);
      expect(rows.length).toBeGreaterThan(0);
      const mids = new Set(served.loopback.exchange.served.map((q) => Number(((q.bid + q.ask) / 2).toFixed(8))));
      for (const row of rows) {
        expect(mids.has(Number(row.cexPrice))).toBe(true);
        expect(row.executed).toBe(false);
        expect(row.outcome).toBe('skipped');
        const pools = await store.db.query<{
          reserve0: string | null;
          reserve1: string | null;
          sqrt_price_x96: string | null;
        }>('SELECT reserve0::text, reserve1::text, sqrt_price_x96::text FROM pool_states WHERE block_number = $1', [
          row.blockNumber!.toString(),
        ]);
        const prices = pools.map((p) =>
          p.reserve0
            ? (Number(p.reserve0) / Number(p.reserve1)) * 1e12
            : 1e12 / (Number(p.sqrt_price_x96) / 2 ** 96) ** 2,
        );
        expect(prices.some((p) => Math.abs(p - Number(row.dexPrice)) < 1e-6 * p)).toBe(true);
      }
    } finally {
      await store.close();
    }
  }, 60_000);

  it('fork: trades are sent and logged with receipts; the key appears in no output, ledger row or journal', async () => {
    setEnv('ARBML_PRIVATE_KEY', HARDHAT_KEY_0);
    const db = join(dir, 'db-fork');
    const r = await run([
      'run',
      '--mode',
      'fork',
      '--market',
      join(dir, 'market.json'),
      '--duration',
      '6',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      db,
    ]);
    setEnv('ARBML_PRIVATE_KEY', undefined);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { sent: number; outcomes: Record<string, number> };
    expect(out.sent).toBeGreaterThan(0);
    const store = await openStore({ dbPath: db, databaseUrl: undefined });
    let rowsText: string;
    try {
      const rows = await store.readOpportunities();
      const sent = rows.filter((x) => x.executed);
      expect(sent.length).toBe(out.sent);
      for (const x of sent) {
        expect(['success', 'reverted', 'not_included']).toContain(x.outcome);
        if (x.outcome !== 'not_included') expect(x.gasUsed! > 21_000n).toBe(true);
      }
      rowsText = JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
    } finally {
      await store.close();
    }
    const journal = existsSync(join(dir, 'journal.ndjson')) ? readFileSync(join(dir, 'journal.ndjson'), 'utf8') : '';
    const bare = HARDHAT_KEY_0.slice(2).toLowerCase();
    for (const text of [r.stdout, r.stderr, rowsText, journal]) expect(text.toLowerCase()).not.toContain(bare);
    expect(r.stderr).toContain('sending from 0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266');
  }, 60_000);
});
