/**
 * The environment for a child process: the parent's without any secret-named variable (keys, tokens, secrets,
 * RPC and database URLs), plus the given overrides. A child that needs a secret must be handed it explicitly.
 */
import { isSecretEnvName } from './secrets.ts';

export function childEnv(extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(env)) if (!isSecretEnvName(name)) out[name] = value;
  return { ...out, ...extra };
}
