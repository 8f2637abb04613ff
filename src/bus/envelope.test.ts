import { describe, expect, it } from 'vitest';
import { envelopeId, groupBy, openEnvelope, sealEnvelope } from './envelope.ts';
import { decodeMessage, encodeMessage } from './wire.ts';

describe('bus envelopes', () => {
  it('a single item travels bare (the unbatched wire format), several as {"batch": [...]}', () => {
    expect(sealEnvelope([{ id: 'a' }])).toEqual({ id: 'a' });
    expect(sealEnvelope([{ id: 'a' }, { id: 'b' }])).toEqual({ batch: [{ id: 'a' }, { id: 'b' }] });
    for (const items of [[{ id: 'a' }], [{ id: 'a' }, { id: 'b' }, { id: 'c' }]]) {
      expect(openEnvelope(decodeMessage(encodeMessage(sealEnvelope(items))))).toEqual(items);
    }
  });

  it('names a batch by its ids, so the same batch republished has the same Nats-Msg-Id and another does not', () => {
    expect(envelopeId(['x:1'])).toBe('x:1');
    expect(envelopeId(['x:1', 'x:2', 'x:3'])).toBe('x:1..x:3+3');
    expect(envelopeId(['x:1', 'x:3'])).not.toBe(envelopeId(['x:1', 'x:2', 'x:3']));
  });

  it('groups by key in first-seen order', () => {
    const g = groupBy(['p1', 'e1', 'p2', 'e2', 'p3'], (s) => s[0]!);
    expect([...g]).toEqual([
      ['p', ['p1', 'p2', 'p3']],
      ['e', ['e1', 'e2']],
    ]);
  });
});
