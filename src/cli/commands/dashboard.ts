import type { Command } from 'commander';
import { InvalidInputError, RetryableIoError } from '../../core/errors.ts';
import { isLoopbackHost } from '../../core/isLoopbackUrl.ts';
import { createDashboardServer } from '../../monitor/dashboardServer.ts';
import { openStore } from '../../store/openStore.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { info, report } from '../output.ts';

interface DashboardFlags extends CommonFlags {
  port: string;
  host: string;
  refreshMs: string;
  allowedHost: string[];
}

export const DASHBOARD_TOKEN_ENV = 'ARBML_DASHBOARD_TOKEN';

/** Host names the server answers to: loopback names, the bound address when specific, and --allowed-host. */
function allowedHosts(host: string, extra: string[]): string[] {
  const wildcard = host === '0.0.0.0' || host === '::' || host === '';
  return [...(wildcard ? [] : [host]), ...extra];
}

function positiveInt(name: string, value: string, max: number): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > max)
    throw new InvalidInputError(`--${name} must be an integer 0..${max}, got "${value}"`);
  return n;
}

/**
 * `arbml dashboard`: the built-in live dashboard (uPlot panels over the store, a JSON API, /metrics). Runs until
 * interrupted. On the embedded database it must be the only process using the directory (PGlite is single-process);
 * with PostgreSQL it can run beside `arbml simulate`.
 */
export function register(program: Command): void {
  withCommonOptions(
    program
      .command('dashboard')
      .description('Serve the live dashboard (panels, JSON API under /api, Prometheus /metrics) until interrupted')
      .option('--port <n>', 'TCP port (0 picks a free one)', '8080')
      .option('--host <addr>', 'interface to bind', '127.0.0.1')
      .option('--refresh-ms <ms>', 'page refresh interval', '3000')
      .option(
        '--allowed-host <name>',
        'Host header name to accept besides localhost/127.0.0.1/::1 and the bound address (repeatable); others get 403',
        (v: string, prev: string[]) => [...prev, v],
        [] as string[],
      )
      .addHelpText(
        'after',
        `\nA bind other than loopback needs a bearer token in ${DASHBOARD_TOKEN_ENV} (send it as Authorization: Bearer,\nor open /?token=... once in a browser).`,
      ),
  ).action(async (opts: DashboardFlags) => {
    const port = positiveInt('port', opts.port, 65535);
    const refreshMs = Math.max(500, positiveInt('refresh-ms', opts.refreshMs, 3_600_000));
    const token = process.env[DASHBOARD_TOKEN_ENV] || undefined;
    if (!isLoopbackHost(opts.host) && !token)
      throw new InvalidInputError(
        `--host ${opts.host} exposes the dashboard beyond this machine: set a bearer token in ${DASHBOARD_TOKEN_ENV}`,
      );
    if (token !== undefined && token.length < 16)
      throw new InvalidInputError(`${DASHBOARD_TOKEN_ENV} must be at least 16 characters`);
    const store = await openStore(configFromFlags(opts));
    const app = await createDashboardServer({
      db: store.db,
      refreshMs,
      token,
      allowedHosts: allowedHosts(opts.host, opts.allowedHost),
      log: (line) => info(line),
    });
    let address: string;
    try {
      address = await app.listen({ port, host: opts.host });
    } catch (cause) {
      await app.close().catch(() => {});
      await store.close();
      throw new RetryableIoError(`cannot serve the dashboard on ${opts.host}:${port}`, { cause });
    }
    const result = { url: address, backend: store.backend, location: store.location, metrics: `${address}/metrics` };
    report({
      json: !!opts.json,
      result,
      human: (r) => `dashboard on ${r.url} (${r.backend}: ${r.location}); Ctrl-C stops`,
    });
    await new Promise<void>((resolve) => {
      const stop = () => {
        info('dashboard: stopping');
        resolve();
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await app.close();
    await store.close();
  });
}
