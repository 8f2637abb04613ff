/**
 * Feeds each message of a durable pull consumer to a handler until the signal aborts. Messages are streamed as they
 * arrive (up to maxMessages outstanding), so latency is one delivery, not one fetch round. Whatever the handler has
 * not acknowledged when the process dies is redelivered by the server after the consumer's ack wait.
 */
import type { JetStreamClient, JsMsg } from '@nats-io/jetstream';

export interface ConsumeLoopOptions {
  js: JetStreamClient;
  stream: string;
  consumer: string;
  /** Messages pulled ahead (default 1,000). */
  maxMessages?: number;
  signal: AbortSignal;
  /** Called once per message, in delivery order; a returned promise is awaited before the next message. */
  onMessage(m: JsMsg): void | Promise<void>;
}

export async function consumeLoop({
  js,
  stream,
  consumer,
  maxMessages = 1_000,
  signal,
  onMessage,
}: ConsumeLoopOptions): Promise<void> {
  if (signal.aborted) return;
  const c = await js.consumers.get(stream, consumer);
  const msgs = await c.consume({ max_messages: maxMessages });
  const stop = (): void => void msgs.stop();
  signal.addEventListener('abort', stop, { once: true });
  try {
    for await (const m of msgs) {
      if (signal.aborted) break;
      const r = onMessage(m);
      if (r) await r;
    }
  } finally {
    signal.removeEventListener('abort', stop);
    await msgs.close().catch(() => {});
  }
}
