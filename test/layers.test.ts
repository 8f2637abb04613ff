/**
 * The layer rules (.dependency-cruiser.cjs) on a scratch tree: the real source passes, and a planted upward import
 * (dex importing exec), a planted cycle and a domain runtime import of dex each fail with their rule's name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync, copyFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');
const bin = join(repo, 'node_modules', '.bin', 'depcruise');
const scratch = mkdtempSync(join(tmpdir(), 'arbml-layers-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function cruise(files: Record<string, string>): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(scratch, 'tree-'));
  copyFileSync(join(repo, '.dependency-cruiser.cjs'), join(dir, '.dependency-cruiser.cjs'));
  copyFileSync(join(repo, 'tsconfig.json'), join(dir, 'tsconfig.json'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  try {
    const output = execFileSync(bin, ['src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return { ok: true, output };
  } catch (err) {
    return { ok: false, output: String((err as { stdout?: string }).stdout ?? err) };
  }
}

describe('layer rules', () => {
  it('accept imports that go down the pipeline', () => {
    const r = cruise({
      'src/exec/run.ts': "import { swap } from '../dex/swap.ts';\nexport const run = swap;\n",
      'src/dex/swap.ts': 'export const swap = 1;\n',
    });
    expect(r.output).toContain('no dependency violations');
    expect(r.ok).toBe(true);
  });

  it('reject dex importing exec', () => {
    const r = cruise({
      'src/dex/swap.ts': "import { run } from '../exec/run.ts';\nexport const swap = run;\n",
      'src/exec/run.ts': 'export const run = 1;\n',
    });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('layer-dex');
  });

  it('reject a file-level cycle inside one folder', () => {
    const r = cruise({
      'src/exec/a.ts': "import { b } from './b.ts';\nexport const a = b;\n",
      'src/exec/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    });
    expect(r.ok).toBe(false);
    expect(r.output).toContain('no-circular');
  });

  it('reject a runtime import of dex from domain but allow a type-only one', () => {
    const runtime = cruise({
      'src/domain/opp.ts': "import { swap } from '../dex/swap.ts';\nexport const o = swap;\n",
      'src/dex/swap.ts': 'export const swap = 1;\n',
    });
    expect(runtime.ok).toBe(false);
    expect(runtime.output).toContain('domain-types-only');
    const typeOnly = cruise({
      'src/domain/opp.ts': "import type { Swap } from '../dex/swap.ts';\nexport type O = Swap;\n",
      'src/dex/swap.ts': 'export type Swap = number;\n',
    });
    expect(typeOnly.ok).toBe(true);
  });
});
