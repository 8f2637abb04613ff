/**
 * A NATS connection for a bus role: reconnects forever (a restarted server is waited for, never given up on),
 * and an unreachable server at start is a RetryableIoError (exit 3) naming the URL.
 */
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { RetryableIoError } from '../core/errors.ts';

export interface ConnectBusOptions {
  /** nats://host:port (default nats://127.0.0.1:4222). */
  url?: string;
  /** Connection name shown by the server (e.g. `arbml strategy`). */
  name?: string;
}

export async function connectBus({
  url = 'nats://127.0.0.1:4222',
  name,
}: ConnectBusOptions = {}): Promise<NatsConnection> {
  try {
    return await connect({
      servers: url,
      name,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 250,
      timeout: 5_000,
      pingInterval: 5_000,
    });
  } catch (cause) {
    throw new RetryableIoError(`cannot reach NATS at ${url}`, { cause });
  }
}
