/**
 * models/rl_policy.json: the Q-table with its metadata (version, seed, episodes, training window, state
 * discretisation, actions, agent parameters, metrics with the learning curve and avg_reward). No timestamps and
 * sorted states, so the same seed writes the same bytes. Loading reads data only.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InvalidInputError } from '../../core/errors.ts';
import { ACTION_COUNT, ACTION_NAMES } from './actions.ts';
import type { QAgent } from './qAgent.ts';
import { STATE_BINS } from './rlState.ts';

export const RL_POLICY_VERSION = 1;
export const RL_POLICY_FILE = 'rl_policy.json';

export interface RlPolicyMeta {
  seed: number;
  episodes: number;
  training_window: { seed: number; days: number; episodes_generated: number };
  metrics: Record<string, unknown> & { curve: [number, number][]; avg_reward: number };
}

export function policyJson(agent: QAgent, meta: RlPolicyMeta): string {
  const q: Record<string, number[]> = {};
  for (const key of [...agent.q.keys()].sort()) q[key] = Array.from(agent.q.get(key)!, (v) => Number(v.toPrecision(12)));
  const doc = {
    version: RL_POLICY_VERSION, kind: 'tabular_q_learning', ...meta, features: Object.keys(STATE_BINS), state_discretisation: STATE_BINS,
    actions: ACTION_NAMES, params: agent.params, q,
  };
  return `${JSON.stringify(doc, null, 1)}\n`;
}

export function writePolicyFile(path: string, json: string): void {
  writeFileSync(`${path}.tmp`, json);
  renameSync(`${path}.tmp`, path);
}

/** The Q-table of a policy file (state key -> action values); throws InvalidInputError naming the file. */
export function readPolicyQ(path: string): Map<string, Float64Array> {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { version?: number; q?: Record<string, number[]> };
  if (doc.version !== RL_POLICY_VERSION || typeof doc.q !== 'object' || doc.q === null) throw new InvalidInputError(`${path}: not an rl policy v${RL_POLICY_VERSION}`);
  const q = new Map<string, Float64Array>();
  for (const [k, v] of Object.entries(doc.q)) {
    if (!Array.isArray(v) || v.length !== ACTION_COUNT || v.some((x) => typeof x !== 'number')) throw new InvalidInputError(`${path}: state ${k} needs ${ACTION_COUNT} numbers`);
    q.set(k, Float64Array.from(v));
  }
  return q;
}
