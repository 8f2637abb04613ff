/**
 * What every `arbml import ...` command shares: open the store (migrating it), run the importer with a progress
 * bar on stderr, print the counts (one JSON object with --json) and close. No `register` here: this file only
 * serves import-gas.ts, import-candles.ts and import-pool.ts.
 */
import { existsSync } from 'node:fs';
import { InvalidInputError } from '../../core/errors.ts';
import type { ImportProgress, ImportSummary } from '../../store/import/importSummary.ts';
import { openStore, type Store } from '../../store/openStore.ts';
import { configFromFlags, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';
import { createProgress, type Progress } from '../progress.ts';

const HUMAN_ERROR_LINES = 30;

export function formatImportSummary(label: string, s: ImportSummary): string {
  const lines = [`${label}: ${s.inserted} inserted, ${s.duplicates} duplicates, ${s.rejected} rejected`];
  for (const e of s.errors.slice(0, HUMAN_ERROR_LINES)) lines.push(`  ${e.file}:${e.line}: ${e.reason}`);
  if (s.errors.length > HUMAN_ERROR_LINES) lines.push(`  ... and ${s.errors.length - HUMAN_ERROR_LINES} more`);
  return lines.join('\n');
}

/** A progress callback that starts the bar when the row total is known. */
export function progressReporter(label: string, enabled = true): { onProgress: ImportProgress; stop(): void } {
  let bar: Progress | undefined;
  return {
    onProgress: (done, total) => {
      bar ??= createProgress({ label, total, enabled });
      bar.update(done);
    },
    stop: () => bar?.stop(),
  };
}

export async function runImport(
  flags: CommonFlags,
  label: string,
  files: readonly string[],
  work: (store: Store, onProgress: ImportProgress) => Promise<ImportSummary>,
): Promise<void> {
  const config = configFromFlags(flags);
  // A path the user mistyped stops the import before anything is written (bad rows are still reported per row).
  const absent = files.find((f) => !existsSync(f));
  if (absent !== undefined) throw new InvalidInputError(`file not found: ${absent}`);
  const store = await openStore(config);
  const progress = progressReporter(`import ${label}`, config.progress);
  try {
    const summary = await work(store, progress.onProgress);
    progress.stop();
    report({ json: !!flags.json, result: summary, human: (s) => formatImportSummary(label, s) });
  } finally {
    await store.close();
  }
}
