/**
 * An error as one printable line: its short message (viem's `shortMessage`, ours) with details, then the same for
 * each cause in its chain (deduplicated, newlines folded, at most `maxChars`), with every secret removed. No stack
 * and no request body: they add nothing a user can act on and may quote request URLs or signed transactions.
 */
import { scrubSecrets } from './scrubSecrets.ts';

function own(e: Error): string {
  const x = e as Error & { shortMessage?: string; details?: string };
  const head = x.shortMessage ?? x.message.split('\n')[0] ?? '';
  // ArbmlError copies its cause's whole message into details: the cause is described on its own instead.
  const copied = x.cause instanceof Error && x.details === x.cause.message;
  return x.details && !copied && !head.includes(x.details) ? `${head} (${x.details})` : head;
}

export function describeError(error: unknown, maxCauses = 4, maxChars = 600): string {
  const parts: string[] = [];
  let e: unknown = error;
  for (let depth = 0; e !== undefined && e !== null && depth <= maxCauses; depth++) {
    const text = (e instanceof Error ? own(e) : typeof e === 'string' ? e : '').replace(/\s*\n+\s*/g, '; ').trim();
    if (text && !parts.some((p) => p.includes(text))) parts.push(text);
    e = e instanceof Error ? e.cause : undefined;
  }
  const line = scrubSecrets(parts.join(' <- ') || 'unknown error');
  return line.length > maxChars ? `${line.slice(0, maxChars)}...` : line;
}
