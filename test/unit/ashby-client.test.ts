import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ashby } from '../../src/integrations/ashby/adapter';
import { ashbyClient } from '../../src/integrations/ashby/client';
import { signAshby, verifyAshby } from '../../src/integrations/ashby/signature';
import { AtsRefusedError } from '../../src/integrations/ats-http';
import { fixture } from '../support/fake-ashby';
import { itRetriesThenGivesUp, scriptedAts } from '../support/scripted-ats';

describe('the Ashby-Signature header', () => {
  const body = JSON.stringify(fixture('candidateStageChange'));
  it('verifies the HMAC of the raw body, in either case of hex', () => {
    const header = signAshby(body, 's3cret');
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyAshby(body, header, 's3cret')).toBe(true);
    expect(verifyAshby(body, `sha256=${header.slice(7).toUpperCase()}`, 's3cret')).toBe(true);
  });
  it('matches the example in Ashby’s documentation: HMAC-SHA256 of the body under the secret token', () => {
    // https://developers.ashbyhq.com/docs/authenticating-webhooks: 'sha256={}'.format(hmac(secret, payload).hexdigest())
    const secret = '8b943c474f5d1e1712f13e1a870b485c9b6b2b57';
    const hex = createHmac('sha256', secret).update('{"action":"ping"}').digest('hex');
    expect(verifyAshby('{"action":"ping"}', `sha256=${hex}`, secret)).toBe(true);
  });
  it('refuses another secret, a changed body, another algorithm, a malformed or missing header', () => {
    const good = signAshby(body, 's3cret');
    expect(verifyAshby(body, good, 'other')).toBe(false);
    expect(verifyAshby(body.replace('Adam', 'Adem'), good, 's3cret')).toBe(false);
    expect(verifyAshby(body, good.replace('sha256=', 'sha1='), 's3cret')).toBe(false);
    expect(verifyAshby(body, good.replace('sha256=', 'sha256 '), 's3cret')).toBe(false);
    expect(verifyAshby(body, good.slice(0, -2), 's3cret')).toBe(false);
    expect(verifyAshby(body, good.slice(7), 's3cret')).toBe(false);
    expect(verifyAshby(body, undefined, 's3cret')).toBe(false);
  });
});

describe('reading an Ashby delivery', () => {
  const delivery = (payload: unknown) => {
    const rawBody = JSON.stringify(payload);
    return { rawBody, header: () => undefined };
  };
  it('a stage change into Archived is a rejection, identified by its webhookActionId', () => {
    const payload = fixture('candidateStageChange');
    const event = ashby.parse(delivery(payload), payload);
    expect(event).toMatchObject({
      kind: 'event',
      action: 'candidateStageChange',
      imported: true,
      rejection: true,
      eventId: '75395d87-4044-4dc4-bc29-0cec185e5f06',
      occurredAt: new Date('2022-08-12T20:29:56.964Z'),
    });
    // The inbox keeps ids, the stage and the reason, never the contact details or the submitter's address.
    const kept = JSON.stringify(event.kind === 'event' && event.kept);
    expect(kept).toContain('Too inexperienced');
    expect(kept).not.toContain('test@ashbyhq.com');
    expect(kept).not.toContain('222-222-3344');
    expect(kept).not.toContain('79.255.55.222');
  });
  it('a withdrawal is not a rejection; a ping is a ping; other events are kept as ignored', () => {
    const payload = fixture('candidateStageChange');
    payload.data.application.archiveReason.reasonType = 'RejectedByCandidate';
    expect(ashby.parse(delivery(payload), payload)).toMatchObject({ rejection: false, imported: true });
    expect(ashby.parse(delivery(fixture('ping')), fixture('ping'))).toEqual({ kind: 'ping' });
    const job = { webhookActionId: 'x', action: 'jobUpdate', data: { job: { id: 'j' } } };
    expect(ashby.parse(delivery(job), job)).toMatchObject({ imported: false, rejection: false });
  });
  it('refuses an event Debrief acts on without its application', () => {
    const bad = { webhookActionId: 'x', action: 'candidateStageChange', data: {} };
    expect(() => ashby.parse(delivery(bad), bad)).toThrow(/data.application/);
  });
});

describe('the Ashby client', () => {
  const api = scriptedAts({ status: 200, body: { success: true, results: [] } }, (req, body) => ({
    url: `${req.method} ${req.url}`,
    body: JSON.parse(body || '{}') as Record<string, unknown>,
    auth: req.headers.authorization,
  }));
  const client = () =>
    ashbyClient({
      baseUrl: api.base,
      apiKey: 'k',
      backoffMs: 1,
      attempts: 3,
      sleep: async (ms) => void api.waits.push(ms),
    });

  it('posts to the RPC endpoint with Basic auth, follows nextCursor, and waits as Retry-After says', async () => {
    api.answers = [
      { status: 429, headers: { 'retry-after': '2' } },
      {
        status: 200,
        body: { success: true, results: [{ id: 'a' }], moreDataAvailable: true, nextCursor: 'qA' },
      },
      {
        status: 200,
        body: { success: true, results: [{ id: 'b' }], moreDataAvailable: false, syncToken: 's' },
      },
    ];
    api.seen = [];
    api.waits.length = 0;
    expect(await client().feedback('app-1')).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(api.waits).toEqual([2000]);
    expect(api.seen.map((s) => s.url)).toEqual([
      'POST /applicationFeedback.list',
      'POST /applicationFeedback.list',
      'POST /applicationFeedback.list',
    ]);
    expect(api.seen[0].auth).toBe(`Basic ${Buffer.from('k:').toString('base64')}`);
    expect(api.seen[1].body).toEqual({ applicationId: 'app-1', limit: 100 });
    expect(api.seen[2].body).toEqual({ applicationId: 'app-1', limit: 100, cursor: 'qA' });
  });

  it('reads a refusal answered 200 with success false as a refusal, with Ashby’s message', async () => {
    api.answers = [{ status: 200, body: fixture('error') }];
    const refused = await client()
      .application('nope')
      .catch((e) => e);
    expect(refused).toBeInstanceOf(AtsRefusedError);
    expect(refused.status).toBe(404);
    expect(refused.message).toContain('Application not found');
  });

  itRetriesThenGivesUp(api, () => client().job('j'));
});
