/** `arbml models list [--kind K] [--json]`: every recorded model version with status, window and headline metric. */
import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { isModelKind, MODEL_KINDS } from '../../train/artefacts.ts';
import { openStore } from '../../store/openStore.ts';
import { listAllModelVersions } from '../../store/modelRegistry.ts';
import type { ModelVersionRow } from '../../store/modelVersions.ts';
import { commandGroup } from '../group.ts';
import { configFromFlags, withCommonOptions, type CommonFlags } from '../options.ts';
import { report } from '../output.ts';

const HEADLINE = [
  'retrain_holdout_mae_bps',
  'holdout_mae_bps',
  'holdout_mae_gwei_5min',
  'holdout_total_profit_eth',
  'pct_of_oracle',
];

function headline(m: Record<string, unknown>): string {
  const key = HEADLINE.find((k) => typeof m[k] === 'number');
  return key ? `${key} ${(m[key] as number).toFixed(4)}` : '';
}

export function formatModels(rows: readonly ModelVersionRow[]): string {
  if (rows.length === 0) return 'no models recorded yet: arbml retrain (or arbml train slippage|rl)';
  const day = (d: Date | null): string => (d ? d.toISOString().slice(0, 16).replace('T', ' ') : '-');
  return rows
    .map(
      (r) =>
        `${r.kind.padEnd(9)} v${String(r.version).padEnd(4)} ${r.status.padEnd(9)} trained ${day(r.trainedAt)}  window ${day(r.windowStart)} .. ${day(r.windowEnd)}  ${headline(r.metrics)}`,
    )
    .join('\n');
}

export function register(program: Command): void {
  withCommonOptions(
    commandGroup(program, 'models')
      .command('list')
      .description('List model versions (kind, version, status, training window, holdout figure)')
      .option('--kind <kind>', 'only this kind (slippage, gas, rl)'),
  ).action(async (opts: CommonFlags & { kind?: string }) => {
    if (opts.kind !== undefined && !isModelKind(opts.kind))
      throw new InvalidInputError(`unknown model kind ${opts.kind}: one of ${MODEL_KINDS.join(', ')}`);
    const store = await openStore(configFromFlags(opts));
    try {
      const rows = await listAllModelVersions(store.db, opts.kind);
      report({ json: !!opts.json, result: { models: rows }, human: () => formatModels(rows) });
    } finally {
      await store.close();
    }
  });
}
