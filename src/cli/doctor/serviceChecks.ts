/**
 * Checks of the services a configured mode uses (PostgreSQL with or without TimescaleDB, NATS) and of the optional
 * benchmark peers (Python xgboost and torch, Chromium, Prometheus). Every probe is bounded in time.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { connect } from 'node:net';
import { timescaleAvailable, timescaleSchema } from '../../store/timescale.ts';
import { openPostgresDb, redactUrl } from '../../store/postgresDb.ts';
import { check, type DoctorCheck } from './doctorCheck.ts';

export async function databaseChecks(url: string | undefined): Promise<DoctorCheck[]> {
  if (!url) return [check('database_url', false, true, 'not set: the embedded PGlite database is used', '')];
  const shown = redactUrl(url);
  const fix = `start PostgreSQL or correct DATABASE_URL (${shown})`;
  try {
    const db = await Promise.race([
      openPostgresDb({ url, max: 1 }),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no answer within 5 s')), 5_000).unref()),
    ]);
    try {
      const installed = !!(await timescaleSchema(db));
      const available = installed || (await timescaleAvailable(db));
      const ts = installed
        ? 'installed in this database'
        : available
          ? 'available, created on migrate'
          : 'not available';
      return [
        check('database_url', true, true, `${shown} answers`, fix),
        check(
          'timescaledb',
          false,
          available,
          `TimescaleDB ${ts}`,
          'sudo ../shared/tools/install-timescaledb (hypertables are optional)',
        ),
      ];
    } finally {
      await db.close();
    }
  } catch (err) {
    return [check('database_url', true, false, `${shown}: ${(err as Error).message.split('\n')[0]}`, fix)];
  }
}

/** Whether something accepts TCP connections at host:port within 2 s. */
function tcpAnswers(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const done = (ok: boolean) => (socket.destroy(), resolve(ok));
    socket.setTimeout(2_000, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export async function natsCheck(busUrl: string | undefined): Promise<DoctorCheck> {
  if (!busUrl) return check('nats', false, true, 'no bus configured: single-process mode', '');
  const u = new URL(busUrl);
  const ok = await tcpAnswers(u.hostname, Number(u.port || 4222));
  return check(
    'nats',
    true,
    ok,
    `${u.hostname}:${u.port || 4222} ${ok ? 'answers' : 'does not answer'}`,
    'start nats-server -js, or drop --bus',
  );
}

function pythonHas(module: string): boolean {
  return spawnSync('/usr/bin/python3', ['-c', `import ${module}`], { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

function onPath(binary: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${binary}`], { stdio: 'ignore' }).status === 0;
}

export function peerChecks(): DoctorCheck[] {
  const peer = (name: string, ok: boolean, what: string) =>
    check(
      name,
      false,
      ok,
      `${what} ${ok ? 'present' : 'missing'} (benchmarks against it skip)`,
      'bash .ci/peers.sh (apt)',
    );
  return [
    peer('peer_xgboost', pythonHas('xgboost'), 'python3 xgboost'),
    peer('peer_torch', pythonHas('torch'), 'python3 torch'),
    peer('peer_chromium', existsSync('/usr/bin/chromium'), '/usr/bin/chromium'),
    peer('peer_prometheus', onPath('prometheus'), 'prometheus'),
  ];
}
