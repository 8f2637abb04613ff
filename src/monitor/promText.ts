/**
 * Reads samples out of the Prometheus text exposition format (what `/metrics` returns): one entry per sample,
 * keyed by its series (`name{label="v",...}` with labels sorted). Comments and blank lines are skipped.
 */
import { InvalidInputError } from '../core/errors.ts';

export type PromSamples = Map<string, number>;

const sampleLine = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})?\s+(\S+)(\s+\d+)?$/;
const labelPair = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

/** `name{a="1",b="2"}` with labels sorted by name; just `name` when it has none. */
export function seriesKey(name: string, labels: Record<string, string> = {}): string {
  const pairs = Object.entries(labels).sort(([a], [b]) => a.localeCompare(b));
  return pairs.length ? `${name}{${pairs.map(([k, v]) => `${k}="${v}"`).join(',')}}` : name;
}

function parseValue(text: string, line: number): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  const value = Number(text);
  if (Number.isNaN(value) && text.toLowerCase() !== 'nan')
    throw new InvalidInputError(`metrics line ${line}: bad value "${text}"`);
  return value;
}

export function parsePromText(text: string): PromSamples {
  const samples: PromSamples = new Map();
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const m = sampleLine.exec(line);
    if (!m) throw new InvalidInputError(`metrics line ${i + 1}: not a sample: ${line}`);
    const labels: Record<string, string> = {};
    for (const [, k, v] of (m[3] ?? '').matchAll(labelPair)) labels[k!] = v!;
    samples.set(seriesKey(m[1]!, labels), parseValue(m[4]!, i + 1));
  });
  return samples;
}
