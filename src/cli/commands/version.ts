import type { Command } from 'commander';
import { report } from '../output.ts';

/** `arbml info`: versions of the runtime and package, for bug reports. */
export function register(program: Command): void {
  program
    .command('info')
    .description('Show arbml, Node.js and platform versions')
    .option('--json', 'print one JSON object on stdout')
    .action((opts: { json?: boolean }) => {
      const result = {
        arbml: program.version(),
        node: process.versions.node,
        platform: `${process.platform}-${process.arch}`,
      };
      report({ json: !!opts.json, result, human: (r) => `arbml ${r.arbml} on node ${r.node} (${r.platform})` });
    });
}
