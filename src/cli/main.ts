/**
 * The `arbml` command. Each subcommand lives in its own file under ./commands and exports
 * `register(program: Command)`; main discovers them, so adding a command touches no shared file.
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { ArbmlError } from '../core/errors.ts';

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

export async function main(argv: string[]): Promise<number> {
  const program = await buildProgram();
  program.exitOverride();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode;
    if (err instanceof ArbmlError) {
      process.stderr.write(`arbml: ${err.message}\n`);
      return 2;
    }
    throw err;
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
      process.stderr.write(`arbml: unexpected error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
