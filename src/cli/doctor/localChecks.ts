/**
 * Checks that need nothing but this machine: the Node.js version, the WASM kernels `npm ci` builds, the real-data
 * folder and its expected files, and a writable embedded-database directory.
 */
import { accessSync, constants, existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { REAL_FILES } from '../../market/calibration/realStats.ts';
import { dataDirParts } from '../../store/import/importDataDir.ts';
import { check, type DoctorCheck } from './doctorCheck.ts';

const MIN_NODE = [20, 19] as const;

export function nodeCheck(version = process.versions.node): DoctorCheck {
  const [major = 0, minor = 0] = version.split('.').map(Number);
  const ok = major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1]);
  return check(
    'node',
    true,
    ok,
    `Node.js ${version} (needs >= ${MIN_NODE.join('.')})`,
    'install Node.js 20.19 or newer',
  );
}

/** The two kernel files the GBDT and LSTM trainers load. */
export const kernelFiles = [
  fileURLToPath(new URL('../../ml/lstm/wasm/lstmKernels.wasm', import.meta.url)),
  fileURLToPath(new URL('../../ml/gbdt/wasm/gbdtKernels.wasm', import.meta.url)),
];

export function kernelCheck(files: readonly string[] = kernelFiles): DoctorCheck {
  const missing = files.filter((f) => !existsSync(f));
  const detail = missing.length ? `missing: ${missing.join(', ')}` : `${files.length} WASM kernels built`;
  return check('wasm_kernels', true, missing.length === 0, detail, 'run `npm run build:wasm` (npm ci does it)');
}

/** Every file the demo's import and `arbml calibrate` read from ARBML_DATA_DIR. */
function expectedData(dir: string): { present: string[]; missing: string[] } {
  const present: string[] = [];
  const missing: string[] = [];
  for (const [name, rel] of Object.entries(REAL_FILES))
    (existsSync(join(dir, rel)) ? present : missing).push(`${name} (${rel})`);
  for (const [name, part] of Object.entries(dataDirParts)) {
    const folder = join(dir, part.dir);
    const found = existsSync(folder) && readdirSync(folder).some((f) => part.pattern.test(f));
    (found ? present : missing).push(`${name} files (${part.dir})`);
  }
  return { present, missing };
}

export function dataDirCheck(dataDir: string | undefined): DoctorCheck {
  const fix = 'export ARBML_DATA_DIR=/path/to/data (a folder laid out like shared/data)';
  if (!dataDir)
    return check('data_dir', false, false, 'ARBML_DATA_DIR is not set: runs use the market model only', fix);
  if (!existsSync(dataDir)) return check('data_dir', true, false, `${dataDir} does not exist`, fix);
  const { present, missing } = expectedData(dataDir);
  const detail = missing.length
    ? `${dataDir}: missing ${missing.join('; ')}`
    : `${dataDir}: all ${present.length} expected inputs present`;
  return check('data_dir', true, missing.length === 0, detail, fix);
}

export function embeddedDbCheck(dbPath: string, used: boolean): DoctorCheck {
  const fix = `make ${dbPath} (or its parent) writable, or pass --db-path DIR`;
  try {
    const target = existsSync(dbPath) ? dbPath : dirname(dbPath);
    if (!existsSync(target)) mkdirSync(target, { recursive: true });
    accessSync(target, constants.W_OK);
    return check('embedded_db', used, true, `${dbPath} writable${used ? '' : ' (not used: DATABASE_URL is set)'}`, fix);
  } catch (err) {
    return check('embedded_db', used, false, `${dbPath}: ${(err as Error).message}`, fix);
  }
}
