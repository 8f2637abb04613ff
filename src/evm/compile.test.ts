import { mkdtempSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InvalidInputError } from '../core/errors.ts';
import { artifactOf, compileContracts, readSources } from './compile.ts';

const dir = mkdtempSync(join(tmpdir(), 'arbml-compile-'));
const contractsDir = join(dir, 'contracts');
const cacheDir = join(dir, 'cache');
mkdirSync(join(contractsDir, 'lib'), { recursive: true });
const lib =
  'pragma solidity 0.8.28;\nlibrary Twice { function times2(uint256 x) internal pure returns (uint256) { return 2 * x; } }\n';
const main = (k: number) =>
  `pragma solidity 0.8.28;\nimport {Twice} from "./lib/Twice.sol";\ncontract Doubler { function f(uint256 x) external pure returns (uint256) { return Twice.times2(x) + ${k}; } }\n`;

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('compileContracts', () => {
  it('compiles nested sources with imports, caches by source hash, and recompiles on change', () => {
    writeFileSync(join(contractsDir, 'lib', 'Twice.sol'), lib);
    writeFileSync(join(contractsDir, 'Doubler.sol'), main(0));
    expect(Object.keys(readSources(contractsDir))).toEqual(['Doubler.sol', 'lib/Twice.sol']);
    const first = compileContracts({ contractsDir, cacheDir });
    const doubler = artifactOf(first, 'Doubler');
    expect(doubler.sourceName).toBe('Doubler.sol');
    expect(doubler.abi).toEqual([
      {
        type: 'function',
        name: 'f',
        stateMutability: 'pure',
        inputs: [{ name: 'x', type: 'uint256', internalType: 'uint256' }],
        outputs: [{ name: '', type: 'uint256', internalType: 'uint256' }],
      },
    ]);
    expect(doubler.bytecode).toMatch(/^0x[0-9a-f]{100,}$/);
    expect(readdirSync(cacheDir)).toHaveLength(1);
    // Same sources: served from cache, no new file.
    expect(compileContracts({ contractsDir, cacheDir })).toBe(first);
    writeFileSync(join(contractsDir, 'Doubler.sol'), main(1));
    const second = compileContracts({ contractsDir, cacheDir });
    expect(artifactOf(second, 'Doubler').bytecode).not.toBe(doubler.bytecode);
    expect(readdirSync(cacheDir)).toHaveLength(2);
  });

  it('reports solc errors with the file and line, and unknown contracts by name', () => {
    writeFileSync(
      join(contractsDir, 'Doubler.sol'),
      'pragma solidity 0.8.28;\ncontract Broken { function f() external { undefinedThing(); } }\n',
    );
    expect(() => compileContracts({ contractsDir, cacheDir })).toThrow(/Doubler\.sol:2/);
    expect(() => artifactOf({}, 'Missing')).toThrow(InvalidInputError);
  });
});
