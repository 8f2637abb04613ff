import { describe, expect, it } from 'vitest';
import { createStageBoard } from './stageBoard.ts';

function run(tty: boolean) {
  let out = '';
  let t = 0;
  const board = createStageBoard({
    stages: ['simulate', 'train', 'backtest'],
    tty,
    write: (s) => void (out += s),
    now: () => t,
  });
  board.start('simulate');
  for (let v = 0; v <= 1000; v += 10) {
    t += 50;
    board.progress(v, 1000, 'blocks');
  }
  t += 50;
  board.note('retrain at day 14');
  board.done('simulate', '1,000 blocks');
  board.start('train');
  t += 2_000;
  board.done('train');
  board.close();
  return { out, timings: board.timings() };
}

describe('stage board', () => {
  it('outside a terminal: a line per stage start and end and at most one per 10% of a stage', () => {
    const { out, timings } = run(false);
    const lines = out.trim().split('\n');
    expect(lines[0]).toBe('simulate: started');
    expect(lines.filter((l) => l.startsWith('simulate: ') && l.includes('%'))).toHaveLength(9);
    expect(lines).toContain('simulate: 50% (blocks), ETA 2.5 s');
    expect(lines).toContain('simulate: done in 5.1 s (1,000 blocks)');
    expect(lines.slice(-2)).toEqual(['train: started', 'train: done in 2.0 s']);
    expect(lines).toHaveLength(13);
    expect(out).not.toContain('\x1b[');
    expect(timings).toEqual({ simulate: 5.1, train: 2 });
  });

  it('on a terminal: one display redrawn in place with every stage done, running or waiting', () => {
    const { out } = run(true);
    expect(out).toContain('\x1b[3A\x1b[J');
    expect(out).toContain('running  simulate         [############------------]  51%  ETA 2.5 s  blocks');
    expect(out).toContain('waiting  backtest');
    const last = out
      .slice(out.lastIndexOf('\x1b[J') + 3)
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());
    expect(last).toEqual([
      'done     simulate         5.1 s  1,000 blocks',
      'done     train            2.0 s',
      'waiting  backtest',
    ]);
  });
});
