/**
 * The run-wide limits of a sending run: a gas budget (the next send's worst case must fit in what is left), a
 * maximum net loss in any rolling hour, and a number of consecutive reverts. The first breach trips the breaker
 * for the rest of the run: nothing more is sent (the runner keeps deciding and logging as in paper mode), the
 * caller logs one line, sets the metric and exits non-zero at the end.
 */
import { parseEther } from 'viem';
import type { LiveLimits } from './liveLimits.ts';

export type BreakerLimit = 'gas_budget' | 'loss_per_hour' | 'consecutive_reverts';

export interface BreakerTrip {
  limit: BreakerLimit;
  detail: string;
}

const HOUR_MS = 3_600_000;

export class CircuitBreaker {
  tripped: BreakerTrip | undefined;
  gasSpentWei = 0n;
  private reverts = 0;
  private readonly results: { atMs: number; profitEth: number }[] = [];
  private readonly budgetWei: bigint;

  constructor(
    private readonly limits: LiveLimits,
    private readonly onTrip: (trip: BreakerTrip) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    this.budgetWei = parseEther(limits.gasBudgetEth.toFixed(18));
  }

  /** May a transaction whose gas can cost up to `worstCaseWei` be sent? Trips the gas budget when it would not fit. */
  allows(worstCaseWei: bigint): boolean {
    if (this.tripped) return false;
    if (this.gasSpentWei + worstCaseWei > this.budgetWei) {
      this.trip(
        'gas_budget',
        `spent ${this.gasSpentWei} wei of ${this.budgetWei}; the next trade may cost ${worstCaseWei} wei`,
      );
      return false;
    }
    return true;
  }

  /** A sent transaction's fate: the gas it paid (wei), its net profit (ETH, gas included) and whether it reverted. */
  record(r: { gasWei: bigint; profitEth: number; reverted: boolean }): void {
    this.gasSpentWei += r.gasWei;
    const t = this.now();
    this.results.push({ atMs: t, profitEth: r.profitEth });
    while (this.results.length > 0 && this.results[0]!.atMs <= t - HOUR_MS) this.results.shift();
    this.reverts = r.reverted ? this.reverts + 1 : 0;
    if (this.tripped) return;
    const hour = this.results.reduce((s, x) => s + x.profitEth, 0);
    if (this.reverts >= this.limits.maxConsecutiveReverts)
      this.trip('consecutive_reverts', `${this.reverts} trades in a row reverted`);
    else if (-hour >= this.limits.maxLossPerHourEth)
      this.trip('loss_per_hour', `net ${hour.toFixed(6)} ETH in the last hour`);
    else if (this.gasSpentWei >= this.budgetWei)
      this.trip('gas_budget', `spent ${this.gasSpentWei} wei of ${this.budgetWei}`);
  }

  private trip(limit: BreakerLimit, detail: string): void {
    this.tripped = { limit, detail };
    this.onTrip(this.tripped);
  }
}
