/**
 * How commands report. With `--json` a command prints exactly one JSON object on stdout and nothing else there;
 * progress, warnings and human text go to stderr. bigint values are written as decimal strings. Everything written
 * here passes the secret scrubber (RPC URL paths and queries, keys, tokens never reach a terminal or a log file).
 */
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

/** A warning for a person: stderr, never stdout. */
export function warn(message: string): void {
  process.stderr.write(`warning: ${scrubSecrets(message)}\n`);
}

export function info(message: string): void {
  process.stderr.write(`${scrubSecrets(message)}\n`);
}
