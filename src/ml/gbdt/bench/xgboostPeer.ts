/**
 * Runs the Python XGBoost peer script (bench/peers/xgboost_peer.py) and parses its one JSON line. A missing
 * interpreter or xgboost module is a normal outcome (`ok: false` with the reason), so benchmarks and interop
 * tests can skip with a message instead of failing.
 */
import { spawn } from 'node:child_process';
import { childEnv } from '../../../core/childEnv.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const PEER_SCRIPT = fileURLToPath(new URL('../../../../bench/peers/xgboost_peer.py', import.meta.url));

/** The interpreter: env ARBML_PYTHON, else Debian's /usr/bin/python3 (where python3-xgboost installs). */
export function peerPython(): string {
  return process.env.ARBML_PYTHON ?? '/usr/bin/python3';
}

export type PeerResult = { ok: true; result: Record<string, unknown> } | { ok: false; reason: string };

export function runXgboostPeer(args: string[]): Promise<PeerResult> {
  const python = peerPython();
  if (!existsSync(python)) return Promise.resolve({ ok: false, reason: `${python} not found` });
  return new Promise((resolve) => {
    const child = spawn(python, [PEER_SCRIPT, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: childEnv() });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', (e) => resolve({ ok: false, reason: `cannot run ${python}: ${e.message}` }));
    child.on('close', (code) => {
      if (code === 3) return resolve({ ok: false, reason: `${python} lacks the xgboost module` });
      if (code !== 0)
        return resolve({
          ok: false,
          reason: `xgboost peer exited with ${code}: ${err.trim().split('\n').pop() ?? ''}`,
        });
      try {
        resolve({ ok: true, result: JSON.parse(out.trim().split('\n').pop() ?? '') as Record<string, unknown> });
      } catch {
        resolve({ ok: false, reason: `xgboost peer printed no JSON: ${out.slice(0, 200)}` });
      }
    });
  });
}

/** True when the peer can run (python with xgboost); the reason otherwise. */
export async function xgboostAvailable(): Promise<true | string> {
  const python = peerPython();
  if (!existsSync(python)) return `${python} not found`;
  return new Promise((resolve) => {
    const child = spawn(python, ['-c', 'import xgboost'], { stdio: 'ignore', env: childEnv() });
    child.on('error', () => resolve(`cannot run ${python}`));
    child.on('close', (code) => resolve(code === 0 ? true : `${python} lacks the xgboost module`));
  });
}
