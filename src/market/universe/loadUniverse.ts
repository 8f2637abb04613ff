/**
 * Reads and validates a universe file (JSON): the schema's field checks, then the cross-field rules. Any failure is
 * one InvalidInputError naming the file and the field, e.g. `u.json: pools[12].feeTier: must be one of 100, 500,
 * 3000, 10000`. `DEFAULT_UNIVERSE_FILE` is the committed default (three chains, CALIBRATION.md, "Universe").
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { InvalidInputError } from '../../core/errors.ts';
import { universeSchema, V3_TICK_SPACING, type Universe } from './universeSchema.ts';

export const DEFAULT_UNIVERSE_FILE = fileURLToPath(new URL('./default-universe.json', import.meta.url));

/** `['pools', 12, 'feeTier']` -> `pools[12].feeTier`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`)).join('');
}

/** The first rule of the universe that the (schema-valid) value breaks, as `field: message`; undefined if none. */
export function checkUniverse(u: Universe): string | undefined {
  const symbols = new Set<string>();
  for (const [i, t] of u.tokens.entries()) {
    if (symbols.has(t.symbol)) return `tokens[${i}].symbol: ${t.symbol} is listed twice`;
    symbols.add(t.symbol);
    if (t.priceSource === 'cex' && !t.cexSymbol) return `tokens[${i}].cexSymbol: required when priceSource is cex`;
  }
  const chains = new Set<string>();
  for (const [i, c] of u.chains.entries()) {
    if (chains.has(c.name)) return `chains[${i}].name: ${c.name} is listed twice`;
    chains.add(c.name);
    if (!symbols.has(c.nativeToken)) return `chains[${i}].nativeToken: unknown token ${c.nativeToken}`;
    if (c.gas.model === 'arbitrum-l2' && c.gas.l1PricePerByteGwei === undefined)
      return `chains[${i}].gas.l1PricePerByteGwei: required by the arbitrum-l2 gas model`;
    for (const [j, lender] of c.flashLenders.entries()) {
      const k = lender.tokens.findIndex((s) => !symbols.has(s));
      if (k >= 0) return `chains[${i}].flashLenders[${j}].tokens[${k}]: unknown token ${lender.tokens[k]}`;
    }
  }
  const ids = new Set<string>();
  for (const [i, p] of u.pools.entries()) {
    if (!chains.has(p.chain)) return `pools[${i}].chain: ${p.chain} is not in chains`;
    if (!symbols.has(p.token0)) return `pools[${i}].token0: unknown token ${p.token0}`;
    if (!symbols.has(p.token1)) return `pools[${i}].token1: unknown token ${p.token1}`;
    if (p.token0 === p.token1) return `pools[${i}].token1: must differ from token0`;
    if (p.kind === 'v3' && V3_TICK_SPACING[p.feeTier] !== p.tickSpacing) {
      return `pools[${i}].tickSpacing: must be ${V3_TICK_SPACING[p.feeTier]} for fee tier ${p.feeTier}`;
    }
    const id = poolId(p);
    if (ids.has(id)) return `pools[${i}]: ${id} is listed twice`;
    ids.add(id);
  }
  return undefined;
}

/** A pool's stable id in the universe: chain, venue, pair and fee, e.g. `ethereum:uniswap-v3:USDC-WETH:500`. */
export function poolId(p: Universe['pools'][number]): string {
  const pair = [p.token0, p.token1].sort().join('-');
  return `${p.chain}:${p.venue}:${pair}:${p.kind === 'v3' ? p.feeTier : p.feeBps}`;
}

/** Validates a parsed universe; `source` names it in messages. */
export function parseUniverse(value: unknown, source = 'universe'): Universe {
  const parsed = universeSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidInputError(`${source}: ${issue.path.length ? `${fieldPath(issue.path)}: ` : ''}${issue.message}`);
  }
  const broken = checkUniverse(parsed.data);
  if (broken) throw new InvalidInputError(`${source}: ${broken}`);
  return parsed.data;
}

export function loadUniverse({ file = DEFAULT_UNIVERSE_FILE }: { file?: string } = {}): Universe {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new InvalidInputError(`universe file not found or unreadable: ${file}`, { cause });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new InvalidInputError(`${file}: not valid JSON (${(cause as Error).message})`, { cause });
  }
  return parseUniverse(value, file);
}
