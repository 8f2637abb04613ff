import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readAtomicArbProfits, readCexDexPaymentBps } from './mevData.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-arbdata-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('readCexDexPaymentBps', () => {
  it('reads mev_value (ETH, at the given ETH/USD) over USD volume in bps per row and names each bad row', () => {
    const path = file('pay.csv', 'tx,mev_value,volume\na,0.001,20000\nb,0.002,0\nc,x,100\nd,0.0005\ne,0.0001,2000\n');
    const r = readCexDexPaymentBps(path, 2000);
    expect(r.values).toEqual([1, 1]);
    expect(r.rejected).toEqual([
      `${path}:3: volume: not positive (0)`,
      `${path}:4: mev_value: not a number ("x")`,
      `${path}:5: missing fields (2 of 3 fields)`,
    ]);
  });

  it('a missing column is one error naming it, not a misleading reason on every row', () => {
    const path = file('novol.csv', 'tx,mev_value\na,0.002\n');
    const r = readCexDexPaymentBps(path, 2000);
    expect(r.values).toEqual([]);
    expect(r.rejected).toEqual([`${path}:1: header lacks column "volume" (has: tx,mev_value)`]);
  });
});

describe('readAtomicArbProfits', () => {
  it('reads total_profit_eth per transaction; a line without it or not JSON is named', () => {
    const path = file(
      'atomic.jsonl',
      '{"total_profit_eth": -0.5}\n{"total_profit_eth": null}\nnope\n\n{"total_profit_eth": 0.25}\n',
    );
    const r = readAtomicArbProfits(path);
    expect(r.values).toEqual([-0.5, 0.25]);
    expect(r.rejected).toEqual([`${path}:2: total_profit_eth missing`, `${path}:3: not JSON`]);
  });
});
