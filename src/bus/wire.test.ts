import { describe, expect, it } from 'vitest';
import { HeuristicDecider } from '../decide/heuristicDecider.ts';
import { syntheticOpportunities } from '../store/syntheticOpportunities.ts';
import { paperOutcome } from './paperOutcome.ts';
import { syntheticMessages } from './syntheticMessages.ts';
import { busTopology } from './topology.ts';
import {
  decodeMessage,
  encodeMessage,
  quoteInput,
  rowFromWire,
  rowToWire,
  type DecisionMessage,
  type OpportunityMessage,
} from './wire.ts';

describe('bus wire format', () => {
  it('round-trips a ledger row through JSON digit for digit (bigint, Date, nulls)', () => {
    const [row] = syntheticOpportunities({ count: 1, seed: 9 });
    const huge = 2n ** 200n + 7n;
    const original = { ...row!, amountInRaw: huge, executedOutputRaw: null };
    const back = rowFromWire(decodeMessage(encodeMessage(rowToWire(original))));
    expect(back).toEqual(original);
    expect(back.amountInRaw).toBe(huge);
    expect(back.timestamp).toBeInstanceOf(Date);
  });

  it('gives the heuristic the same decision from the wire quote as from the synthetic row it came from', () => {
    const decider = new HeuristicDecider();
    const msgs = syntheticMessages({ count: 200, seed: 3 });
    const decisions = msgs.map(
      (m) => decider.decide(quoteInput(decodeMessage<OpportunityMessage>(encodeMessage(m)).quote)).decision,
    );
    expect(decisions).toEqual(msgs.map((m) => m.paper!.decision));
    expect(new Set(decisions)).toEqual(new Set(['execute', 'skip'])); // both kinds occur
  });
});

describe('paper outcome', () => {
  const [opp] = syntheticMessages({ count: 1, seed: 4 });
  const decide = (decision: 'execute' | 'skip' | 'wait'): DecisionMessage => ({
    opp: opp!,
    account: 'paper',
    decidedAt: 0,
    decision: { decision, sizeFactor: 1, routeIndex: 0, estimatedSlippageBps: 50, decidedBy: 'bus-heuristic' },
  });

  it("reports the paper runner's row when the strategy decided the same", () => {
    const { row, matched } = paperOutcome(decide(opp!.paper!.decision!));
    expect(matched).toBe(true);
    expect(row).toEqual({ ...rowFromWire(opp!.paper!), decidedBy: 'bus-heuristic' });
  });

  it('records a diverging decision as stale and not sent, keeping the detection columns', () => {
    const other = opp!.paper!.decision === 'execute' ? 'skip' : 'execute';
    const { row, matched } = paperOutcome(decide(other));
    expect(matched).toBe(false);
    expect(row).toMatchObject({
      id: opp!.id,
      decision: other,
      outcome: 'stale',
      executed: false,
      txHash: null,
      edgeBps: opp!.paper!.edgeBps,
    });
  });
});

describe('bus topology', () => {
  it('names subjects, streams and consumers under the namespace, one executor consumer per chain and account', () => {
    const t = busTopology({ namespace: 'x.y' });
    expect(t.namespace).toBe('x_y');
    expect(t.streams).toEqual({ opp: 'X_Y_OPP', dec: 'X_Y_DEC', out: 'X_Y_OUT', job: 'X_Y_JOB', jobres: 'X_Y_JOBRES' });
    expect([t.oppSubject('ethereum'), t.decisionSubject('polygon', 'acct.1'), t.outcomeSubject('ethereum')]).toEqual([
      'x_y.opp.ethereum',
      'x_y.dec.polygon.acct_1',
      'x_y.out.ethereum',
    ]);
    expect(t.consumers.executor('polygon', 'a')).toBe('executor_polygon_a');
  });
});
