import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePoolMinutes, poolFileInfo, readPoolMinutes } from './readPoolMinutes.ts';

const header =
  'timestamp,netAmount0,netAmount1,closeTick,openTick,lowestTick,highestTick,inAmount0,inAmount1,currentLiquidity';
const row1 =
  '2022-07-19 00:00:00,-30361565484,19253165598944715626,202693,202656,202649,202697,23814930590,34314688834673185254,422680516552367239';

describe('parsePoolMinutes', () => {
  it('parses raw amounts to exact bigints and ticks by column name', () => {
    const { rows, errors } = parsePoolMinutes(`${header}\n${row1}\n`, 'p.csv');
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        timeMs: Date.UTC(2022, 6, 19),
        netAmount0: -30361565484n,
        netAmount1: 19253165598944715626n,
        openTick: 202656,
        closeTick: 202693,
        lowestTick: 202649,
        highestTick: 202697,
        inAmount0: 23814930590n,
        inAmount1: 34314688834673185254n,
        currentLiquidity: 422680516552367239n,
      },
    ]);
    // Above 2^53: a float would have lost the last digits.
    expect(rows[0]!.inAmount1.toString()).toBe('34314688834673185254');
  });

  it('rejects bad rows with line and reason and keeps the good ones', () => {
    const lines = [
      header,
      row1, // 2
      '2022-07-19 00:01:00,1.5,2,202693,202656,202649,202697,1,2,3', // 3: float amount
      '2022-07-19 00:02:00,1,2,202693,202656,202649,202697,-1,2,3', // 4: negative gross amount
      '2022-07-19 00:03:00,1,2,202693,202656,202700,202697,1,2,3', // 5: lowest above highest
      '2022-07-18 23:59:00,1,2,202693,202656,202649,202697,1,2,3', // 6: out of order
      'not-a-time,1,2,202693,202656,202649,202697,1,2,3', // 7: bad time
      '2022-07-19 00:04:00,1,2,202693,202656,202649,202697,1,2,3', // 8: good
      '2022-07-19 00:05:00,1,2,2026', // 9: truncated
    ];
    const { rows, errors } = parsePoolMinutes(lines.join('\n'), 'p.csv');
    expect(rows).toHaveLength(2);
    expect(rows[1]!.inAmount1).toBe(2n);
    expect(errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 9]);
    expect(errors[0]!.reason).toMatch(/netAmount0: not an integer/);
    expect(errors[1]!.reason).toMatch(/inAmount0: negative amount/);
    expect(errors[2]!.reason).toMatch(/lowestTick above highestTick/);
    expect(errors[3]!.reason).toMatch(/out of order/);
    expect(errors[4]!.reason).toMatch(/timestamp: not a date-time/);
    expect(errors[5]!.reason).toMatch(/truncated last line/);
  });

  it('reads chain, pool and day from the file name', () => {
    expect(poolFileInfo('/d/Polygon-0x45dda9cb7c25131df268515131f647d726f50608-2022-07-19.csv')).toEqual({
      chain: 'polygon',
      pool: '0x45dda9cb7c25131df268515131f647d726f50608',
      day: '2022-07-19',
    });
    expect(poolFileInfo('pool.csv')).toEqual({});
  });
});

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping real pool files test: ARBML_DATA_DIR unset');
describe.skipIf(!dataDir)('readPoolMinutes on the real files', () => {
  it('reads 50390 rows from the 35 daily files with no error', () => {
    const dir = join(dataDir!, 'dex/univ3-polygon-usdc-weth-005');
    const files = readdirSync(dir).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(35);
    let rows = 0;
    for (const f of files) {
      const r = readPoolMinutes(join(dir, f));
      expect(r.errors).toEqual([]);
      rows += r.rows.length;
    }
    expect(rows).toBe(50390);
  });
});
