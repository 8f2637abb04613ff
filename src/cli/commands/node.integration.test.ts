/**
 * `arbml node` as a real process: refuses bad roles and an unreachable server with an error exit, serves /metrics while it runs, and on SIGTERM
 * finishes, prints its final counts as one JSON object and exits 0.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsServerAvailable, startNatsServer, type NatsServer } from '../../bus/local/natsServer.ts';
import { startRole } from '../../bus/local/roleProcess.ts';
import { runCli } from '../testing.ts';

describe('arbml node', () => {
  it('rejects an unknown role and an executor without --chain (exit 2), before connecting anywhere', async () => {
    expect((await runCli(['node', '--role', 'miner', '--bus', 'nats://127.0.0.1:1'])).code).toBe(2);
    expect((await runCli(['node', '--role', 'executor', '--bus', 'nats://127.0.0.1:1'])).code).toBe(2);
  });

  it('fails with an error exit (not a crash) when NATS is unreachable', async () => {
    // A RetryableIoError: an unavailable service, exit 3.
    expect((await runCli(['node', '--role', 'strategy', '--bus', 'nats://127.0.0.1:1'])).code).toBe(3);
  });
});

describe.skipIf(!natsServerAvailable())('arbml node process (private nats-server)', () => {
  let nats: NatsServer;
  beforeAll(async () => {
    nats = await startNatsServer();
  }, 30_000);
  afterAll(async () => nats?.dispose());

  it('serves /metrics while running and stops on SIGTERM with exit 0 and one JSON object', async () => {
    const p = await startRole({
      role: 'strategy',
      args: ['--bus', nats.url, '--namespace', 'nodecli', '--metrics-port', '0'],
    });
    const ready = await p.waitFor(/strategy: ready/, 30_000, true);
    const url = /metrics at (\S+)/.exec(ready)![1]!;
    const body = await (await fetch(url)).text();
    expect(body).toMatch(/arbml_bus_consumed_total\{role="strategy"\} 0/);
    expect(body).toContain('arbml_bus_decision_latency_seconds_bucket');
    const stdout = await p.stop();
    expect(p.child.exitCode).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(stdout)).toEqual({ role: 'strategy', decided: 0, redelivered: 0 });
  }, 60_000);
});
