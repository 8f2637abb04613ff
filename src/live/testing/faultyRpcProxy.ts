/**
 * A JSON-RPC proxy on 127.0.0.1 in front of the rig's node that injects the faults a real provider shows: HTTP
 * 5xx/429, JSON-RPC internal errors (-32603), and responses that hang past the client's timeout. Each injected
 * fault applies to the next request; other requests are forwarded unchanged. A hook can run just before or after a
 * method is forwarded (a front-runner that moves a pool when our transaction is sent, a base-fee spike right after).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type RpcFault = { kind: 'status'; status: number } | { kind: 'rpc-error' } | { kind: 'hang'; ms: number };

export interface RpcHook {
  /** Awaited before the request is forwarded. */
  before?: (params: unknown[]) => Promise<void>;
  /** Awaited after the node answered, before the answer is returned. */
  after?: (params: unknown[]) => Promise<void>;
}

export interface FaultyRpcProxy {
  readonly url: string;
  inject(fault: RpcFault, count?: number): void;
  /** Runs `hook` around every request of `method` until replaced (undefined removes it). */
  hook(method: string, hook: RpcHook | undefined): void;
  /** Faults injected and served so far. */
  readonly served: number;
  close(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFaultyRpcProxy(targetUrl: string): Promise<FaultyRpcProxy> {
  const faults: RpcFault[] = [];
  const hooks = new Map<string, RpcHook>();
  let served = 0;
  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const text = await body(req);
    const fault = faults.shift();
    if (fault) served++;
    if (fault?.kind === 'status') {
      res.writeHead(fault.status, { 'content-type': 'text/plain' });
      return void res.end('injected');
    }
    if (fault?.kind === 'rpc-error') {
      const id = (JSON.parse(text) as { id?: unknown }).id ?? null;
      res.writeHead(200, { 'content-type': 'application/json' });
      return void res.end(JSON.stringify({ jsonrpc: '2.0', id, error: { code: -32603, message: 'Internal error' } }));
    }
    if (fault?.kind === 'hang') await new Promise((r) => setTimeout(r, fault.ms));
    const call = JSON.parse(text) as { method?: string; params?: unknown[] };
    const hook = call.method ? hooks.get(call.method) : undefined;
    await hook?.before?.(call.params ?? []);
    try {
      const upstream = await fetch(targetUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: text,
      });
      const answer = await upstream.text();
      await hook?.after?.(call.params ?? []);
      res.writeHead(upstream.status, { 'content-type': 'application/json' });
      res.end(answer);
    } catch {
      res.writeHead(502, { 'content-type': 'text/plain' });
      res.end('upstream unreachable');
    }
  };
  const server = createServer((req, res) => void handle(req, res).catch(() => res.destroy()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    inject: (fault, count = 1) => {
      for (let i = 0; i < count; i++) faults.push(fault);
    },
    hook: (method, h) => void (h ? hooks.set(method, h) : hooks.delete(method)),
    get served() {
      return served;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
