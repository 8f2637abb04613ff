/**
 * The `arbml` command. Each subcommand lives in its own file under ./commands and exports
 * `register(program: Command)`; main discovers them, so adding a command touches no shared file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { describeError } from '../core/describeError.ts';
import { ArbmlError, InvariantError, RetryableIoError } from '../core/errors.ts';
import { captureEnvSecrets } from '../core/secrets.ts';

export type RegisterCommand = (program: Command) => void;

export async function buildProgram(): Promise<Command> {
  const program = new Command('arbml')
    .description('Crypto arbitrage with flash loans and machine-learned execution decisions')
    .version('0.1.0')
    .showHelpAfterError()
    .enablePositionalOptions();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { register?: RegisterCommand };
    if (typeof mod.register === 'function') mod.register(program);
  }
  return program;
}

/** Exit code of an error: 2 bad input, 3 a service unavailable (retry later), 1 a bug or anything unexpected. */
function exitCodeOf(err: unknown): number {
  if (err instanceof RetryableIoError) return 3;
  if (err instanceof InvariantError || !(err instanceof ArbmlError)) return 1;
  return 2;
}

export async function main(argv: string[]): Promise<number> {
  // Before anything can print: every secret in the environment is registered for scrubbing and the private key
  // leaves process.env (children and later readers never see it).
  captureEnvSecrets(process.env);
  const program = await buildProgram();
  program.exitOverride();
  try {
    process.exitCode = undefined;
    await program.parseAsync(argv, { from: 'user' });
    // A command sets process.exitCode for a finished run that must still fail (e.g. run's circuit breaker); it is
    // returned and cleared, so an in-process caller (tests) starts the next command clean.
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = undefined;
    return code;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    // One line, the cause chain included, every secret (RPC URL path and query, keys, tokens) removed; no stack.
    const prefix = err instanceof ArbmlError ? '' : 'unexpected error: ';
    process.stderr.write(`arbml: ${prefix}${describeError(err)}\n`);
    return exitCodeOf(err);
  }
}

const isEntry = process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1];
const viaBin = process.argv[1]?.endsWith('arbml') || process.argv[1]?.endsWith('arbml.js');
if (isEntry || viaBin) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`arbml: unexpected error: ${describeError(err)}\n`);
      process.exitCode = 1;
    },
  );
}
