/**
 * Conversions between bigint base units and decimal numbers, for the edges only (display, features, prices).
 */
import { InvalidInputError } from '../../core/errors.ts';

/** Base units to a float in whole tokens (loses precision beyond ~15 significant digits; never feed it back). */
export function toDecimal(amount: bigint, decimals: number): number {
  const scale = 10n ** BigInt(decimals);
  const whole = amount / scale;
  const frac = amount % scale;
  return Number(whole) + Number(frac) / Number(scale);
}

/** A decimal string such as "1.5" to base units, exactly; rejects more fractional digits than decimals. */
export function parseUnits(text: string, decimals: number): bigint {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!m) throw new InvalidInputError(`not a decimal number: "${text}"`);
  const frac = m[3] ?? '';
  if (frac.length > decimals) throw new InvalidInputError(`"${text}" has more than ${decimals} decimals`);
  const value = BigInt(m[2] + frac.padEnd(decimals, '0'));
  return m[1] === '-' ? -value : value;
}

/** Base units to an exact decimal string ("1.5"). */
export function formatUnits(amount: bigint, decimals: number): string {
  const negative = amount < 0n;
  const abs = negative ? -amount : amount;
  const scale = 10n ** BigInt(decimals);
  const frac = (abs % scale).toString().padStart(decimals, '0').replace(/0+$/, '');
  return `${negative ? '-' : ''}${abs / scale}${frac ? '.' + frac : ''}`;
}
