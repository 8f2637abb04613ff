/**
 * Removes secrets from text bound for any output (stdout, stderr, logs, HTTP bodies): every registered secret
 * (secrets.ts), case-insensitively, and the path, query, fragment and credentials of every URL, which often carry
 * an API key (`https://mainnet.infura.io/v3/<key>` becomes `https://mainnet.infura.io/<redacted>`), except arbml's
 * own `/metrics` path.
 */
import { knownSecrets } from './secrets.ts';

export const REDACTED = '<redacted>';

const URL_PATTERN = /\b([a-z][a-z0-9+.-]*:\/\/)(?:[^\s/?#@"'<>]*@)?([^\s/?#"'<>]*)([/?#][^\s"'<>]*)?/gi;

/** Paths arbml itself serves and prints (its own `/metrics` endpoints): they never carry a secret. */
const PUBLIC_PATHS = new Set(['/', '/metrics']);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function scrubSecrets(text: string): string {
  let out = text.replace(URL_PATTERN, (_m, scheme: string, host: string, rest: string | undefined) =>
    rest && !PUBLIC_PATHS.has(rest) ? `${scheme}${host}/${REDACTED}` : `${scheme}${host}${rest ?? ''}`,
  );
  for (const secret of knownSecrets()) out = out.replace(new RegExp(escape(secret), 'gi'), REDACTED);
  return out;
}
