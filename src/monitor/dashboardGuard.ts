/**
 * The dashboard's request guard. A Host allowlist (403 otherwise) stops DNS rebinding: a page on evil.example that
 * resolves its name to 127.0.0.1 still sends `Host: evil.example`. With a token, every request must carry it as
 * `Authorization: Bearer <token>` or in the `arbml_token` cookie (which `GET /?token=<token>` sets, so a browser
 * can open the page); compared in constant time. A bind beyond loopback must have a token (dashboard command).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Hostnames that always reach a loopback-bound dashboard. */
export const LOOPBACK_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

export interface DashboardGuardOptions {
  /** Hostnames accepted in the Host header (without port), besides the loopback names. */
  allowedHosts?: readonly string[];
  /** Bearer token every request must carry (none: no authentication, loopback binds only). */
  token?: string;
}

/** The hostname of a Host header: `[::1]:8080` -> `::1`, `Example.COM:80` -> `example.com`. */
export function hostnameOf(host: string | undefined): string {
  if (!host) return '';
  const h = host.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.split(':')[0]!;
}

const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
const sameSecret = (a: string, b: string): boolean => timingSafeEqual(digest(a), digest(b));

function presentedToken(req: FastifyRequest): string | undefined {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7).trim();
  const cookie = /(?:^|;\s*)arbml_token=([^;]+)/.exec(req.headers.cookie ?? '')?.[1];
  if (cookie) return decodeURIComponent(cookie);
  return (req.query as { token?: string } | undefined)?.token;
}

export function dashboardGuard(o: DashboardGuardOptions) {
  const allowed = new Set([...LOOPBACK_HOSTS, ...(o.allowedHosts ?? []).map((h) => hostnameOf(h))]);
  return async (req: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (!allowed.has(hostnameOf(req.headers.host))) {
      await reply.status(403).send({ error: 'forbidden: unknown Host header' });
      return;
    }
    if (o.token === undefined) return;
    const given = presentedToken(req);
    if (given === undefined || !sameSecret(given, o.token)) {
      await reply.status(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
      return;
    }
    const fromQuery = (req.query as { token?: string } | undefined)?.token !== undefined;
    if (fromQuery)
      void reply.header('set-cookie', `arbml_token=${encodeURIComponent(given)}; HttpOnly; SameSite=Strict; Path=/`);
  };
}
