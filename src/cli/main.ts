/**
 * The `arbml` command. Each subcommand lives in its own file under ./commands and exports
 * `register(program: Command)`; main discovers them, so adding a command touches no shared file.
 *
 * Failures: every one ends as one line on stderr (`arbml: ...`, the stack only with `arbml --verbose`) and an exit
 * code (README, "Exit codes"): 2 bad input (InvalidInputError, and commander's own usage errors), 3 a service
 * unavailable (RetryableIoError), 1 a bug (InvariantError or anything unclassified).
 */
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Command, CommanderError } from 'commander';
import { loadConfig } from '../core/config.ts';
import { describeError } from '../core/describeError.ts';
import { asArbmlError, exitCodeOf, oneLine, redactUrls } from '../core/errors.ts';
import { scrubSecrets } from '../core/scrubSecrets.ts';
import { captureEnvSecrets } from '../core/secrets.ts';
import { error, setLogLevel } from './output.ts';

export type RegisterCommand = (program: Command) => void;

const VERBOSE = 'on failure also print the stack trace; log level debug';

export async function buildProgram(): Promise<Command> {
  const program = new Command('arbml')
    .description('Crypto arbitrage with flash loans and machine-learned execution decisions')
    .version('0.1.0')
    .option('--verbose', VERBOSE)
    .enablePositionalOptions();
  const dir = join(dirname(fileURLToPath(import.meta.url)), 'commands');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .sort();
  for (const file of files) {
    const mod = (await import(pathToFileURL(join(dir, file)).href)) as { register?: RegisterCommand };
    if (typeof mod.register === 'function') mod.register(program);
  }
  for (const command of allCommands(program))
    if (command !== program && command.commands.length === 0 && !command.options.some((o) => o.long === '--verbose'))
      command.option('--verbose', VERBOSE);
  return program;
}

/** The program and every command under it, depth first. */
export function allCommands(command: Command): Command[] {
  return [command, ...command.commands.flatMap(allCommands)];
}

/** `arbml db status` for the command `status` under `db`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let c: Command | null = command; c; c = c.parent) names.unshift(c.name());
  return names.join(' ');
}

const SUCCESS_CODES = new Set(['commander.helpDisplayed', 'commander.version']);

export async function main(argv: string[]): Promise<number> {
  // Before anything can print: every secret in the environment is registered for scrubbing and the private key
  // leaves process.env (children and later readers never see it).
  captureEnvSecrets(process.env);
  setLogLevel('info');
  const program = await buildProgram();
  let usageOf = 'arbml';
  for (const command of allCommands(program)) {
    command.exitOverride().configureOutput({ outputError: () => (usageOf = commandPath(command)) });
  }
  let verbose = false;
  program.hook('preAction', (_program, action) => {
    const opts = action.optsWithGlobals<{ verbose?: boolean; config?: string }>();
    verbose = opts.verbose === true;
    setLogLevel(verbose ? 'debug' : loadConfig({ file: opts.config }).logLevel);
  });
  const exitCodeBefore = process.exitCode;
  process.exitCode = undefined;
  try {
    await program.parseAsync(argv, { from: 'user' });
    // A command sets process.exitCode for a finished run that must still fail (e.g. run's circuit breaker); it is
    // returned and cleared, so an in-process caller (tests) starts the next command clean.
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.exitCode = undefined;
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (SUCCESS_CODES.has(err.code)) return 0;
      if (err.code === 'commander.help') return 2;
      error(`${err.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')} (see ${usageOf} --help)`);
      return 2;
    }
    const failure = asArbmlError(err);
    error(scrubSecrets(oneLine(failure)));
    if (verbose || program.opts<{ verbose?: boolean }>().verbose)
      error(scrubSecrets(redactUrls(err instanceof Error ? (err.stack ?? err.message) : String(err))));
    return exitCodeOf(failure);
  } finally {
    process.exitCode = exitCodeBefore;
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
