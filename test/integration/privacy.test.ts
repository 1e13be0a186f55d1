import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, candidates } from '../../src/db/schema';
import { type Harness, newOrganization, PASSWORD, startHarness } from '../support/harness';
import { inviteMember } from '../support/hiring';
import { searchEverywhere, wellKnownCandidate } from '../support/privacy';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('subject access export', () => {
  it('gives an admin everything the organization holds about a candidate, as JSON and readable HTML, and audits it', async () => {
    const org = await newOrganization(h, 'Kinetix');
    const c = await wellKnownCandidate(h, org);
    const r = await org.api.post('/api/v1/privacy/exports', { email: c.email.toUpperCase() });
    expect(r.status).toBe(200);
    const doc = r.body.export;
    expect(doc).toMatchObject({
      format: 'debrief-subject-access/1',
      organization: { name: 'Kinetix' },
      candidate: { id: c.candidateId, name: c.name, email: c.email },
    });
    expect(doc.applications).toHaveLength(2);
    const [first, second] = doc.applications;
    expect(first.rejectionNote).toBe(c.texts.rejectionNote);
    expect(first.scorecards[0].notes).toBe(c.texts.notes);
    expect(first.scorecards[0].ratings.map((x: { evidence: string }) => x.evidence)).toEqual([
      c.texts.evidence1,
      c.texts.evidence2,
      c.texts.evidence3,
    ]);
    expect(first.feedback).toMatchObject({ status: 'sent', body: c.body });
    expect(first.feedback.response).toMatchObject({
      useful: 4,
      comment: c.texts.comment,
      question: c.texts.question,
      answer: c.texts.answer,
    });
    expect(first.candidatePageLinks.length).toBeGreaterThan(0);
    expect(second.feedbackRequest).toMatchObject({ message: c.texts.request, status: 'open' });
    // The feedback, the notice and the answer, as they were sent.
    expect(doc.emails.length).toBeGreaterThanOrEqual(3);
    expect(doc.emails.every((e: { to: string }) => e.to.toLowerCase() === c.email)).toBe(true);
    expect(doc.emails.some((e: { text: string }) => e.text.includes(c.texts.answer))).toBe(true);
    expect(doc.auditEvents.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['application.created', 'scorecard.submitted', 'feedback.sent']),
    );
    // Interviewers are named, never their addresses.
    expect(JSON.stringify(doc)).not.toContain(org.email);

    const html: string = r.body.html;
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`about ${c.name}</h1>`);
    expect(html).toContain(c.texts.notes);
    expect(html).toContain(c.texts.question);
    expect(html).not.toMatch(/<script|<link|src=/i);

    const audit = await h.ctx.db.select().from(auditEvents).where(eq(auditEvents.action, 'privacy.exported'));
    const mine = audit.filter((e) => e.organizationId === org.organization.id);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      subjectType: 'candidate',
      subjectId: c.candidateId,
      actorName: 'Ada Admin',
    });
    expect(JSON.stringify(mine[0]?.data)).not.toContain(c.email);
  });

  it('escapes what people typed, so the HTML document runs nothing', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Designer', criteria: [{ name: 'Craft' }] });
    await org.api.post('/api/v1/applications', {
      jobId: job.body.id,
      candidate: { name: '<img src=x onerror=alert(1)> Rivera', email: 'xss-candidate@example.test' },
    });
    const r = await org.api.post('/api/v1/privacy/exports', { email: 'xss-candidate@example.test' });
    expect(r.status).toBe(200);
    expect(r.body.html).toContain('&lt;img src=x onerror=alert(1)&gt; Rivera');
    expect(r.body.html).not.toContain('<img');
  });

  it("is for admins only, and finds nothing of another organization's candidates", async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h, 'Elsewhere');
    const c = await wellKnownCandidate(h, other);
    expect((await org.api.post('/api/v1/privacy/exports', { email: c.email })).status).toBe(404);
    expect((await org.api.post('/api/v1/privacy/exports', { candidateId: c.candidateId })).status).toBe(404);
    expect(
      (await org.api.post('/api/v1/privacy/erasures', { candidateId: c.candidateId, confirm: c.email }))
        .status,
    ).toBe(404);
    expect((await org.api.post('/api/v1/privacy/exports', {})).status).toBe(400);

    const recruiter = await inviteMember(org, 'Rae Recruiter', 'recruiter');
    // A recruiter's API token is refused (403) before anything is looked up.
    const token = await tokenFor(h, org, recruiter.id);
    const asRecruiter = h.as({ token });
    expect((await asRecruiter.post('/api/v1/privacy/exports', { email: c.email })).status).toBe(403);
    expect(
      (await asRecruiter.post('/api/v1/privacy/erasures', { email: c.email, confirm: c.email })).status,
    ).toBe(403);
    expect((await asRecruiter.get('/api/v1/privacy/settings')).status).toBe(403);
    // Nothing of the other organization's candidate was touched.
    const [still] = await h.ctx.db.select().from(candidates).where(eq(candidates.id, c.candidateId));
    expect(still).toMatchObject({ name: c.name, erasedAt: null });
  });
});

