/**
 * The RL agent's actions: execute now at 25 / 50 / 100 / 150% of the quoted optimal size on one of the top two
 * routes, wait one block, or drop. Indices are stable (they index Q-table rows in the policy file).
 */
export const SIZE_FACTORS = [0.25, 0.5, 1, 1.5] as const;
export const TOP_ROUTES = 2;

export enum RlAction {
  Exec25R0 = 0,
  Exec50R0,
  Exec100R0,
  Exec150R0,
  Exec25R1,
  Exec50R1,
  Exec100R1,
  Exec150R1,
  Wait,
  Drop,
}

export const ACTION_COUNT = 10;
export const EXECUTE_ACTIONS = TOP_ROUTES * SIZE_FACTORS.length;

export const ACTION_NAMES: readonly string[] = Object.freeze([
  ...Array.from({ length: TOP_ROUTES }, (_, r) => SIZE_FACTORS.map((f) => `execute_${f * 100}pct_route${r}`)).flat(),
  'wait',
  'drop',
]);

/** The size factor and route of an execute action, or null for wait / drop. */
export function executeParams(action: RlAction): { sizeFactor: number; routeIndex: number } | null {
  if (action >= EXECUTE_ACTIONS) return null;
  return {
    sizeFactor: SIZE_FACTORS[action % SIZE_FACTORS.length]!,
    routeIndex: Math.floor(action / SIZE_FACTORS.length),
  };
}
