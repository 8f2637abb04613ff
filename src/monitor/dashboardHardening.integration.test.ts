/**
 * Dashboard hardening: Host allowlist against DNS rebinding, a bearer token, generic 500 bodies, and the command
 * refusing a non-loopback bind without a token.
 */
import type { FastifyInstance } from 'fastify';
import { Registry } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCliCaptured } from '../cli/testing.ts';
import { openTestStore, type TestStore } from '../store/testing.ts';
import { createDashboardServer } from './dashboardServer.ts';
import { insertKnownLedger } from './testing/knownLedger.ts';

const TOKEN = 'dashboard-token-5f2c9e1a77';

describe('dashboard hardening (embedded database)', () => {
  let t: TestStore;
  let open: FastifyInstance;
  let guarded: FastifyInstance;
  beforeAll(async () => {
    t = await openTestStore({ name: 'pglite' }, 'dashboard_hardening');
    await insertKnownLedger(t.store);
    open = await createDashboardServer({ db: t.store.db, registry: new Registry() });
    guarded = await createDashboardServer({
      db: t.store.db,
      registry: new Registry(),
      token: TOKEN,
      allowedHosts: ['arbml.lan'],
    });
  }, 60_000);
  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await t?.cleanup();
  });

  it('answers only to allowed Host headers: evil.example gets 403 (DNS rebinding), loopback names pass', async () => {
    for (const host of ['evil.example', 'evil.example:8080', '127.0.0.1.evil.example'])
      expect((await open.inject({ url: '/api/panels', headers: { host } })).statusCode).toBe(403);
    for (const host of ['localhost:8080', '127.0.0.1:8080', '[::1]:8080'])
      expect((await open.inject({ url: '/api/panels', headers: { host } })).statusCode).toBe(200);
    const rebinding = await open.inject({ url: '/', headers: { host: 'evil.example' } });
    expect(rebinding.body).not.toContain('uPlot');
  });

  it('with a token: every route needs it (header, or the cookie /?token= sets); extra allowed hosts pass', async () => {
    const host = 'arbml.lan:8080';
    expect((await guarded.inject({ url: '/api/panels', headers: { host } })).statusCode).toBe(401);
    expect((await guarded.inject({ url: '/metrics', headers: { host } })).statusCode).toBe(401);
    const wrong = await guarded.inject({ url: '/api/panels', headers: { host, authorization: 'Bearer nope' } });
    expect(wrong.statusCode).toBe(401);
    const ok = await guarded.inject({ url: '/api/panels', headers: { host, authorization: `Bearer ${TOKEN}` } });
    expect(ok.statusCode).toBe(200);
    const page = await guarded.inject({ url: `/?token=${TOKEN}`, headers: { host } });
    expect(page.statusCode).toBe(200);
    const cookie = String(page.headers['set-cookie']);
    expect(cookie).toMatch(/arbml_token=.*HttpOnly; SameSite=Strict/);
    const viaCookie = await guarded.inject({ url: '/api/summary', headers: { host, cookie: cookie.split(';')[0]! } });
    expect(viaCookie.statusCode).toBe(200);
    expect(
      (
        await guarded.inject({
          url: '/api/panels',
          headers: { host: 'evil.example', authorization: `Bearer ${TOKEN}` },
        })
      ).statusCode,
    ).toBe(403);
  });

  it('a failing query answers a generic 500; the detail goes to the server log only', async () => {
    const s = await openTestStore({ name: 'pglite' }, 'dashboard_hardening_500');
    const lines: string[] = [];
    const app = await createDashboardServer({ db: s.store.db, registry: new Registry(), log: (l) => lines.push(l) });
    try {
      await s.store.db.query('DROP TABLE arbitrage_opportunities CASCADE');
      const res = await app.inject('/api/panels');
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ error: 'internal error' });
      expect(res.body).not.toMatch(/arbitrage_opportunities|relation/);
      expect(lines.join('\n')).toMatch(/GET \/api\/panels failed: .*arbitrage_opportunities/);
    } finally {
      await app.close();
      await s.cleanup();
    }
  });

  it('arbml dashboard --host 0.0.0.0 without a token is refused (exit 2)', async () => {
    const saved = process.env.ARBML_DASHBOARD_TOKEN;
    delete process.env.ARBML_DASHBOARD_TOKEN;
    try {
      const r = await runCliCaptured([
        'dashboard',
        '--host',
        '0.0.0.0',
        '--port',
        '0',
        '--db-path',
        '/nonexistent/never-opened',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(
        /--host 0\.0\.0\.0 exposes the dashboard beyond this machine: set a bearer token in ARBML_DASHBOARD_TOKEN/,
      );
    } finally {
      if (saved !== undefined) process.env.ARBML_DASHBOARD_TOKEN = saved;
    }
  });
});
