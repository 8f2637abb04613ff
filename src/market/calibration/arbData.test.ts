import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCexDexTipRatios } from './arbData.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-arbdata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readCexDexTipRatios', () => {
  it('reads (priority + coinbase) / base fee per row and names each bad row', () => {
    const path = file(
      'tips.csv',
      'tx,base_fees,priority_fees,cb_transfer\n' +
        'a,0.002,0.001,0.003\n' +
        'b,0,0.001,0\n' +
        'c,0.001,x,0\n' +
        'd,0.001,0,0\n' +
        'e,0.004,0.001\n' +
        'f,0.001,0.0005,0\n',
    );
    const r = readCexDexTipRatios(path);
    expect(r.values).toEqual([2, 0.5]);
    expect(r.rejected).toEqual([
      `${path}:3: base_fees: not positive (0)`,
      `${path}:4: priority_fees: not a number ("x")`,
      `${path}:5: priority_fees + cb_transfer: nothing paid`,
      `${path}:6: missing fields (3 of 4 fields)`,
    ]);
  });

  it('a missing column is one error naming it, not a misleading reason on every row', () => {
    const path = file('nocb.csv', 'tx,base_fees,priority_fees\na,0.002,0.001\nb,0.003,0.001\n');
    const r = readCexDexTipRatios(path);
    expect(r.values).toEqual([]);
    expect(r.rejected).toEqual([`${path}:1: header lacks column "cb_transfer" (has: tx,base_fees,priority_fees)`]);
  });
});
