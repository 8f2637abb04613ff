/**
 * A small leveled logger for the lines a person reads on stderr. Levels, most to least severe: error, warn, info,
 * debug; a logger at level L writes a line only when its level is at least as severe as L. The sink is called at
 * write time (not bound at creation), so a test that replaces process.stderr.write sees every line.
 */
export const LOG_LEVELS = ['error', 'warn', 'info', 'debug'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export interface Logger {
  readonly level: LogLevel;
  error(message: string): void;
  warn(message: string): void;
  info(message: string): void;
  debug(message: string): void;
}

export interface CreateLoggerOptions {
  level: LogLevel;
  /** Receives one line without its newline. */
  write: (line: string) => void;
}

export function createLogger({ level, write }: CreateLoggerOptions): Logger {
  const max = LOG_LEVELS.indexOf(level);
  const at = (l: LogLevel) => (message: string) => {
    if (LOG_LEVELS.indexOf(l) <= max) write(message);
  };
  return { level, error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}
