import { describe, expect, it } from 'vitest';
import { parseEvalPoints } from './readEvalPoints.ts';

const header = 'set,window,h,origin,target,y,persistence';

describe('parseEvalPoints', () => {
  it('parses rows and rejects bad ones with their line and reason', () => {
    const text =
      [
        header,
        'attention,0,1,2021-12-22 04:10:00,2021-12-22 04:15:00,58.13796083403112,63.23663534074683',
        'hybrid,1,3,2022-01-19 11:45:00,2022-01-19 12:00:00,40.5,41',
        'hybrid,1,2,2022-01-19 11:45:00,2022-01-19 12:00:00,40.5,41',
        'attention,0,1,2021-12-22 04:10:00,2021-12-22 04:15:00,abc,63',
      ].join('\n') + '\n';
    const { points, errors } = parseEvalPoints(text, 'pts.csv');
    expect(points).toHaveLength(2);
    expect(points[0]).toEqual({
      set: 'attention',
      window: 0,
      h: 1,
      originMs: Date.UTC(2021, 11, 22, 4, 10),
      targetMs: Date.UTC(2021, 11, 22, 4, 15),
      y: 58.13796083403112,
      persistence: 63.23663534074683,
    });
    expect(points[1]!.h).toBe(3);
    expect(errors.map((e) => [e.file, e.line])).toEqual([
      ['pts.csv', 4],
      ['pts.csv', 5],
    ]);
    expect(errors[0]!.reason).toContain('not h=2 bins after origin');
    expect(errors[1]!.reason).toContain('y');
  });

  it('reports a missing column instead of guessing', () => {
    const { points, errors } = parseEvalPoints('set,window,h,origin,target,y\n', 'p.csv');
    expect(points).toEqual([]);
    expect(errors[0]!.reason).toContain('persistence');
  });
});
