/**
 * Options every database-using command shares, and the mapping from parsed flags to the config loader.
 */
import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, type ArbmlConfig } from '../core/config.ts';
import { InvalidInputError } from '../core/errors.ts';
import { redactUrl } from '../store/postgresDb.ts';
import { debug } from './output.ts';

export interface CommonFlags {
  json?: boolean;
  dbPath?: string;
  databaseUrl?: string;
  dbSchema?: string;
  config?: string;
  seed?: string;
  dataDir?: string;
}

export function withCommonOptions(cmd: Command): Command {
  return cmd
    .option('--json', 'print one JSON object on stdout and nothing else there')
    .option('--db-path <dir>', 'embedded PGlite directory (default .arbml/db)')
    .option('--database-url <url>', 'PostgreSQL server URL (default: env DATABASE_URL)')
    .option('--db-schema <name>', 'PostgreSQL schema of the store (default: env ARBML_DB_SCHEMA, else the search_path)')
    .option('--config <file>', 'JSON config file (default arbml.config.json when present)');
}

/** The command's config: its flags over the environment over the config file; shown on stderr at log level debug. */
export function configFromFlags(
  flags: CommonFlags,
  extra: Partial<Record<keyof ArbmlConfig, unknown>> = {},
): ArbmlConfig {
  const config = loadConfig({
    file: flags.config,
    flags: {
      dbPath: flags.dbPath,
      databaseUrl: flags.databaseUrl,
      dbSchema: flags.dbSchema,
      seed: flags.seed,
      dataDir: flags.dataDir,
      ...extra,
    },
  });
  const shown = config.databaseUrl ? { ...config, databaseUrl: redactUrl(config.databaseUrl) } : config;
  debug(`config: ${JSON.stringify(shown)}`);
  return config;
}

/** The path of an optional file flag, refused before any work when it names no file. */
export function existingFile(path: string | undefined, flag: string): string | undefined {
  if (path !== undefined && !existsSync(path)) throw new InvalidInputError(`${flag}: file not found: ${path}`);
  return path;
}
