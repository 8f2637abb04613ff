/**
 * Publishes to JetStream until the server confirms it stored the message (or says it was a duplicate): on a timeout
 * or while the server restarts it waits and publishes again with the same Nats-Msg-Id, so a retry that follows a
 * lost confirmation never stores the message twice (the stream's duplicate window drops the repeat).
 */
import type { JetStreamClient } from '@nats-io/jetstream';

export interface PublishReliablyOptions {
  js: JetStreamClient;
  subject: string;
  data: Uint8Array;
  /** Nats-Msg-Id: the opportunity id (or job id). */
  msgId: string;
  /** Give up when this is aborted (a role shutting down); otherwise retry forever. */
  signal?: AbortSignal;
  /** Per-attempt timeout (default 5 s). */
  timeoutMs?: number;
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Resolves true when stored (or already stored), false when aborted first. */
export async function publishReliably({
  js,
  subject,
  data,
  msgId,
  signal,
  timeoutMs = 5_000,
}: PublishReliablyOptions): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    if (signal?.aborted) return false;
    try {
      await js.publish(subject, data, { msgID: msgId, timeout: timeoutMs });
      return true;
    } catch {
      await sleep(Math.min(2_000, 50 * 2 ** Math.min(attempt, 6)));
    }
  }
}
