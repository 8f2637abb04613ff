/**
 * Progress on stderr for long work: a bar on a terminal, and otherwise (CI logs, pipes) one line per 10% with the
 * ETA and a last line when it stops. While a stage display is active (the demo), progress feeds its running stage.
 */
import cliProgress from 'cli-progress';
import { routeInfo } from './output.ts';
import type { StageBoard } from './stageBoard.ts';

let board: StageBoard | undefined;

/** Makes `b` the display every later progress and info line goes to (undefined: back to plain bars and lines). */
export function setStageBoard(b: StageBoard | undefined): void {
  board = b;
  routeInfo(b ? (line) => b.note(line) : undefined);
}

export interface Progress {
  increment(by?: number): void;
  update(value: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  enabled?: boolean;
}

export function createProgress({ label, total, enabled = true }: ProgressOptions): Progress {
  if (!enabled) return { increment() {}, update() {}, stop() {} };
  if (board) {
    const b = board;
    let value = 0;
    const show = (): void => b.progress(value, total, label);
    return { increment: (by = 1) => ((value += by), show()), update: (v) => ((value = v), show()), stop: () => {} };
  }
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: `${label} [{bar}] {percentage}% | {value}/{total} | ETA {eta_formatted}`, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return { increment: (by = 1) => bar.increment(by), update: (v) => bar.update(v), stop: () => bar.stop() };
  }
  const start = Date.now();
  let value = 0;
  let printedDecile = 0;
  const line = (): void => {
    const elapsed = (Date.now() - start) / 1000;
    const eta = value > 0 ? (elapsed / value) * (total - value) : NaN;
    const pct = total > 0 ? ((100 * value) / total).toFixed(1) : '100.0';
    process.stderr.write(
      `${label}: ${value}/${total} (${pct}%) ${elapsed.toFixed(1)}s, ETA ${Number.isFinite(eta) ? eta.toFixed(1) + 's' : '?'}\n`,
    );
  };
  const maybeLine = (): void => {
    const decile = total > 0 ? Math.floor((10 * value) / total) : 10;
    if (decile > printedDecile && decile < 10) {
      printedDecile = decile;
      line();
    }
  };
  return {
    increment: (by = 1) => {
      value += by;
      maybeLine();
    },
    update: (v) => {
      value = v;
      maybeLine();
    },
    stop: () => line(),
  };
}
