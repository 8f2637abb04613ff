/**
 * The progress of a multi-stage job (the demo) as a person reads it. On a terminal: one multi-line display, redrawn
 * in place, listing every stage as done (with its time), running (bar, ETA and what it is doing) or waiting.
 * Elsewhere (CI, pipes): one line when a stage starts, one when it ends, at most one line per 10% of a stage, and
 * one when a stage moves on to a new part after its first (a backtest's runs), so no stage sits silent for long.
 * Stage times are kept for the result (`timings`).
 */
export interface StageBoard {
  start(stage: string): void;
  /** Progress of the running stage (or of its current part, named by `part`). */
  progress(value: number, total: number, part?: string): void;
  /** What the running stage is doing now (shown on a terminal only). */
  note(text: string): void;
  done(stage: string, detail?: string): void;
  /** A line for the person; on a terminal it is written above the display. */
  log(line: string): void;
  close(): void;
  /** Seconds per finished stage, in order. */
  timings(): Record<string, number>;
}

export interface StageBoardOptions {
  stages: readonly string[];
  tty: boolean;
  write: (text: string) => void;
  now?: () => number;
}

interface StageState {
  status: 'waiting' | 'running' | 'done';
  startedMs: number;
  seconds: number;
  fraction: number;
  part: string;
  note: string;
  printedDecile: number;
  detail: string;
}

const BAR = 24;
const secondsText = (s: number): string =>
  s < 60 ? `${s.toFixed(1)} s` : `${Math.floor(s / 60)} min ${Math.round(s % 60)} s`;

export function createStageBoard({ stages, tty, write, now = () => performance.now() }: StageBoardOptions): StageBoard {
  const state = new Map<string, StageState>(
    stages.map((s) => [
      s,
      { status: 'waiting', startedMs: 0, seconds: 0, fraction: 0, part: '', note: '', printedDecile: 0, detail: '' },
    ]),
  );
  let drawn = 0;
  let lastDraw = 0;
  const stageOf = (name: string): StageState => {
    let s = state.get(name);
    if (!s)
      state.set(
        name,
        (s = {
          status: 'waiting',
          startedMs: 0,
          seconds: 0,
          fraction: 0,
          part: '',
          note: '',
          printedDecile: 0,
          detail: '',
        }),
      );
    return s;
  };
  const running = (): [string, StageState] | undefined => [...state].find(([, s]) => s.status === 'running');
  const eta = (s: StageState): string => {
    const elapsed = (now() - s.startedMs) / 1000;
    return s.fraction > 0.01 ? secondsText((elapsed / s.fraction) * (1 - s.fraction)) : '?';
  };
  const render = (): string[] =>
    [...state].map(([name, s]) => {
      if (s.status === 'done')
        return `  done     ${name.padEnd(16)} ${secondsText(s.seconds)}${s.detail ? `  ${s.detail}` : ''}`;
      if (s.status === 'waiting') return `  waiting  ${name}`;
      const filled = Math.round(s.fraction * BAR);
      const what = [s.part, s.note].filter(Boolean).join(': ');
      return `  running  ${name.padEnd(16)} [${'#'.repeat(filled)}${'-'.repeat(BAR - filled)}] ${(100 * s.fraction).toFixed(0).padStart(3)}%  ETA ${eta(s)}${what ? `  ${what}` : ''}`;
    });
  const clear = (): void => {
    if (drawn > 0) write(`\x1b[${drawn}A\x1b[J`);
    drawn = 0;
  };
  const draw = (force = false): void => {
    if (!tty || (!force && now() - lastDraw < 100)) return;
    lastDraw = now();
    clear();
    const lines = render();
    write(lines.join('\n') + '\n');
    drawn = lines.length;
  };
  return {
    start(stage) {
      const s = stageOf(stage);
      Object.assign(s, { status: 'running', startedMs: now(), fraction: 0, part: '', note: '', printedDecile: 0 });
      if (tty) draw(true);
      else write(`${stage}: started\n`);
    },
    progress(value, total, part = '') {
      const r = running();
      if (!r) return;
      const [name, s] = r;
      const newPart = part !== s.part;
      s.fraction = total > 0 ? Math.min(1, value / total) : 1;
      s.part = part;
      if (tty) return draw();
      if (newPart && s.printedDecile > 0) return write(`${name}: ${part}\n`);
      const decile = Math.floor(s.fraction * 10);
      if (decile > s.printedDecile && decile < 10) {
        s.printedDecile = decile;
        write(`${name}: ${decile * 10}%${part ? ` (${part})` : ''}, ETA ${eta(s)}\n`);
      }
    },
    note(text) {
      const r = running();
      if (r) r[1].note = text;
      draw();
    },
    done(stage, detail = '') {
      const s = stageOf(stage);
      Object.assign(s, { status: 'done', seconds: (now() - s.startedMs) / 1000, fraction: 1, detail });
      if (tty) draw(true);
      else write(`${stage}: done in ${secondsText(s.seconds)}${detail ? ` (${detail})` : ''}\n`);
    },
    log(line) {
      if (!tty) return write(`${line}\n`);
      clear();
      write(`${line}\n`);
      draw(true);
    },
    close() {
      if (tty) draw(true);
      drawn = 0;
    },
    timings() {
      return Object.fromEntries(
        [...state].filter(([, s]) => s.status === 'done').map(([n, s]) => [n, Number(s.seconds.toFixed(1))]),
      );
    },
  };
}
