/**
 * `arbml evaluate --workers nats://...` hands one job per seed to `arbml node --role worker` processes on the bus
 * and gives the same numbers as the single-process run, in less wall time (two workers on two cores).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsServerAvailable, startNatsServer, type NatsServer } from '../../bus/local/natsServer.ts';
import { startRole, type RoleProcess } from '../../bus/local/roleProcess.ts';
import { runCli } from '../testing.ts';

const args = [
  'evaluate',
  '--seeds',
  '2',
  '--days',
  '1',
  '--chains',
  'polygon',
  '--rl-episodes',
  '2000',
  '--no-lstm',
  '--json',
];

/** The result without wall or CPU times (they differ from run to run). */
function numbers(stdout: string): unknown {
  return JSON.parse(stdout, (k: string, v: unknown) => (k === 'seconds' || k === 'cpu_seconds' ? undefined : v));
}

describe.skipIf(!natsServerAvailable())('evaluate --workers nats', () => {
  let nats: NatsServer;
  const workers: RoleProcess[] = [];
  beforeAll(async () => {
    nats = await startNatsServer();
    for (let i = 0; i < 2; i++) {
      const w = await startRole({ role: 'worker', args: ['--bus', nats.url, '--namespace', 'evalws'] });
      workers.push(w);
    }
    await Promise.all(workers.map((w) => w.waitFor(/^worker: ready/, 60_000, true)));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.stop().catch(() => w.kill())));
    await nats?.dispose();
  });

  it('two worker processes give the single-process numbers in less wall time', async () => {
    let t = performance.now();
    const single = await runCli([...args, '--workers', '0']);
    const singleSeconds = (performance.now() - t) / 1000;
    expect(single.code).toBe(0);
    t = performance.now();
    const bus = await runCli([...args, '--workers', nats.url, '--namespace', 'evalws']);
    const busSeconds = (performance.now() - t) / 1000;
    expect(bus.code).toBe(0);
    expect(numbers(bus.stdout)).toEqual(numbers(single.stdout));
    expect((numbers(bus.stdout) as { seeds: number }).seeds).toBe(2);
    console.log(
      `evaluate 2 seeds x 1 day: single process ${singleSeconds.toFixed(1)} s, two bus workers ${busSeconds.toFixed(1)} s`,
    );
    expect(busSeconds).toBeLessThan(singleSeconds);
  }, 1_200_000);
});
