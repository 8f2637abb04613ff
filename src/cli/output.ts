/**
 * How commands report. With `--json` a command prints exactly one JSON object on stdout and nothing else there;
 * progress, warnings and human text go to stderr through one logger whose level is the config's `logLevel`
 * (`--verbose` makes it debug). bigint values are written as decimal strings. Everything written here passes the
 * secret scrubber (RPC URL paths and queries, keys, tokens never reach a terminal or a log file).
 */
import { createLogger, type Logger, type LogLevel } from '../core/logger.ts';
import { scrubSecrets } from '../core/scrubSecrets.ts';

export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

export interface ReportOptions<T> {
  json: boolean;
  result: T;
  /** Human-readable rendering for stdout when not in JSON mode. */
  human: (result: T) => string;
}

export function report<T>({ json, result, human }: ReportOptions<T>): void {
  process.stdout.write(scrubSecrets(json ? toJson(result) : human(result)) + '\n');
}

const stderrLogger = (level: LogLevel): Logger =>
  createLogger({ level, write: (line) => process.stderr.write(`${scrubSecrets(line)}\n`) });

let logger = stderrLogger('info');

/** Sets the level of every later stderr line (main does this once per run, from the config). */
export function setLogLevel(level: LogLevel): void {
  logger = stderrLogger(level);
}

/** The failure line main prints: always written, whatever the level. */
export function error(message: string): void {
  logger.error(`arbml: ${message}`);
}

/** A warning for a person: stderr, never stdout. */
export function warn(message: string): void {
  logger.warn(`warning: ${message}`);
}

let infoRoute: ((message: string) => void) | undefined;

/** While a stage display runs, info lines become its notes instead of lines of their own (undefined: stderr). */
export function routeInfo(route: ((message: string) => void) | undefined): void {
  infoRoute = route;
}

export function info(message: string): void {
  if (infoRoute && logger.level !== 'error' && logger.level !== 'warn') infoRoute(message);
  else logger.info(message);
}

export function debug(message: string): void {
  logger.debug(message);
}
