/**
 * A hardhat JSON-RPC node on 127.0.0.1 for the loopback rig. We chose hardhat 2.29's own `JsonRpcServer`
 * (hardhat/internal/hardhat-network/jsonrpc/server, what `npx hardhat node` runs) over the in-process EDR
 * provider of src/evm/localChain.ts: no hardhat.config, no child process, no compiler download, and the chain
 * state lives in the provider, so `restart()` can stop the server (dropping every open connection, as a crashed
 * node would) and start a new one on the same port over the same state. `npx hardhat node` would need a config
 * file pointing solc at the local soljson and a process to kill and relaunch, losing state on restart.
 */
import { createRequire } from 'node:module';
import type { Server } from 'node:http';
import type { Eip1193Provider } from '../../evm/localChain.ts';

interface HardhatJsonRpcServer {
  listen(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
  _httpServer: Server;
}
type ServerCtor = new (config: { hostname: string; port: number; provider: Eip1193Provider }) => HardhatJsonRpcServer;

export interface RpcNode {
  readonly url: string;
  readonly port: number;
  /** Stops serving (open connections are cut); the chain state is kept. */
  stop(): Promise<void>;
  /** Serves again on the same port. */
  start(): Promise<void>;
  /** stop, wait `downMs`, start. */
  restart(downMs?: number): Promise<void>;
  close(): Promise<void>;
}

function serverClass(): ServerCtor {
  const require = createRequire(import.meta.url);
  return (require('hardhat/internal/hardhat-network/jsonrpc/server') as { JsonRpcServer: ServerCtor }).JsonRpcServer;
}

export async function startRpcNode(provider: Eip1193Provider, port = 0): Promise<RpcNode> {
  const JsonRpcServer = serverClass();
  let server: HardhatJsonRpcServer | undefined;
  let bound = port;
  const start = async (): Promise<void> => {
    if (server) return;
    const s = new JsonRpcServer({ hostname: '127.0.0.1', port: bound, provider });
    const address = await s.listen();
    bound = address.port;
    server = s;
  };
  const stop = async (): Promise<void> => {
    const s = server;
    if (!s) return;
    server = undefined;
    const closing = s.close();
    s._httpServer.closeAllConnections();
    await closing;
  };
  await start();
  return {
    get url() {
      return `http://127.0.0.1:${bound}`;
    },
    get port() {
      return bound;
    },
    stop,
    start,
    restart: async (downMs = 500) => {
      await stop();
      await new Promise((r) => setTimeout(r, downMs));
      await start();
    },
    close: stop,
  };
}
