import { describe, expect, it } from 'vitest';
import { leverRating, leverRecommendation, stageFromAts } from '../../src/domain/ats-mapping';
import { lever } from '../../src/integrations/lever/adapter';
import { signatureTokens, signLever, verifyLever } from '../../src/integrations/lever/signature';
import { leverFixture } from '../support/fake-lever';

describe("Lever's ratings on Debrief's scale", () => {
  it.each([
    ['4 - Strong Hire', 'strong_yes'],
    ['3 - Hire', 'yes'],
    ['2 - No Hire', 'no'],
    ['1 - Strong No Hire', 'strong_no'],
    ['Strong Hire', 'strong_yes'],
    ['no  hire', 'no'],
    ['', null],
    [null, null],
    ['5 - Amazing', null],
  ] as const)('overall %s → %s', (value, recommendation) => {
    expect(leverRecommendation(value)).toBe(recommendation);
  });

  it.each([
    [1, 1],
    [4, 4],
    ['3', 3],
    [null, null],
    [0, null],
    [5, null],
    ['3 - Hire', null],
  ] as const)('skill score %s → %s', (value, rating) => {
    expect(leverRating(value)).toBe(rating);
  });

  it("places Lever's default pipeline stages", () => {
    const stages = leverFixture<{ data: { text: string }[] }>('stages').data.map((s) => s.text);
    expect(stages.map((s, i) => stageFromAts(s, i, stages.length))).toEqual([
      'applied',
      'applied',
      'applied',
      'applied',
      'screen',
      'screen',
      'final',
      'final',
    ]);
  });
});

describe("Lever's body signature", () => {
  const body = {
    token: 'a'.repeat(48),
    triggeredAt: 1431458021951,
    event: 'candidateArchiveChange',
    data: {},
  };
  const signed = (token: string) => ({ ...body, signature: signLever(body.token, body.triggeredAt, token) });

  it('is the HMAC of token + triggeredAt under one of the connection’s signature tokens', () => {
    expect(signatureTokens(' one,two\nthree ')).toEqual(['one', 'two', 'three']);
    expect(verifyLever(signed('tok-1'), 'tok-1')).toBe(true);
    expect(verifyLever(signed('tok-2'), 'tok-1\ntok-2')).toBe(true);
  });

  it('refuses another token, a changed time, a missing signature, and a connection with no token yet', () => {
    expect(verifyLever(signed('tok-1'), 'tok-2')).toBe(false);
    expect(verifyLever({ ...signed('tok-1'), triggeredAt: body.triggeredAt + 1 }, 'tok-1')).toBe(false);
    expect(verifyLever(body, 'tok-1')).toBe(false);
    expect(verifyLever({ ...signed('tok-1'), token: undefined }, 'tok-1')).toBe(false);
    expect(verifyLever(signed('tok-1'), '')).toBe(false);
    expect(verifyLever(null, 'tok-1')).toBe(false);
  });
});

describe("Lever's deliveries", () => {
  const delivery = { rawBody: '', header: () => undefined };

  it('reads the documented archive change: the opportunity, the time, the event id, a rejection', () => {
    const parsed = lever.parse(delivery, leverFixture('candidateArchiveChange'));
    expect(parsed).toMatchObject({
      kind: 'event',
      action: 'candidateArchiveChange',
      imported: true,
      rejection: true,
      eventId: '7a6f1c2e-4b0d-4f7e-9a51-2c3d4e5f6a7b',
      occurredAt: new Date(1431458021951),
      kept: { opportunityId: '3410c8b9-5c31-4bab-b7e9-9f710206d647' },
    });
  });

  it('reads a stage change as no rejection, and the test request as a ping', () => {
    expect(lever.parse(delivery, leverFixture('candidateStageChange'))).toMatchObject({
      imported: true,
      rejection: false,
    });
    expect(lever.parse(delivery, leverFixture('test_webhook'))).toEqual({ kind: 'ping' });
  });

  it('refuses an imported event without its opportunity', () => {
    const broken = { ...leverFixture('candidateArchiveChange'), data: { contactId: 'x' } };
    expect(() => lever.parse(delivery, broken)).toThrow(/opportunityId/);
  });
});
