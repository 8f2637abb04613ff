import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseGasCsv, readGasCsv } from './readGasCsv.ts';

const header = 'datetime,gas_limit,gas_used,Open,avg_gas_price,max_gas_price,min_gas_price,block_utilisation';
const good = [
  '2021-11-26 00:00:00,30010245.46333333,16119036.013333332,4530.280000000001,97.70439140424334,416.2605433333333,83.92967720317166,0.5370945916231855',
  '2021-11-26 00:05:00,29954625.06666667,15648174.516666666,4530.29,109.35036611578334,1068.4840166666668,96.11554512898333,0.5223589989838668',
];

describe('parseGasCsv', () => {
  it('reads the real layout into gwei floats with UTC times', () => {
    const { rows, errors } = parseGasCsv([header, ...good].join('\n') + '\n', 'gas.csv');
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      timeMs: Date.UTC(2021, 10, 26, 0, 0, 0),
      gasLimit: 30010245.46333333,
      gasUsed: 16119036.013333332,
      ethPrice: 4530.280000000001,
      avgGasPrice: 97.70439140424334,
      maxGasPrice: 416.2605433333333,
      minGasPrice: 83.92967720317166,
      blockUtilisation: 0.5370945916231855,
    });
    expect(rows[1]!.timeMs - rows[0]!.timeMs).toBe(300_000);
  });

  it('keeps every good row and names each bad one with line and reason', () => {
    const lines = [
      header,
      good[0], // line 2
      '2021-11-26 00:05:00,29954625,15648174,4530.29,NaN,1068.48,96.11,0.52', // 3: NaN
      '2021-11-26 00:10:00,29954625,15648174,4530.29,109.3,1068.48,96.11,0.52', // 4: good
      '2021-11-26 00:15:00,29954625,15648174,abc,109.3,1068.48,96.11,0.52', // 5: text in number column
      '2021-11-26 00:20:00,29954625,15648174,-4530.29,109.3,1068.48,96.11,0.52', // 6: negative price
      '2021-11-26 00:25:00,29954625,15648174,4530.29,109.3', // 7: missing fields
      '2021-11-26 00:10:00,29954625,15648174,4530.29,109.3,1068.48,96.11,0.52', // 8: duplicate time
      '2021-11-26 00:05:00,29954625,15648174,4530.29,109.3,1068.48,96.11,0.52', // 9: out of order
      '2021-11-26 00:30:00,29954625,15648174,4530.29,109.3,1068.48,-96.11,0.52', // 10: negative gas price
      '2021-11-26 00:35:00,29954625,15648174,4530.29,109.3,1068.48,96.11,', // 11: empty field
      '2021-11-26 00:40:00,29954625,15648174,4530.29,109.3,1068.48,96.11,0.52', // 12: good
      '2021-11-26 00:45:00,29954625,15648174,4530.', // 13: truncated last line
    ];
    const { rows, errors } = parseGasCsv(lines.join('\n'), 'damaged.csv');
    expect(rows.map((r) => new Date(r.timeMs).toISOString().slice(11, 16))).toEqual(['00:00', '00:10', '00:40']);
    expect(errors.map((e) => [e.file, e.line])).toEqual([3, 5, 6, 7, 8, 9, 10, 11, 13].map((l) => ['damaged.csv', l]));
    const reasons = errors.map((e) => e.reason);
    expect(reasons[0]).toMatch(/avg_gas_price: not a number \("NaN"\)/);
    expect(reasons[1]).toMatch(/Open: not a number \("abc"\)/);
    expect(reasons[2]).toMatch(/Open: negative price/);
    expect(reasons[3]).toMatch(/missing fields \(5 of 8 fields\)/);
    expect(reasons[4]).toMatch(/duplicate timestamp/);
    expect(reasons[5]).toMatch(/out of order/);
    expect(reasons[6]).toMatch(/min_gas_price: negative price/);
    expect(reasons[7]).toMatch(/block_utilisation: not a number \(empty\)/);
    expect(reasons[8]).toMatch(/truncated last line \(4 of 8 fields\)/);
  });

  it('rejects a file without the expected header as one error', () => {
    const { rows, errors } = parseGasCsv('a,b,c\n1,2,3\n', 'x.csv');
    expect(rows).toEqual([]);
    expect(errors).toEqual([
      { file: 'x.csv', line: 1, reason: expect.stringContaining('header lacks column "datetime"') },
    ]);
  });
});

const dataDir = process.env.ARBML_DATA_DIR;
if (!dataDir) console.warn('skipping real gas file test: ARBML_DATA_DIR unset');
describe.skipIf(!dataDir)('readGasCsv on the real file', () => {
  it('reads all 17856 rows with no error', () => {
    const { rows, errors } = readGasCsv(join(dataDir!, 'gas/eth-5min-2021-11-26_2022-01-26.csv'));
    expect(errors).toEqual([]);
    expect(rows).toHaveLength(17856);
    expect(rows[0]!.timeMs).toBe(Date.UTC(2021, 10, 26));
    expect(rows.at(-1)!.timeMs).toBe(Date.UTC(2022, 0, 26, 23, 55));
    expect(rows.at(-1)!.minGasPrice).toBe(143.76524);
  });
});
