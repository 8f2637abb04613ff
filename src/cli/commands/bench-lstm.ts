import type { Command } from 'commander';
import { InvalidInputError } from '../../core/errors.ts';
import { benchLstm, type BenchLstmResult } from '../../ml/lstm/benchLstm.ts';
import { commandGroup } from '../group.ts';
import { info, report, warn } from '../output.ts';

function human(r: BenchLstmResult): string {
  const lines = [
    `LSTM 10->64x2->1, batch 64, seq 100, ${r.sequences} sequences, Adam: one epoch`,
    `arbml: ${r.arbml_epoch_s_1thread.toFixed(3)} s (1 thread), ${r.arbml_epoch_s_2threads.toFixed(3)} s (2 worker threads); one forecast ${r.forecast_ms.toFixed(3)} ms`,
  ];
  if (r.torch_epoch_s !== null) {
    lines.push(
      `PyTorch (1 thread): ${r.torch_epoch_s.toFixed(3)} s; one forecast ${r.torch_forecast_ms!.toFixed(3)} ms`,
    );
    lines.push(
      `ratio 1 thread ${r.ratio_1thread!.toFixed(3)} (target <= 1.5), 2 threads ${r.ratio_2threads!.toFixed(3)} (target <= 1.0)`,
    );
  } else lines.push(`PyTorch side skipped: ${r.skipped}`);
  return lines.join('\n');
}

/** `arbml bench lstm`: our LSTM training epoch against PyTorch (CPU, 1 thread) in the same run. */
export function register(program: Command): void {
  commandGroup(program, 'bench')
    .command('lstm')
    .description(
      'LSTM training epoch (input 10, hidden 64, 2 layers, batch 64, seq 100, Adam) vs PyTorch 1 thread, and forecast latency',
    )
    .option('--sequences <n>', 'training sequences per epoch', '5000')
    .option('--epochs <n>', 'epochs per contender (best is reported)', '2')
    .option('--python <path>', 'Python with torch for the peer', '/usr/bin/python3')
    .option('--json', 'print one JSON object on stdout')
    .action(async (opts: { sequences: string; epochs: string; python: string; json?: boolean }) => {
      const sequences = Number(opts.sequences),
        epochs = Number(opts.epochs);
      if (!Number.isInteger(sequences) || sequences < 64)
        throw new InvalidInputError(`--sequences must be an integer >= 64, got ${opts.sequences}`);
      if (!Number.isInteger(epochs) || epochs < 1)
        throw new InvalidInputError(`--epochs must be a positive integer, got ${opts.epochs}`);
      const result = await benchLstm({
        sequences,
        epochs,
        python: opts.python,
        onStep: (m) => info(`bench lstm: ${m}`),
      });
      if (result.skipped) warn(`PyTorch side skipped: ${result.skipped}`);
      report({ json: !!opts.json, result, human });
    });
}
