/**
 * Every command, given a bad argument, fails with one line on stderr (no stack) and exit code 2; an unreachable
 * database fails with exit code 3. The commands are read from the program itself, so a new command without a case
 * here fails this test until it gets one.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allCommands, buildProgram, commandPath } from './main.ts';
import { runCli } from './testing.ts';

const missing = join(tmpdir(), 'arbml-no-such-dir', 'missing');

/** One bad invocation per command (without the leading `arbml`) and the message it must print. */
const CASES: Record<string, { args: string[]; message: RegExp }> = {
  backtest: { args: ['backtest', '--days', '-1'], message: /--days must be a number > 0, got -1/ },
  'bench dex': { args: ['bench', 'dex', '--seed', 'x'], message: /--seed must be a non-negative integer, got x/ },
  'bench gbdt': { args: ['bench', 'gbdt', '--rows', '5'], message: /--rows must be an integer >= 100, got 5/ },
  'bench ingest': { args: ['bench', 'ingest', '--rows', '0'], message: /--rows must be a positive integer, got 0/ },
  'bench lstm': { args: ['bench', 'lstm', '--sequences', '1'], message: /--sequences must be an integer >= 64, got 1/ },
  'bench scan': { args: ['bench', 'scan', '--pools', '1'], message: /--pools must be an integer >= 2, got 1/ },
  'bench simulate': { args: ['bench', 'simulate', '--days', '-1'], message: /--days must be a number > 0, got -1/ },
  calibrate: { args: ['calibrate', '--data', `${missing}.d`], message: /real data folder not found: .*missing\.d/ },
  dashboard: { args: ['dashboard', '--port', '70000'], message: /--port must be an integer 0..65535, got "70000"/ },
  'db migrate': {
    args: ['db', 'migrate', '--config', `${missing}.json`],
    message: /config file not found: .*missing\.json/,
  },
  'db status': {
    args: ['db', 'status', '--database-url', 'mysql://x'],
    message: /invalid config value for "databaseUrl"/,
  },
  demo: { args: ['demo', '--days', '0'], message: /--days must be a number > 0, got 0/ },
  evaluate: { args: ['evaluate', '--seeds', '0'], message: /--seeds must be an integer >= 1, got 0/ },
  'eval gas': {
    args: ['eval', 'gas', '--protocol', 'butler-crane', '--data', `${missing}.csv`],
    message: /gas file not found: .*missing\.csv/,
  },
  'import candles': { args: ['import', 'candles', `${missing}.json`], message: /file not found: .*missing\.json/ },
  'import gas': { args: ['import', 'gas', `${missing}.csv`], message: /file not found: .*missing\.csv/ },
  'import pool': { args: ['import', 'pool', `${missing}.csv`], message: /file not found: .*missing\.csv/ },
  'models list': { args: ['models', 'list', '--kind', 'weather'], message: /unknown model kind weather/ },
  'models promote': {
    args: ['models', 'promote', 'gas', 'one'],
    message: /version must be a positive integer, got one/,
  },
  'models rollback': { args: ['models', 'rollback', 'weather'], message: /unknown model kind weather/ },
  quote: {
    args: ['quote', '--chain', 'ethereum', '--pools', `${missing}.json`],
    message: /cannot read pools file .*missing\.json/,
  },
  retrain: { args: ['retrain', '--kinds', 'slippage,weather'], message: /--kinds: unknown model kind weather/ },
  run: { args: ['run', '--mode', 'yolo'], message: /--mode must be paper, fork or live, got yolo/ },
  simulate: { args: ['simulate', '--seed', 'x'], message: /invalid config value for "seed"/ },
  'train gas': {
    args: ['train', 'gas', '--data', `${missing}.csv`],
    message: /gas data file not found: .*missing\.csv/,
  },
  'train rl': { args: ['train', 'rl', '--episodes', '0'], message: /--episodes must be a positive integer, got 0/ },
  'train slippage': { args: ['train', 'slippage', '--days', '-1'], message: /--days must be a number > 0, got -1/ },
  info: { args: ['info', 'extra-argument'], message: /too many arguments for 'info'/ },
  'bench bus': {
    args: ['bench', 'bus', '--strategies', '0'],
    message: /--strategies must be a positive integer, got 0/,
  },
  'db retain': {
    args: ['db', 'retain', '--older-than', 'ninety days'],
    message: /--older-than must look like 90d, 12h or 30m/,
  },
  node: {
    args: ['node', '--role', 'oracle'],
    message: /--role must be one of collector, strategy, executor, ledger, worker, got oracle/,
  },
  rig: { args: ['rig'], message: /--dir DIR is required/ },
  'verify contracts': {
    args: ['verify', 'contracts', '--cases', '0'],
    message: /--cases must be a positive integer, got 0/,
  },
  doctor: { args: ['doctor', '--bus', 'http://x'], message: /--bus must be a nats:\/\/host:port URL, got http:\/\/x/ },
};

