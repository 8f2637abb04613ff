/**
 * `arbml doctor`: every check in one report. `ok` is true when every check the configured mode needs holds
 * (optional ones, such as benchmark peers or an unset data folder, are reported but do not fail it).
 */
import type { ArbmlConfig } from '../../core/config.ts';
import type { DoctorCheck } from './doctorCheck.ts';
import { dataDirCheck, embeddedDbCheck, kernelCheck, kernelFiles, nodeCheck } from './localChecks.ts';
import { databaseChecks, natsCheck, peerChecks } from './serviceChecks.ts';

export interface DoctorReport {
  ok: boolean;
  checks: DoctorCheck[];
}

export interface RunDoctorOptions {
  config: Pick<ArbmlConfig, 'dbPath' | 'databaseUrl' | 'dataDir'>;
  /** NATS URL of the distributed mode, when configured. */
  busUrl?: string;
  /** Kernel files to look for (tests point it elsewhere). */
  kernels?: readonly string[];
  /** Skip the benchmark-peer probes (each starts a Python process). */
  peers?: boolean;
  onCheck?: (c: DoctorCheck) => void;
}

export async function runDoctor(o: RunDoctorOptions): Promise<DoctorReport> {
  const checks: DoctorCheck[] = [];
  const add = (...cs: DoctorCheck[]) => cs.forEach((c) => (checks.push(c), o.onCheck?.(c)));
  add(nodeCheck(), kernelCheck(o.kernels ?? kernelFiles), dataDirCheck(o.config.dataDir));
  add(embeddedDbCheck(o.config.dbPath, !o.config.databaseUrl));
  add(...(await databaseChecks(o.config.databaseUrl)));
  add(await natsCheck(o.busUrl));
  if (o.peers !== false) add(...peerChecks());
  return { ok: checks.every((c) => c.ok || !c.required), checks };
}
