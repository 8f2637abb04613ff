/**
 * The decision path's loader: a missing or unreadable slippage model is not an error there; the caller falls
 * back to the 50 bps heuristic. Exactly one warning per call says why; nothing throws.
 */
import { SlippagePredictor } from './slippagePredictor.ts';

export type WarnFn = (message: string) => void;

const stderrWarn: WarnFn = (m) => process.stderr.write(`warning: ${m}\n`);

export function loadSlippagePredictorOrNull(path: string, warn: WarnFn = stderrWarn): SlippagePredictor | null {
  try {
    return SlippagePredictor.load(path);
  } catch (err) {
    const reason = err instanceof Error ? err.message.replace(/\n/g, '; ') : String(err);
    warn(`slippage model unavailable (${reason}); using the static 50 bps slippage assumption`);
    return null;
  }
}
