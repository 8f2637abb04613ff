/**
 * The JSON-RPC endpoint of a chain, from the environment (ARBML_RPC_URL_ETHEREUM, ARBML_RPC_URL_POLYGON): provider
 * URLs often carry an API key in the path or query, so the URL itself is never logged; `redactRpcUrl` gives the
 * form that may be shown (scheme, host and port only).
 */
import { InvalidInputError } from '../../core/errors.ts';

export function rpcEnvName(chain: string): string {
  return `ARBML_RPC_URL_${chain.toUpperCase()}`;
}

export function rpcUrlFromEnv(chain: string, env: NodeJS.ProcessEnv = process.env): string {
  const name = rpcEnvName(chain);
  const url = env[name];
  if (!url) throw new InvalidInputError(`${name} is not set: the JSON-RPC endpoint of ${chain}`);
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new InvalidInputError(`${name} is not a valid URL`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw new InvalidInputError(`${name} must be an http(s) URL`);
  return url;
}

/** scheme://host:port, without path, query or credentials. */
export function redactRpcUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}`;
  } catch {
    return '<invalid url>';
  }
}