describe('erasure', () => {
  it('removes the name, the address and every text about the candidate from the whole database, keeps the counts, and keeps the audit trail append-only', async () => {
    const org = await newOrganization(h);
    const c = await wellKnownCandidate(h, org);
    const bystander = await wellKnownCandidate(h, org);
    const statsBefore = (await org.api.get('/api/v1/stats')).body;
    // A CSV file from another ATS, waiting in preview, that lists them too.
    const preview = await org.api.post('/api/v1/imports', {
      fileName: 'export.csv',
      content: `job,candidate_name,candidate_email\nQA Lead,${c.name},${c.email}\n`,
    });
    expect(preview.status).toBe(201);
    const needles = [c.name, c.email, c.tag, c.body, ...Object.values(c.texts)];
    expect((await searchEverywhere(h.ctx.db, [c.tag, c.email])).length).toBeGreaterThan(5);

    const wrong = await org.api.post('/api/v1/privacy/erasures', { email: c.email, confirm: 'yes' });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe('confirmation-mismatch');

    const erased = await org.api.post('/api/v1/privacy/erasures', {
      email: c.email,
      confirm: ` ${c.email} `,
    });
    expect(erased.status).toBe(200);
    expect(erased.body).toMatchObject({ candidateId: c.candidateId, applications: 2, feedback: 2 });
    expect(erased.body.auditEventsRedacted).toBeGreaterThan(5);

    expect(await searchEverywhere(h.ctx.db, needles)).toEqual([]);
    // The other candidate's data is all there.
    expect(await searchEverywhere(h.ctx.db, [bystander.texts.notes])).toEqual([
      `scorecards.notes: ${bystander.texts.notes.toLowerCase()}`,
    ]);
    expect((await searchEverywhere(h.ctx.db, [bystander.name])).length).toBeGreaterThan(0);

    // The dashboard counts the same rejections, feedback sent and ratings.
    const counts = [
      'rejected',
      'feedbackSent',
      'sentByWeek',
      'commonGaps',
      'ratingsLeftOut',
      'usefulAverage',
      'usefulRatings',
      'thanksReceived',
      'futureRolesOptIns',
    ];
    const statsAfter = (await org.api.get('/api/v1/stats')).body;
    expect(pick(statsAfter, counts)).toEqual(pick(statsBefore, counts));
    expect(statsBefore.rejected).toBe(4);
    // The erased candidate's open request can no longer be answered: it is declined.
    expect(statsAfter.requestsOpen).toBe(statsBefore.requestsOpen - 1);

    // The trail still says who did what and when; the erasure itself names nobody.
    const trail = await h.ctx.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, org.organization.id));
    const last = trail.filter((e) => e.action === 'candidate.erased');
    expect(last).toHaveLength(1);
    expect(last[0]).toMatchObject({ subjectId: c.candidateId, actorName: 'Ada Admin' });
    const sent = trail.find((e) => e.action === 'feedback.sent' && e.applicationId === c.applicationIds[0]);
    expect(sent?.actorType).toBeDefined();
    // Outside an erasure, the trail can be neither changed nor deleted.
    await expect(
      h.ctx.db.update(auditEvents).set({ data: {} }).where(eq(auditEvents.id, last[0]!.id)),
    ).rejects.toThrow();
    await expect(h.ctx.db.delete(auditEvents).where(eq(auditEvents.id, last[0]!.id))).rejects.toThrow();
    // Even with the setting on, an event's action, actor or keys cannot change.
    await expect(
      h.ctx.db.transaction(async (tx) => {
        await tx.execute(sql`select set_config('debrief.erasure', 'on', true)`);
        await tx
          .update(auditEvents)
          .set({ action: 'nothing.happened' })
          .where(eq(auditEvents.id, last[0]!.id));
      }),
    ).rejects.toThrow();

    // The same person can't be erased twice, nor found by the old address.
    expect(
      (await org.api.post('/api/v1/privacy/erasures', { candidateId: c.candidateId, confirm: c.email }))
        .status,
    ).toBe(409);
    expect((await org.api.post('/api/v1/privacy/exports', { email: c.email })).status).toBe(404);
    const page = await org.api.get(`/api/v1/applications/${c.applicationIds[0]}`);
    expect(page.status).toBe(200);
    expect(JSON.stringify(page.body)).toContain('Erased candidate');
  });

  it("the candidate's own workspace stops showing the erased feedback; deleting the workspace leaves no link to the account", async () => {
    const org = await newOrganization(h);
    const c = await wellKnownCandidate(h, org);
    // The candidate signs up to a workspace with the same address: the feedback sent there shows in the inbox.
    const asked = await h.anon.post('/api/v1/candidate/signup', {
      name: c.name,
      email: c.email,
      password: PASSWORD,
    });
    expect(asked.status).toBe(202);
    const mail = await h.ctx.db.execute<{ text: string }>(
      sql`select text from emails where lower("to") = ${c.email} order by created_at desc limit 1`,
    );
    const link = /\/me\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.rows[0]?.text ?? '')?.[1];
    const confirmed = await h.anon.post('/api/v1/candidate/signup/confirm', { token: link });
    expect(confirmed.status).toBe(200);
    const me = h.as({ token: confirmed.body.token });
    const accountId = (await me.get('/api/v1/candidate/me')).body.id as string;
    expect(JSON.stringify((await me.get('/api/v1/candidate/feedback')).body)).toContain(c.texts.answer);

    // Deleting the workspace removes every row that names the account; the employer's records stay the employer's.
    const deleted = await me.raw('DELETE', '/api/v1/candidate/me', {
      body: JSON.stringify({ password: PASSWORD }),
      headers: { 'content-type': 'application/json' },
    });
    expect(deleted.status).toBe(204);
    expect(await searchEverywhere(h.ctx.db, [accountId])).toEqual([]);
    expect((await org.api.post('/api/v1/privacy/exports', { email: c.email })).status).toBe(200);

    // A new workspace for the address sees the feedback again, until the employer erases the candidate.
    const again = await h.anon.post('/api/v1/candidate/signup', {
      name: c.name,
      email: c.email,
      password: PASSWORD,
    });
    expect(again.status).toBe(202);
    const mail2 = await h.ctx.db.execute<{ text: string }>(
      sql`select text from emails where lower("to") = ${c.email} and text like '%/me/confirm/%' order by created_at desc limit 1`,
    );
    const link2 = /\/me\/confirm\/([A-Za-z0-9_-]+)/.exec(mail2.rows[0]?.text ?? '')?.[1];
    const me2 = h.as({
      token: (await h.anon.post('/api/v1/candidate/signup/confirm', { token: link2 })).body.token,
    });
    expect(JSON.stringify((await me2.get('/api/v1/candidate/feedback')).body)).toContain(c.texts.answer);
    const erased = await org.api.post('/api/v1/privacy/erasures', {
      candidateId: c.candidateId,
      confirm: c.email,
    });
    expect(erased.status).toBe(200);
    const after = JSON.stringify((await me2.get('/api/v1/candidate/feedback')).body);
    expect(after).not.toContain(c.texts.answer);
    expect(after).not.toContain(c.texts.question);
  });

  it('changes the retention period through the API, admins only, audited', async () => {
    const org = await newOrganization(h);
    expect((await org.api.get('/api/v1/privacy/settings')).body).toEqual({
      retentionMonths: 12,
      warningDays: 14,
    });
    expect((await org.api.put('/api/v1/privacy/settings', { retentionMonths: 0 })).status).toBe(400);
    expect((await org.api.put('/api/v1/privacy/settings', { retentionMonths: 121 })).status).toBe(400);
    const changed = await org.api.put('/api/v1/privacy/settings', { retentionMonths: 6 });
    expect(changed.body).toEqual({ retentionMonths: 6, warningDays: 14 });
    expect((await org.api.get('/api/v1/privacy/settings')).body.retentionMonths).toBe(6);
    const [event] = await h.ctx.db
      .select()
      .from(auditEvents)
      .where(
        sql`${auditEvents.organizationId} = ${org.organization.id} and ${auditEvents.action} = 'privacy.retention-changed'`,
      );
    expect(event?.data).toMatchObject({ from: 12, to: 6 });
  });
});

function pick<T extends Record<string, unknown>>(o: T, keys: string[]) {
  return Object.fromEntries(keys.filter((k) => k in o).map((k) => [k, o[k]]));
}

/** An API token for a member, minted directly (the member need not accept the invitation for this check). */
async function tokenFor(h: Harness, org: Awaited<ReturnType<typeof newOrganization>>, userId: string) {
  const { mintApiToken } = await import('../../src/app/identity/mint-api-token');
  const minted = await mintApiToken(h.ctx.db, { id: userId, organizationId: org.organization.id }, 'test');
  return minted.secret;
}
