import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkEndpointUrl } from '../../src/integrations/webhooks/endpoint-url';
import { verifyWebhook } from '../../src/integrations/webhooks/signature';
import { newOrganization } from '../support/harness';
import { drainUntil, jobWithApplication, scoreTwoRounds } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();

interface Received {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A receiver on 127.0.0.1: records every request; answers with the next planned status (then 200). */
let server: Server;
let base = '';
const received: Received[] = [];
const plans = new Map<string, number[]>();
beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body });
      const plan = plans.get(path) ?? [];
      res.statusCode = plan.shift() ?? 200;
      res.end('ok');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const at = (path: string) => received.filter((r) => r.path === path);
const tokenIn = (text: string) => /\/f\/([A-Za-z0-9_-]+)/.exec(text)![1];

describe('outbound webhooks', () => {
  it('sends each event type, signed with the endpoint secret, once, and logs each delivery', async () => {
    const org = await newOrganization(mail.h);
    const path = '/all-events';
    const created = await org.api.post('/api/v1/webhooks', {
      url: `${base}${path}`,
      events: ['feedback.approved', 'feedback.sent', 'response.received', 'request.created'],
    });
    expect(created.status).toBe(201);
    const secret = created.body.secret as string;
    expect(secret).toMatch(/^whsec_/);
    const listed = await org.api.get('/api/v1/webhooks');
    expect(JSON.stringify(listed.body)).not.toContain(secret);

    // Feedback approved, sent, then the candidate's response.
    const sent = await jobWithApplication(org, 'Copywriter');
    await scoreTwoRounds(org, sent.application.id, sent.criterion);
    const r = await org.api.post(`/api/v1/applications/${sent.application.id}/rejection`, {
      reason: 'skills-gap',
    });
    await org.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => mail.inbox(sent.candidateEmail).length > 0);
    const token = tokenIn(mail.inbox(sent.candidateEmail)[0].text);
    expect(
      (await mail.h.anon.post(`/api/v1/portal/${token}/response`, { useful: 5, thanks: true })).status,
    ).toBe(200);

    // Rejected with a notice only: the candidate asks for feedback.
    const asked = await jobWithApplication(org, 'Analyst');
    await org.api.post(`/api/v1/applications/${asked.application.id}/rejection`, { reason: 'skills-gap' });
    await org.api.post(`/api/v1/applications/${asked.application.id}/notice`);
    await drainUntil(mail.h, () => mail.inbox(asked.candidateEmail).length > 0);
    const noticeToken = tokenIn(mail.inbox(asked.candidateEmail)[0].text);
    expect(
      (await mail.h.anon.post(`/api/v1/portal/${noticeToken}/request`, { message: 'A pointer?' })).status,
    ).toBe(201);

    await drainUntil(mail.h, () => at(path).length >= 4);
    await mail.h.drainJobs();
    const events = at(path).map((x) => JSON.parse(x.body));
    expect(events.map((e) => e.type).sort()).toEqual([
      'feedback.approved',
      'feedback.sent',
      'request.created',
      'response.received',
    ]);
    for (const x of at(path)) {
      const header = String(x.headers['debrief-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifyWebhook(secret, header, x.body)).toBe(true);
      expect(verifyWebhook('whsec_wrong', header, x.body)).toBe(false);
      expect(verifyWebhook(secret, header, `${x.body} `)).toBe(false);
    }
    const approved = events.find((e) => e.type === 'feedback.approved');
    expect(approved).toMatchObject({
      organizationId: org.organization.id,
      data: { feedbackId: r.body.feedback.id, applicationId: sent.application.id, send: 'now' },
    });
    expect(events.find((e) => e.type === 'response.received').data).toMatchObject({
      useful: 5,
      thanked: true,
    });
    expect(events.find((e) => e.type === 'request.created').data).toMatchObject({ message: 'A pointer?' });

    const log = await org.api.get(`/api/v1/webhooks/${created.body.endpoint.id}/deliveries`);
    expect(log.body.deliveries).toHaveLength(4);
    for (const d of log.body.deliveries)
      expect(d).toMatchObject({ status: 'delivered', attempts: 1, lastStatusCode: 200, nextAttemptAt: null });
  });

  it('retries a failing receiver with back-off until it answers 2xx, and never sends a delivered event again', async () => {
    const org = await newOrganization(mail.h);
    const path = '/flaky';
    plans.set(path, [500, 503]);
    const created = await org.api.post('/api/v1/webhooks', {
      url: `${base}${path}`,
      events: ['feedback.sent'],
    });
    const test = await org.api.post(`/api/v1/webhooks/${created.body.endpoint.id}/test`);
    expect(test.status).toBe(202);
    await drainUntil(mail.h, () => at(path).length >= 3);
    for (let i = 0; i < 5; i++) await mail.h.drainJobs();
    expect(at(path)).toHaveLength(3);
    const ids = new Set(at(path).map((x) => JSON.parse(x.body).id));
    expect(ids.size).toBe(1);
    expect(JSON.parse(at(path)[0].body).type).toBe('webhook.test');
    const log = await org.api.get(`/api/v1/webhooks/${created.body.endpoint.id}/deliveries`);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ status: 'delivered', attempts: 3, lastStatusCode: 200, nextAttemptAt: null }),
    ]);

    // A receiver that never answers 2xx: every attempt is made, then the delivery is failed, with the last answer.
    const down = '/down';
    plans.set(down, Array(20).fill(502));
    const dead = await org.api.post('/api/v1/webhooks', { url: `${base}${down}`, events: ['feedback.sent'] });
    await org.api.post(`/api/v1/webhooks/${dead.body.endpoint.id}/test`);
    await drainUntil(mail.h, () => at(down).length >= 10);
    for (let i = 0; i < 3; i++) await mail.h.drainJobs();
    expect(at(down)).toHaveLength(10);
    const failed = await org.api.get(`/api/v1/webhooks/${dead.body.endpoint.id}/deliveries`);
    expect(failed.body.deliveries).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 10, lastStatusCode: 502, nextAttemptAt: null }),
    ]);
  });

  it("never sends another organization's events to this organization's endpoint", async () => {
    const mine = await newOrganization(mail.h, 'Mine');
    const theirs = await newOrganization(mail.h, 'Theirs');
    const path = '/mine';
    const created = await mine.api.post('/api/v1/webhooks', {
      url: `${base}${path}`,
      events: ['feedback.approved', 'feedback.sent'],
    });
    const other = await jobWithApplication(theirs, 'Designer');
    await scoreTwoRounds(theirs, other.application.id, other.criterion);
    const r = await theirs.api.post(`/api/v1/applications/${other.application.id}/rejection`, {
      reason: 'skills-gap',
    });
    await theirs.api.post(`/api/v1/feedback/${r.body.feedback.id}/approve`, { send: 'now' });
    await drainUntil(mail.h, () => mail.inbox(other.candidateEmail).length > 0);
    for (let i = 0; i < 3; i++) await mail.h.drainJobs();
    expect(at(path)).toHaveLength(0);
    expect((await theirs.api.get(`/api/v1/webhooks/${created.body.endpoint.id}/deliveries`)).status).toBe(
      404,
    );
    expect((await theirs.api.post(`/api/v1/webhooks/${created.body.endpoint.id}/test`)).status).toBe(404);
  });

  it('refuses URLs that are not http(s), and private or loopback addresses unless allowed', async () => {
    const org = await newOrganization(mail.h);
    const ftp = await org.api.post('/api/v1/webhooks', {
      url: 'ftp://example.com/x',
      events: ['feedback.sent'],
    });
    expect(ftp.status).toBe(400);
    const none = await org.api.post('/api/v1/webhooks', { url: 'https://example.com/x', events: [] });
    expect(none.status).toBe(400);
    for (const url of [
      'http://127.0.0.1/x',
      'http://10.1.2.3/x',
      'http://169.254.169.254/latest',
      'http://[::1]/x',
      'http://localhost/x',
    ])
      await expect(checkEndpointUrl(url, { allowPrivate: false })).rejects.toMatchObject({
        code: 'private-address',
      });
    await expect(
      checkEndpointUrl('https://93.184.215.14/hook', { allowPrivate: false }),
    ).resolves.toBeInstanceOf(URL);
    await expect(checkEndpointUrl('http://127.0.0.1/x', { allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});
