/**
 * Library linking for npm artifacts: solc leaves a 20-byte placeholder wherever a contract calls an external
 * library function (Aave's Pool calls SupplyLogic, FlashLoanLogic, ...); `linkReferences` lists the byte offsets.
 * Linking writes each library's deployed address there. A placeholder left unlinked would make the deployment
 * call address 0x5f5f...; we refuse instead.
 */
import type { Address, Hex } from 'viem';
import { InvalidInputError } from '../../core/errors.ts';
import type { LinkReferences } from './protocolArtifacts.ts';

export interface LinkBytecodeOptions {
  bytecode: Hex;
  linkReferences: LinkReferences;
  /** Library name -> deployed address. */
  libraries: Readonly<Record<string, Address>>;
}

export function linkBytecode({ bytecode, linkReferences, libraries }: LinkBytecodeOptions): Hex {
  let code = bytecode.slice(2);
  for (const libs of Object.values(linkReferences)) {
    for (const [name, refs] of Object.entries(libs)) {
      const address = libraries[name];
      if (!address) throw new InvalidInputError(`library ${name} is not deployed (needed by linking)`);
      const body = address.slice(2).toLowerCase();
      for (const { start, length } of refs) {
        if (length !== 20) throw new InvalidInputError(`library ${name}: link reference of ${length} bytes`);
        code = code.slice(0, start * 2) + body + code.slice((start + length) * 2);
      }
    }
  }
  if (code.includes('__$')) throw new InvalidInputError('bytecode still holds an unlinked library placeholder');
  return `0x${code}`;
}
