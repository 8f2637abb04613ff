import type { Command } from 'commander';
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { runDoctor, type DoctorReport } from '../doctor/runDoctor.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

interface DoctorFlags extends CommonFlags {
  dataDir?: string;
  bus?: string;
  peers?: boolean;
}

function busUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^nats:\/\/[^/:]+(:\d+)?\/?$/.test(url))
    throw new InvalidInputError(`--bus must be a nats://host:port URL, got ${url}`);
  return url;
}

function human(r: DoctorReport): string {
  const lines = r.checks.map((c) => {
    const mark = c.ok ? 'ok  ' : c.required ? 'FAIL' : 'warn';
    return `${mark} ${c.name.padEnd(16)} ${c.detail}${c.ok ? '' : `\n     fix: ${c.fix}`}`;
  });
  lines.push(
    '',
    r.ok ? 'everything this configuration needs is here' : 'something this configuration needs is missing',
  );
  return lines.join('\n');
}

/** `arbml doctor`: checks the machine, the data, the database and the services, each with a one-line fix. */
export function register(program: Command): void {
  withCommonOptions(
    program
      .command('doctor')
      .description(
        'Check Node, the WASM kernels, ARBML_DATA_DIR, the database, NATS and the benchmark peers, each with a fix',
      )
      .option('--data-dir <dir>', 'real data folder (default: env ARBML_DATA_DIR)')
      .option('--bus <url>', 'NATS URL of the distributed mode to check (default: env ARBML_BUS_URL)')
      .option('--no-peers', 'skip the benchmark-peer checks (python xgboost/torch, chromium, prometheus)'),
  ).action(async (opts: DoctorFlags) => {
    const config = configFromFlags(opts);
    const result = await runDoctor({
      config,
      busUrl: busUrl(opts.bus ?? process.env.ARBML_BUS_URL),
      peers: opts.peers,
    });
    report({ json: !!opts.json, result, human });
    if (!result.ok) {
      const failed = result.checks.filter((c) => c.required && !c.ok).map((c) => c.name);
      throw new RetryableIoError(`doctor: ${failed.join(', ')} not ready`);
    }
  });
}
