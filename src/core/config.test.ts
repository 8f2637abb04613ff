import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configSchema, envNameFor, loadConfig } from './config.ts';
import { InvalidInputError } from './errors.ts';

const noFile = join(tmpdir(), 'arbml-no-such-dir', 'nothing.json');

describe('loadConfig', () => {
  it('gives defaults when nothing is set', () => {
    const cfg = loadConfig({ env: {}, file: undefined, flags: {} });
    expect(cfg.dbPath).toBe('.arbml/db');
    expect(cfg.seed).toBe(1);
    expect(cfg.databaseUrl).toBeUndefined();
  });

  it('flags beat environment, which beats the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbml-cfg-'));
    const file = join(dir, 'arbml.config.json');
    writeFileSync(file, JSON.stringify({ seed: 3, dbPath: 'from-file', logLevel: 'warn' }));
    const cfg = loadConfig({ file, env: { ARBML_SEED: '5', ARBML_DB_PATH: 'from-env' }, flags: { seed: 9 } });
    expect(cfg.seed).toBe(9);
    expect(cfg.dbPath).toBe('from-env');
    expect(cfg.logLevel).toBe('warn');
  });

  it('reads DATABASE_URL', () => {
    const cfg = loadConfig({ env: { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' } });
    expect(cfg.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/test');
  });

  it('names the key and what is allowed on a bad value', () => {
    expect(() => loadConfig({ env: { ARBML_LOG_LEVEL: 'loud' } })).toThrow(/invalid config value for "logLevel"/);
    expect(() => loadConfig({ env: { DATABASE_URL: 'mysql://x' } })).toThrow(InvalidInputError);
    expect(() => loadConfig({ file: noFile })).toThrow(/config file not found/);
  });

  it('rejects unknown keys in the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'arbml-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ sead: 1 }));
    expect(() => loadConfig({ file, env: {} })).toThrow(/unknown config key "sead"/);
  });

  it('reads booleans as words: ARBML_PROGRESS=false is false', () => {
    expect(loadConfig({ env: {} }).progress).toBe(true);
    expect(loadConfig({ env: { ARBML_PROGRESS: 'false' } }).progress).toBe(false);
    expect(loadConfig({ env: { ARBML_PROGRESS: '0' } }).progress).toBe(false);
    expect(loadConfig({ env: { ARBML_PROGRESS: 'off' } }).progress).toBe(false);
    expect(loadConfig({ env: { ARBML_PROGRESS: 'true' } }).progress).toBe(true);
    expect(loadConfig({ env: {}, flags: { progress: false } }).progress).toBe(false);
    expect(() => loadConfig({ env: { ARBML_PROGRESS: 'maybe' } })).toThrow(/invalid config value for "progress"/);
  });

  it('parses chains once into a list of known chains', () => {
    expect(loadConfig({ env: {} }).chains).toEqual(['ethereum', 'polygon']);
    expect(loadConfig({ env: { ARBML_CHAINS: 'polygon' } }).chains).toEqual(['polygon']);
    expect(loadConfig({ env: {}, flags: { chains: 'polygon, ethereum,polygon' } }).chains).toEqual([
      'polygon',
      'ethereum',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'arbml-cfg-'));
    const file = join(dir, 'c.json');
    writeFileSync(file, JSON.stringify({ chains: ['ethereum'] }));
    expect(loadConfig({ file, env: {} }).chains).toEqual(['ethereum']);
    expect(() => loadConfig({ env: { ARBML_CHAINS: 'ethereum,solana' } })).toThrow(
      /invalid config value for "chains": a comma list of ethereum, polygon/,
    );
    expect(() => loadConfig({ env: {}, flags: { chains: '' } })).toThrow(/"chains"/);
  });

  it('maps keys to ARBML_ environment names', () => {
    expect(envNameFor('dbPath')).toBe('ARBML_DB_PATH');
    expect(envNameFor('seed')).toBe('ARBML_SEED');
  });
});

describe('README Configuration table', () => {
  it('lists every key with its environment name and default, and no other key', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('\n## ', readme.indexOf('## Configuration') + 1),
    );
    const rows = new Map(
      section
        .split('\n')
        .filter((l) => /^\|\s*[a-z][A-Za-z]*\s*\|\s*[A-Z]/.test(l))
        .map((l) => {
          const [key, env, def] = l
            .split('|')
            .slice(1, 4)
            .map((c) => c.trim());
          return [key!, { env: env!, def: def! }];
        }),
    );
    const defaults = configSchema.parse({}) as Record<string, unknown>;
    expect([...rows.keys()].sort()).toEqual(Object.keys(configSchema.shape).sort());
    for (const [key, row] of rows) {
      expect(row.env, key).toContain(envNameFor(key));
      const d = defaults[key];
      const shown = d === undefined ? 'unset' : `\`${Array.isArray(d) ? d.join(',') : String(d)}\``;
      expect(row.def, key).toBe(shown);
    }
  });
});
