/**
 * The secrets this process holds, so that no output can carry them: every value of a secret-named environment
 * variable (RPC URLs, API keys and secrets, tokens, passwords, the database URL, the private key) is registered
 * once at start (`captureEnvSecrets`); `scrubSecrets` (scrubSecrets.ts) removes them from any text. The private key
 * is moved out of `process.env` on capture (so no child process or later reader of the environment sees it) and
 * handed to the one reader that needs it (`takePrivateKey`).
 */
export const PRIVATE_KEY_ENV = 'ARBML_PRIVATE_KEY';

const SECRET_NAME = /^(ARBML_RPC_URL_.+|DATABASE_URL)$|(_KEY|_SECRET|_TOKEN|_PASSWORD|_PASS)$/;
/** Shorter strings are not registered: replacing them would garble ordinary text. */
const MIN_SECRET_LENGTH = 8;

const registered = new Set<string>();
let heldKey: string | undefined;

/** True for environment variables whose values must never be printed or inherited. */
export function isSecretEnvName(name: string): boolean {
  return SECRET_NAME.test(name);
}

function add(value: string | undefined): void {
  const v = value?.trim();
  if (v && v.length >= MIN_SECRET_LENGTH) registered.add(v);
}

/**
 * Registers a secret value. A URL registers what may carry a key: its password, its path with query, its path
 * segments and query values (not the scheme, user or host, which are shown as `scheme://host:port`).
 */
export function registerSecret(value: string | undefined, o: { passwordOnly?: boolean } = {}): void {
  if (!value) return;
  let u: URL | undefined;
  try {
    u = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? new URL(value) : undefined;
  } catch {
    u = undefined;
  }
  if (!u) {
    add(value);
    if (/^0x[0-9a-fA-F]{64}$/.test(value.trim())) add(value.trim().slice(2));
    return;
  }
  add(decodeURIComponent(u.password));
  if (o.passwordOnly) return;
  if (u.pathname.length > 1 || u.search) add(`${u.pathname}${u.search}`);
  for (const segment of u.pathname.split('/')) add(decodeURIComponent(segment));
  for (const [, v] of u.searchParams) add(v);
}

/** Registers every secret-named variable of `env` and moves ARBML_PRIVATE_KEY out of it. */
export function captureEnvSecrets(env: NodeJS.ProcessEnv = process.env): void {
  for (const [name, value] of Object.entries(env))
    if (isSecretEnvName(name)) registerSecret(value, { passwordOnly: name === 'DATABASE_URL' });
  heldKey = env[PRIVATE_KEY_ENV];
  delete env[PRIVATE_KEY_ENV];
}

/** The private key captured from the environment (undefined when none was set). */
export function takePrivateKey(): string | undefined {
  return heldKey;
}

/** The registered secrets, longest first (so a URL is replaced before its path). */
export function knownSecrets(): string[] {
  return [...registered].sort((a, b) => b.length - a.length);
}
