import { describe, expect, it } from 'vitest';
import { buildProgram } from './main.ts';

describe('arbml program', () => {
  it('discovers subcommands and each has help', async () => {
    const program = await buildProgram();
    const names = program.commands.map((c) => c.name());
    expect(names.length).toBeGreaterThan(0);
    for (const cmd of program.commands) expect(cmd.helpInformation()).toContain(cmd.name());
  });
});
