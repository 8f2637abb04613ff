/**
 * Command groups shared by several command files (`bench`, `import`, `train`, `eval`, `db`, `models`): each file
 * asks for the group and adds its own subcommand, so no file has to know the others.
 */
import type { Command } from 'commander';

const descriptions: Record<string, string> = {
  bench: 'Benchmarks; JSON out, compared with a peer in the same run',
  import: 'Import real market data files into the store',
  train: 'Train a model from the store or a data file',
  eval: 'Evaluate a model under a fixed protocol',
  db: 'Database migrations and status',
  models: 'Model registry: list, promote, rollback',
  verify: 'Check this installation against real protocol bytecode',
};

export function commandGroup(program: Command, name: string): Command {
  const existing = program.commands.find((c) => c.name() === name);
  if (existing) return existing;
  return program.command(name).description(descriptions[name] ?? name);
}
