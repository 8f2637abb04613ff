import { afterEach, describe, expect, it } from 'vitest';
import { allCommands, buildProgram, commandPath } from './main.ts';
import { runCli } from './testing.ts';

/** Every command and subcommand of `arbml`: adding, renaming or removing one must update this list. */
const COMMANDS = [
  'backtest',
  'bench',
  'bench bus',
  'bench dex',
  'bench gbdt',
  'bench ingest',
  'bench lstm',
  'bench scan',
  'bench simulate',
  'calibrate',
  'dashboard',
  'db',
  'db migrate',
  'db retain',
  'db status',
  'demo',
  'doctor',
  'eval',
  'eval gas',
  'evaluate',
  'import',
  'import candles',
  'import gas',
  'import pool',
  'info',
  'models',
  'models list',
  'models promote',
  'models rollback',
  'node',
  'quote',
  'retrain',
  'rig',
  'run',
  'simulate',
  'train',
  'train gas',
  'train rl',
  'train slippage',
  'verify',
  'verify contracts',
];

describe('arbml program', () => {
  it('has exactly the pinned commands and subcommands', async () => {
    const program = await buildProgram();
    const names = program.commands.flatMap(allCommands).map((c) => commandPath(c).replace(/^arbml /, ''));
    expect(names.sort()).toEqual(COMMANDS);
  });

  it('gives every command a description and help naming it', async () => {
    const program = await buildProgram();
    for (const cmd of program.commands.flatMap(allCommands)) {
      expect(cmd.description(), commandPath(cmd)).not.toBe('');
      expect(cmd.helpInformation()).toContain(cmd.name());
    }
  });
});

describe('log level (config logLevel, --verbose)', () => {
  const saved = process.env.ARBML_LOG_LEVEL;
  afterEach(() => {
    if (saved === undefined) delete process.env.ARBML_LOG_LEVEL;
    else process.env.ARBML_LOG_LEVEL = saved;
  });
  const benchDex = ['bench', 'dex', '--pools', '2', '--routes', '1', '--confirm', '1', '--json'];

  it('info lines at the default level, none at warn; stdout is the same JSON object either way', async () => {
    delete process.env.ARBML_LOG_LEVEL;
    const loud = await runCli(benchDex);
    expect(loud.code).toBe(0);
    expect(loud.stderr).toMatch(/^bench dex: built 2 pools and 1 routes$/m);
    process.env.ARBML_LOG_LEVEL = 'warn';
    const quiet = await runCli(benchDex);
    expect(quiet.code).toBe(0);
    expect(quiet.stderr).toBe('');
    expect(Object.keys(JSON.parse(quiet.stdout) as object)).toEqual(Object.keys(JSON.parse(loud.stdout) as object));
  });

  it('--verbose shows the resolved config at debug level, the database password redacted', async () => {
    const url = 'postgres://arb:s3cret@127.0.0.1:1/x';
    const plain = await runCli(['db', 'status', '--database-url', url]);
    expect(plain.stderr).not.toMatch(/config:/);
    const r = await runCli(['db', 'status', '--database-url', url, '--verbose']);
    expect(r.stderr).toMatch(/^config: \{.*"databaseUrl":"postgres:\/\/127\.0\.0\.1:1\/<redacted>".*\}$/m);
    expect(r.stderr + plain.stderr).not.toContain('s3cret');
    expect(r.code).toBe(3);
  });
});
