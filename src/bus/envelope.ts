/**
 * A bus message carries one item or a batch of them (`{"batch": [...]}`): batching divides the per-message cost
 * (JSON framing, the client's publish request, the acknowledgement) by the batch size. A batch is published under
 * one Nats-Msg-Id made from its ids, so a batch republished after a crash is dropped by the duplicate window as a
 * single message is; the ledger's table key still makes each row once.
 */
export type Envelope<T> = T | { batch: T[] };

export function openEnvelope<T>(e: Envelope<T>): T[] {
  return typeof e === 'object' && e !== null && 'batch' in e && Array.isArray(e.batch) ? e.batch : [e as T];
}

export function sealEnvelope<T>(items: readonly T[]): Envelope<T> {
  return items.length === 1 ? items[0]! : { batch: [...items] };
}

/** The Nats-Msg-Id of a batch: the id itself for one item, else first..last+count. */
export function envelopeId(ids: readonly string[]): string {
  return ids.length === 1 ? ids[0]! : `${ids[0]}..${ids.at(-1)}+${ids.length}`;
}

/** Items grouped by a key (e.g. the subject), in first-seen order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
