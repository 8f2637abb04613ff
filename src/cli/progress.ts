/**
 * Progress on stderr for long work: a bar on a terminal, and one line every few seconds with ETA otherwise
 * (CI logs), so nothing sits silent.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  increment(by?: number): void;
  update(value: number): void;
  stop(): void;
}

export interface ProgressOptions {
  label: string;
  total: number;
  enabled?: boolean;
  /** Seconds between plain log lines when stderr is not a terminal. */
  lineEverySeconds?: number;
}

export function createProgress({ label, total, enabled = true, lineEverySeconds = 3 }: ProgressOptions): Progress {
  if (!enabled) return { increment() {}, update() {}, stop() {} };
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
  let lastLine = start;
  const line = (): void => {
    const elapsed = (Date.now() - start) / 1000;
    const eta = value > 0 ? (elapsed / value) * (total - value) : NaN;
    const pct = total > 0 ? ((100 * value) / total).toFixed(1) : '100.0';
    process.stderr.write(`${label}: ${value}/${total} (${pct}%) ${elapsed.toFixed(1)}s, ETA ${Number.isFinite(eta) ? eta.toFixed(1) + 's' : '?'}\n`);
  };
  const maybeLine = (): void => {
    const now = Date.now();
    if (now - lastLine >= lineEverySeconds * 1000) {
      lastLine = now;
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
