/**
 * The hard limits of a sending run, in the style of core/config.ts: every key has a safe default and a
 * description, and can be set by flag (`--max-fee-per-gas-gwei`) or environment (`ARBML_MAX_FEE_PER_GAS_GWEI`).
 * Per trade: the fee cap, the tip cap and the share of the expected profit a
 * tip may bid away. Per run (the circuit breaker, circuitBreaker.ts): the gas budget, the loss per hour and the
 * number of consecutive reverts after which nothing more is sent.
 */
import { z } from 'zod';
import { envNameFor } from '../../core/config.ts';
import { InvalidInputError } from '../../core/errors.ts';

export const liveLimitsSchema = z.object({
  maxFeePerGasGwei: z.coerce
    .number()
    .positive()
    .default(200)
    .describe('Ceiling of maxFeePerGas of any transaction, gwei'),
  maxPriorityFeeGwei: z.coerce.number().nonnegative().default(3).describe('Ceiling of the priority fee (tip), gwei'),
  maxBidShare: z.coerce
    .number()
    .min(0)
    .max(1)
    .default(0.2)
    .describe("Largest share of a trade's expected profit its tip above the chain minimum may bid away"),
  gasBudgetEth: z.coerce
    .number()
    .positive()
    .default(0.05)
    .describe('Gas a run may spend in all, ETH (no trade is sent whose worst case would pass it)'),
  maxLossPerHourEth: z.coerce
    .number()
    .positive()
    .default(0.02)
    .describe('Net loss (gas included) in any hour that stops sending, ETH'),
  maxConsecutiveReverts: z.coerce
    .number()
    .int()
    .positive()
    .default(3)
    .describe('Reverted trades in a row that stop sending'),
});

export type LiveLimits = z.infer<typeof liveLimitsSchema>;
export type LiveLimitKey = keyof LiveLimits;

/** `maxFeePerGasGwei` -> `--max-fee-per-gas-gwei`. */
export function flagNameFor(key: string): string {
  return '--' + key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
}

export interface LoadLiveLimitsOptions {
  flags?: Partial<Record<LiveLimitKey, unknown>>;
  env?: NodeJS.ProcessEnv;
}

/** Flags over environment over defaults; an invalid value is InvalidInputError naming the key. */
export function loadLiveLimits(o: LoadLiveLimitsOptions = {}): LiveLimits {
  const env = o.env ?? process.env;
  const merged: Record<string, unknown> = {};
  for (const key of Object.keys(liveLimitsSchema.shape)) {
    const v = env[envNameFor(key)];
    if (v !== undefined && v !== '') merged[key] = v;
    const f = o.flags?.[key as LiveLimitKey];
    if (f !== undefined) merged[key] = f;
  }
  const r = liveLimitsSchema.strict().safeParse(merged);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    const key = issue.path.join('.') || String((issue as { keys?: string[] }).keys?.[0] ?? '');
    throw new InvalidInputError(`invalid live limit "${key}" (${flagNameFor(key)}): ${issue.message}`);
  }
  return r.data;
}

/** The keys with their flag, description and default, for `arbml run --help`. */
export function liveLimitOptions(): { key: LiveLimitKey; flag: string; description: string; defaultValue: unknown }[] {
  return (Object.entries(liveLimitsSchema.shape) as [LiveLimitKey, z.ZodType][]).map(([key, field]) => ({
    key,
    flag: flagNameFor(key),
    description: `${field.description ?? key} (env ${envNameFor(key)})`,
    defaultValue: (field.parse(undefined) as unknown) ?? undefined,
  }));
}
