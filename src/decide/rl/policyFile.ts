/**
 * models/rl_policy.json: the Q-table with its metadata (version, seed, episodes, training window, state
 * discretisation, actions, agent parameters, metrics with the learning curve and avg_reward). No timestamps and
 * sorted states, so the same seed writes the same bytes. Loading reads data only.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../core/errors.ts';
import { ACTION_COUNT, ACTION_NAMES } from './actions.ts';
import type { Rng } from '../../core/random.ts';
import { COARSE_DIMS, MIN_FINE_UPDATES, QAgent } from './qAgent.ts';
import { STATE_BINS } from './rlState.ts';

export const RL_POLICY_VERSION = 1;
export const RL_POLICY_FILE = 'rl_policy.json';

export interface RlPolicyMeta {
  seed: number;
  episodes: number;
  training_window: { seed: number; days: number; episodes_generated: number };
  metrics: Record<string, unknown> & { curve: [number, number][]; avg_reward: number };
}

function table(m: ReadonlyMap<string, Float64Array>): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  for (const key of [...m.keys()].sort()) out[key] = Array.from(m.get(key)!, (v) => Number(v.toPrecision(12)));
  return out;
}

export function policyJson(agent: QAgent, meta: RlPolicyMeta): string {
  const updates: Record<string, number> = {};
  for (const key of [...agent.updates.keys()].sort()) updates[key] = agent.updates.get(key)!;
  const doc = {
    version: RL_POLICY_VERSION,
    kind: 'tabular_q_learning',
    ...meta,
    features: Object.keys(STATE_BINS),
    state_discretisation: STATE_BINS,
    actions: ACTION_NAMES,
    params: agent.params,
    q: table(agent.q),
    coarse: { dims: COARSE_DIMS, min_fine_updates: MIN_FINE_UPDATES, q: table(agent.coarse), updates },
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

export function writePolicyFile(path: string, json: string): void {
  writeFileSync(`${path}.tmp`, json);
  renameSync(`${path}.tmp`, path);
}

interface PolicyDoc {
  version?: number;
  q?: Record<string, number[]>;
  coarse?: { q?: Record<string, number[]>; updates?: Record<string, number> };
}

function readTable(path: string, what: string, t: Record<string, unknown>): Map<string, Float64Array> {
  const out = new Map<string, Float64Array>();
  for (const [k, v] of Object.entries(t)) {
    if (!Array.isArray(v) || v.length !== ACTION_COUNT || v.some((x) => typeof x !== 'number'))
      throw new InvalidInputError(`${path}: ${what} state ${k} needs ${ACTION_COUNT} numbers`);
    out.set(k, Float64Array.from(v as number[]));
  }
  return out;
}

function readDoc(path: string): PolicyDoc & { q: Record<string, number[]> } {
  let doc: PolicyDoc;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8')) as PolicyDoc;
  } catch (cause) {
    throw new InvalidInputError(`cannot read rl policy ${path}`, { cause });
  }
  if (doc.version !== RL_POLICY_VERSION || typeof doc.q !== 'object' || doc.q === null)
    throw new InvalidInputError(`${path}: not an rl policy v${RL_POLICY_VERSION}`);
  return doc as PolicyDoc & { q: Record<string, number[]> };
}

/** An agent that acts as the policy file's (fine and coarse tables, update counts); data only, no code. */
export function restoreAgent(path: string, rng: Rng): QAgent {
  const doc = readDoc(path);
  const agent = new QAgent(rng);
  for (const [k, v] of readTable(path, 'q', doc.q)) agent.q.set(k, v);
  for (const [k, v] of readTable(path, 'coarse', doc.coarse?.q ?? {})) agent.coarse.set(k, v);
  for (const [k, n] of Object.entries(doc.coarse?.updates ?? {})) {
    if (!Number.isInteger(n) || n < 0)
      throw new InvalidInputError(`${path}: update count of ${k} must be a non-negative integer`);
    agent.updates.set(k, n);
  }
  return agent;
}
