/**
 * A tiny HTTP server exposing one prom-client registry at `/metrics`, for the runner's `--metrics-port`. Port 0
 * picks a free port; the bound port is returned. Anything but GET /metrics is a 404.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import { RetryableIoError } from '../core/errors.ts';

export interface StartMetricsServerOptions {
  registry: Registry;
  /** TCP port; 0 picks a free one (default 9464). */
  port?: number;
  /** Interface to bind (default 127.0.0.1: loopback only). */
  host?: string;
}

export interface MetricsServer {
  /** e.g. http://127.0.0.1:9464/metrics */
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

async function handle(registry: Registry, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const path = (req.url ?? '/').split('?')[0];
  if (req.method !== 'GET' || path !== '/metrics') {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found: GET /metrics\n');
    return;
  }
  try {
    const body = await registry.metrics();
    res.writeHead(200, { 'content-type': registry.contentType }).end(body);
  } catch (err) {
    res.writeHead(500, { 'content-type': 'text/plain' }).end(`metrics collection failed: ${String(err)}\n`);
  }
}

export async function startMetricsServer({
  registry,
  port = 9464,
  host = '127.0.0.1',
}: StartMetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((req, res) => void handle(registry, req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (cause) =>
      reject(new RetryableIoError(`cannot serve /metrics on ${host}:${port}`, { cause })),
    );
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${bound}/metrics`,
    port: bound,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