/** More bad input on commands that take files, seeds or config values (any command may add some). */
const MORE: { args: string[]; message: RegExp }[] = [
  { args: ['simulate', '--days', '1', '--cex', `${missing}.json`], message: /--cex: file not found: .*missing\.json/ },
  { args: ['simulate', '--chains', 'ethereum,solana'], message: /invalid config value for "chains": a comma list of/ },
  { args: ['backtest', '--gas', `${missing}.csv`], message: /--gas: file not found: .*missing\.csv/ },
  { args: ['train', 'gas', '--data', `${missing}.csv`, '--seed', 'x'], message: /invalid config value for "seed"/ },
  { args: ['run', '--market', `${missing}.json`], message: /cannot read market description/ },
  { args: ['db', 'status', '--db-path', ''], message: /invalid config value for "dbPath"/ },
];

const leaves = (await buildProgram()).commands.flatMap(allCommands).filter((c) => c.commands.length === 0);
const leafNames = leaves.map((c) => commandPath(c).replace(/^arbml /, ''));

function expectOneLine(stderr: string): void {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines, stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^arbml: /);
  expect(stderr).not.toMatch(/^\s+at /m);
}

describe('bad arguments: one line and exit code 2', () => {
  let dir: string;
  const saved = {
    ARBML_DB_PATH: process.env.ARBML_DB_PATH,
    DATABASE_URL: process.env.DATABASE_URL,
    ARBML_DATA_DIR: process.env.ARBML_DATA_DIR,
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'arbml-bad-args-'));
    delete process.env.DATABASE_URL;
    delete process.env.ARBML_DATA_DIR;
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    rmSync(dir, { recursive: true, force: true });
  });

  it('has a case for every command of the program and no case for a command that is gone', () => {
    expect(leafNames.length).toBeGreaterThan(20);
    expect(Object.keys(CASES).sort()).toEqual([...leafNames].sort());
  });

  it.each(leafNames)('%s: a bad argument', async (name) => {
    const c = CASES[name];
    expect(c, `add a bad-argument case for "arbml ${name}" to CASES`).toBeDefined();
    // A bad argument is refused before the store is opened; if a case got that far, the store would land here.
    const db = join(dir, name.replace(/ /g, '-'));
    process.env.ARBML_DB_PATH = db;
    const r = await runCli(c!.args);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(c!.message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it.each(MORE.map((c) => [c.args.join(' '), c] as const))('%s', async (_name, c) => {
    const db = join(dir, 'more');
    process.env.ARBML_DB_PATH = db;
    const r = await runCli(c.args);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(c.message);
    expect(r.stdout).toBe('');
    expect(r.code).toBe(2);
    expect(existsSync(db)).toBe(false);
  });

  it.each(leafNames)('%s: an unknown option', async (name) => {
    const r = await runCli([...name.split(' '), '--no-such-option']);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/unknown option '--no-such-option'|required option|missing required argument/);
    expect(r.stderr).toContain(`(see arbml ${name} --help)`);
    expect(r.code).toBe(2);
  });

  it('an unknown command', async () => {
    const r = await runCli(['simulat']);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/unknown command 'simulat'/);
    expect(r.code).toBe(2);
  });
});

describe('an unreachable service: one line and exit code 3', () => {
  it('db status against a closed port', async () => {
    const r = await runCli(['db', 'status', '--database-url', 'postgres://postgres@127.0.0.1:1/x']);
    expectOneLine(r.stderr);
    expect(r.stderr).toMatch(/^arbml: cannot reach PostgreSQL at postgres:\/\/127\.0\.0\.1:1 \(/);
    expect(r.code).toBe(3);
  });

  it('the stack only with --verbose, before or after the command', async () => {
    const url = ['--database-url', 'postgres://postgres@127.0.0.1:1/x'];
    for (const args of [
      ['--verbose', 'db', 'status', ...url],
      ['db', 'status', ...url, '--verbose'],
    ]) {
      const r = await runCli(args);
      expect(r.stderr).toMatch(/^arbml: cannot reach PostgreSQL/m);
      expect(r.stderr).toMatch(/^\s+at /m);
      expect(r.code).toBe(3);
    }
  });
});
