/**
 * `arbml run` safety at the CLI boundary, against the loopback rig: no secret (RPC URL path, private key) in stdout,
 * stderr, the ledger or the journal, whatever fails; chain identity checked against the node before anything runs.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { keccak256, toHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalChain } from '../../evm/localChain.ts';
import { startRpcNode, type RpcNode } from '../../live/testing/rpcNode.ts';
import { serveLoopback, type ServedLoopback } from '../../live/testing/serveLoopback.ts';
import { openStore } from '../../store/openStore.ts';
import { runCliCaptured } from '../testing.ts';

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping arbml run safety tests: ARBML_DATA_DIR unset');

/** A key nobody funded (not one of the rig's accounts). */
const UNFUNDED_KEY = keccak256(toHex('arbml unfunded test key'));
const SECRET = 'c0ffee5ecret9d41b7a2e8';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}

const toText = (rows: unknown): string =>
  JSON.stringify(rows, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));

describe.skipIf(!dataDir)('arbml run: secrets and chain identity', () => {
  let dir: string;
  let served: ServedLoopback;
  const saved: Record<string, string | undefined> = {};
  const setEnv = (k: string, v: string | undefined): void => {
    if (!(k in saved)) saved[k] = process.env[k];
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'arbml-safety-'));
    served = await serveLoopback({
      dataDir: dataDir!,
      marketFile: join(dir, 'market.json'),
      blockMs: 300,
      moveEveryMs: 500,
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

  /** Runs fork mode with this RPC URL and the unfunded key; returns every output the run left. */
  async function forkRun(rpcUrl: string, db: string): Promise<{ code: number; texts: string[]; stderr: string }> {
    setEnv('ARBML_RPC_URL_ETHEREUM', rpcUrl);
    setEnv('ARBML_PRIVATE_KEY', UNFUNDED_KEY);
    const r = await runCliCaptured([
      'run',
      '--mode',
      'fork',
      '--market',
      join(dir, 'market.json'),
      '--duration',
      '5',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      db,
    ]);
    expect(process.env.ARBML_PRIVATE_KEY).toBeUndefined(); // taken out of the environment at start
    setEnv('ARBML_RPC_URL_ETHEREUM', served.env.ARBML_RPC_URL_ETHEREUM);
    let ledger = '';
    if (existsSync(db)) {
      const store = await openStore({ dbPath: db, databaseUrl: undefined });
      try {
        ledger = toText(await store.readOpportunities());
      } finally {
        await store.close();
      }
    }
    const journal = existsSync(join(dir, 'journal.ndjson')) ? readFileSync(join(dir, 'journal.ndjson'), 'utf8') : '';
    return { code: r.code, texts: [r.stdout, r.stderr, ledger, journal], stderr: r.stderr };
  }

  const leaks = (texts: string[]): string[] =>
    [SECRET, UNFUNDED_KEY.slice(2)].filter((s) => texts.some((t) => t.toLowerCase().includes(s.toLowerCase())));

  it('an RPC URL with a key in its path on a closed port: exit 3, one line, no secret anywhere', async () => {
    const r = await forkRun(
      `http://127.0.0.1:${await closedPort()}/v3/${SECRET}?apikey=${SECRET}`,
      join(dir, 'db-closed'),
    );
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/arbml: RPC eth_chainId failed/);
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('arbml:')),
    ).toHaveLength(1);
    expect(leaks(r.texts)).toEqual([]);
  }, 60_000);

  it('an unfunded key against the rig (RPC key in the URL path): no secret or key in stdout, stderr, ledger or journal', async () => {
    const r = await forkRun(`${served.env.ARBML_RPC_URL_ETHEREUM}/v3/${SECRET}`, join(dir, 'db-unfunded'));
    expect(r.stderr).toMatch(/run: fork on ethereum via http:\/\/127\.0\.0\.1:\d+/);
    // The key is not FlashArb's owner either: every execute decision fails its pre-send simulation, nothing is sent.
    expect(r.stderr).toMatch(/execute -> skipped \(simulation_failed: /);
    expect(r.code).toBe(0);
    expect(leaks(r.texts)).toEqual([]);
  }, 60_000);

  it('run --help lists every limit with its default; a breached gas budget stops sending and exits 4', async () => {
    const help = await runCliCaptured(['run', '--help']);
    for (const flag of [
      '--max-fee-per-gas-gwei',
      '--max-priority-fee-gwei',
      '--max-bid-share',
      '--gas-budget-eth',
      '--max-loss-per-hour-eth',
      '--max-consecutive-reverts',
    ])
      expect(help.stdout).toContain(flag);
    expect(help.stdout).toMatch(/--gas-budget-eth <n>\s+Gas a run may spend in all, ETH.*\(default 0\.05\)/s);
    setEnv('ARBML_PRIVATE_KEY', '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80');
    const r = await runCliCaptured([
      'run',
      '--mode',
      'fork',
      '--market',
      join(dir, 'market.json'),
      '--duration',
      '5',
      '--poll-ms',
      '50',
      '--json',
      '--db-path',
      join(dir, 'db-budget'),
      '--gas-budget-eth',
      '0.00000001',
    ]);
    expect(r.code).toBe(4);
    const out = JSON.parse(r.stdout) as { sent: number; breaker: { limit: string } | null };
    expect(out.sent).toBe(0);
    expect(out.breaker?.limit).toBe('gas_budget');
    expect(r.stderr.match(/circuit breaker: gas_budget limit breached/g)).toHaveLength(1);
  }, 60_000);

  it('chain identity: a node reporting chain id 1 refuses --mode fork without the flag; a wrong market chain id exits 2', async () => {
    const spec = JSON.parse(readFileSync(join(dir, 'market.json'), 'utf8')) as { chainId: number };
    const mainnetLike = await startLocalChain({ chainId: 1 });
    let node: RpcNode | undefined;
    try {
      node = await startRpcNode(mainnetLike.provider);
      writeFileSync(join(dir, 'market-1.json'), JSON.stringify({ ...spec, chainId: 1 }));
      setEnv('ARBML_RPC_URL_ETHEREUM', node.url);
      setEnv('ARBML_PRIVATE_KEY', UNFUNDED_KEY);
      const fork = await runCliCaptured([
        'run',
        '--mode',
        'fork',
        '--market',
        join(dir, 'market-1.json'),
        '--duration',
        '2',
        '--db-path',
        join(dir, 'db-c1'),
      ]);
      expect(fork.code).toBe(2);
      expect(fork.stderr).toMatch(/chain id 1, not a local development chain.*--i-understand-this-sends-transactions/);
      // The same node with the market file of the rig (31337): identity mismatch, even in paper mode.
      const paper = await runCliCaptured([
        'run',
        '--mode',
        'paper',
        '--market',
        join(dir, 'market.json'),
        '--duration',
        '2',
        '--db-path',
        join(dir, 'db-c2'),
      ]);
      expect(paper.code).toBe(2);
      expect(paper.stderr).toMatch(/node reports chain id 1 but market file .* describes chain id 31337/);
    } finally {
      await node?.close();
      setEnv('ARBML_RPC_URL_ETHEREUM', served.env.ARBML_RPC_URL_ETHEREUM);
    }
    // The rig's node (31337) with a market file claiming chain id 5.
    writeFileSync(join(dir, 'market-5.json'), JSON.stringify({ ...spec, chainId: 5 }));
    const wrong = await runCliCaptured([
      'run',
      '--mode',
      'paper',
      '--market',
      join(dir, 'market-5.json'),
      '--duration',
      '2',
      '--db-path',
      join(dir, 'db-c3'),
    ]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/node reports chain id 31337 but market file .* describes chain id 5/);
  }, 60_000);
});
