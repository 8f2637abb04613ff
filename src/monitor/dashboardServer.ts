/**
 * The built-in dashboard: a fastify app serving one HTML page (uPlot charts, refreshing every few seconds), the
 * JSON API behind it, and /metrics. Works on either store backend; it only reads.
 *
 *   GET /                      the page
 *   GET /api/panels            every panel at once (what the page polls)
 *   GET /api/<panel>           one panel: summary, slippage, rl, gas, profit, success, outcomes
 *   GET /metrics               Prometheus: ledger gauges, request counts, process metrics
 * Query parameters of the API: from, to (ISO 8601 or epoch ms), last (seconds before the newest row).
 * Every request passes the guard (dashboardGuard.ts: Host allowlist, optional bearer token); a failure other than
 * bad input answers a generic 500 with the details only in the server log.
 */
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import { collectDefaultMetrics, Counter, Registry } from 'prom-client';
import { InvalidInputError } from '../core/errors.ts';
import { scrubSecrets } from '../core/scrubSecrets.ts';
import { dashboardGuard } from './dashboardGuard.ts';
import type { Db } from '../store/db.ts';
import { timescaleSchema } from '../store/timescale.ts';
import { registerLedgerMetrics } from './ledgerMetrics.ts';
import { parseTimeParam, resolveWindow, type DashboardWindow } from './panels/dashboardWindow.ts';
import { panelQueries, type PanelKey } from './panels/panelQueries.ts';
import { runPanel, type PanelData } from './panels/runPanel.ts';
import { dashboardPage, loadWebAssets } from './webAssets.ts';

export interface CreateDashboardServerOptions {
  db: Db;
  /** How often the page refreshes (default 3000 ms). */
  refreshMs?: number;
  /** Registry for /metrics (default: a new one with ledger gauges and process metrics). */
  registry?: Registry;
  /** Host header names accepted besides localhost/127.0.0.1/::1 (others get 403). */
  allowedHosts?: readonly string[];
  /** Bearer token required on every request (required by the dashboard command for a non-loopback bind). */
  token?: string;
  /** Server-side log of internal errors (their details never go to the client). */
  log?: (line: string) => void;
}

export interface PanelsResponse {
  window: { from: string; to: string; stepSeconds: number } | null;
  panels: Record<PanelKey, PanelData>;
}

type WindowQuery = { from?: string; to?: string; last?: string };

function windowRequest(q: WindowQuery) {
  const last = q.last === undefined || q.last === '' ? undefined : Number(q.last);
  if (last !== undefined && !(Number.isFinite(last) && last > 0))
    throw new InvalidInputError(`query parameter "last": not a positive number of seconds: "${q.last}"`);
  return { from: parseTimeParam('from', q.from), to: parseTimeParam('to', q.to), lastSeconds: last };
}

function windowJson(w: DashboardWindow | null): PanelsResponse['window'] {
  return w && { from: w.from.toISOString(), to: w.to.toISOString(), stepSeconds: w.stepSeconds };
}

export async function createDashboardServer({
  db,
  refreshMs = 3000,
  registry,
  allowedHosts,
  token,
  log = () => {},
}: CreateDashboardServerOptions): Promise<FastifyInstance> {
  const reg = registry ?? new Registry();
  if (!registry) {
    collectDefaultMetrics({ register: reg, prefix: 'arbml_dashboard_' });
    registerLedgerMetrics(reg, db);
  }
  const requests = new Counter({
    name: 'arbml_dashboard_api_requests_total',
    help: 'Dashboard API requests by route',
    labelNames: ['route'],
    registers: [reg],
  });
  const timescale = db.backend === 'postgres' ? await timescaleSchema(db) : undefined;
  const assets = loadWebAssets();
  const page = dashboardPage(refreshMs);
  const app = Fastify({ logger: false });

  app.addHook('onRequest', dashboardGuard({ allowedHosts, token }));
  app.setErrorHandler((err, req, reply: FastifyReply) => {
    if (err instanceof InvalidInputError) return void reply.status(400).send({ error: err.message });
    // A database error can name tables, hosts or credentials: the client gets a generic body, the log the detail.
    log(
      `dashboard: ${req.method} ${req.url.split('?')[0]} failed: ${scrubSecrets(err instanceof Error ? err.message : String(err))}`,
    );
    void reply.status(500).send({ error: 'internal error' });
  });

  app.get('/', (_req, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get<{ Params: { name: string } }>('/assets/:name', (req, reply) => {
    const asset = assets.get(req.params.name);
    if (!asset) return reply.status(404).send({ error: `no asset ${req.params.name}` });
    return reply.type(asset.contentType).header('cache-control', 'max-age=300').send(asset.body);
  });
  app.get('/metrics', async (_req, reply) => reply.type(reg.contentType).send(await reg.metrics()));

  app.get<{ Querystring: WindowQuery }>('/api/panels', async (req): Promise<PanelsResponse> => {
    requests.inc({ route: 'panels' });
    const window = await resolveWindow(db, windowRequest(req.query));
    const panels = {} as Record<PanelKey, PanelData>;
    for (const { key } of panelQueries) panels[key] = await runPanel({ db, key, window, timescaleSchema: timescale });
    return { window: windowJson(window), panels };
  });
  for (const { key } of panelQueries) {
    app.get<{ Querystring: WindowQuery }>(`/api/${key}`, async (req) => {
      requests.inc({ route: key });
      const window = await resolveWindow(db, windowRequest(req.query));
      return { window: windowJson(window), ...(await runPanel({ db, key, window, timescaleSchema: timescale })) };
    });
  }
  return app;
}
