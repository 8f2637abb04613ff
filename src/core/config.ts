/**
 * The one configuration schema. Every key has a description and a default. Sources, highest precedence first:
 * CLI flags, environment (`ARBML_<KEY_IN_SNAKE_CASE>`, plus `DATABASE_URL`), then an optional `arbml.config.json`.
 */
import { MARKET_CHAINS as CHAINS } from './chains.ts';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InvalidInputError } from './errors.ts';
import { LOG_LEVELS } from './logger.ts';

/** The chains arbml knows (the same names as `Chain` in src/dex/types.ts). */

export const configSchema = z.object({
  dbPath: z.string().min(1).default('.arbml/db').describe('Directory of the embedded PGlite database'),
  databaseUrl: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'a postgres:// URL')
    .optional()
    .describe('PostgreSQL/TimescaleDB server; when set it replaces the embedded database'),
  dbSchema: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]{0,62}$/, 'a PostgreSQL identifier')
    .optional()
    .describe("PostgreSQL schema of the store, created and migrated on first use (default: the server's search_path)"),
  timescale: z
    .enum(['auto', 'off'])
    .default('auto')
    .describe('auto: use TimescaleDB (hypertables) when the server has the extension; off: plain PostgreSQL tables'),
  dataDir: z.string().optional().describe('Folder of real market data (see the README of shared/data)'),
  seed: z.coerce.number().int().min(0).default(1).describe('Run seed; every random stream derives from it'),
  chains: z
    .preprocess(
      (v) => (typeof v === 'string' ? v.split(',').map((c) => c.trim()) : v),
      z.array(z.enum(CHAINS, { error: `a comma list of ${CHAINS.join(', ')}` })).min(1, 'at least one chain'),
    )
    .transform((list) => [...new Set(list)])
    .default([...CHAINS])
    .describe('Chains to simulate or run (env and flags: a comma list; config file: a list or a comma list)'),
  modelsDir: z.string().min(1).default('models').describe('Directory of model artefacts'),
  journalPath: z
    .string()
    .min(1)
    .default('.arbml/journal.ndjson')
    .describe('Append-only ledger journal used while the database is down'),
  logLevel: z
    .enum(LOG_LEVELS)
    .default('info')
    .describe('Lowest severity of the lines written to stderr: error, warn, info or debug'),
  progress: z
    .union([z.boolean(), z.stringbool()])
    .default(true)
    .describe('Show progress bars on stderr (true/false, 1/0, yes/no, on/off)'),
});

export type ArbmlConfig = z.infer<typeof configSchema>;
export type ConfigKey = keyof ArbmlConfig;

export interface LoadConfigOptions {
  flags?: Partial<Record<ConfigKey, unknown>>;
  env?: NodeJS.ProcessEnv;
  /** Path of a JSON config file; default `arbml.config.json` in the working directory when it exists. */
  file?: string;
}

/** `dbPath` -> `ARBML_DB_PATH`. */
export function envNameFor(key: string): string {
  return 'ARBML_' + key.replace(/[A-Z]/g, (c) => '_' + c).toUpperCase();
}

function readConfigFile(path: string | undefined): Record<string, unknown> {
  const file = path ?? resolve('arbml.config.json');
  if (!existsSync(file)) {
    if (path) throw new InvalidInputError(`config file not found: ${file}`);
    return {};
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (cause) {
    throw new InvalidInputError(`config file ${file} is not valid JSON`, { cause });
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new InvalidInputError(`config file ${file} is not a JSON object`);
  return parsed as Record<string, unknown>;
}

function readEnv(env: NodeJS.ProcessEnv): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[envNameFor(key)];
    if (value !== undefined && value !== '') out[key] = value;
  }
  if (env.DATABASE_URL && out.databaseUrl === undefined) out.databaseUrl = env.DATABASE_URL;
  return out;
}

function defined(obj: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

export function loadConfig(options: LoadConfigOptions = {}): ArbmlConfig {
  const merged = {
    ...readConfigFile(options.file),
    ...readEnv(options.env ?? process.env),
    ...defined(options.flags ?? {}),
  };
  const unknownKeys = Object.keys(merged).filter((k) => !(k in configSchema.shape));
  if (unknownKeys.length > 0) {
    throw new InvalidInputError(`unknown config key "${unknownKeys[0]}"`, {
      details: `known keys: ${Object.keys(configSchema.shape).join(', ')}`,
    });
  }
  const result = configSchema.safeParse(merged);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key = String(issue.path[0] ?? '');
    throw new InvalidInputError(`invalid config value for "${key}": ${issue.message}`, {
      details: describeKey(key),
    });
  }
  return result.data;
}

function describeKey(key: string): string | undefined {
  const field = (configSchema.shape as Record<string, z.ZodType>)[key];
  return field?.description ? `${key}: ${field.description} (env ${envNameFor(key)})` : undefined;
}
