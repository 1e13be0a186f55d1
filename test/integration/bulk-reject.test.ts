import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/app/context';
import { rejectBatch } from '../../src/app/feedback/reject-batch';
import { redactEvidence } from '../../src/app/hiring/redact-evidence';
import { loadRejectionReason } from '../../src/app/load';
import type { Db } from '../../src/db/client';
import { feedback, scorecardRatings } from '../../src/db/schema';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';
import { CRITERIA, inviteMember, jobWithApplication, scoreTwoRounds } from '../support/hiring';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('rejecting every remaining application of a closed job', () => {
  it('runs in the background with progress, drafts feedback for each, and leaves hired or rejected ones alone', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Data Analyst', criteria: [{ name: 'SQL' }] });
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) {
      const a = await org.api.post('/api/v1/applications', {
        jobId: job.body.id,
        candidate: { name: `Cand ${i}`, email: uniqueEmail() },
      });
      ids.push(a.body.id);
    }
    await org.api.post(`/api/v1/applications/${ids[0]}/rejection`, { reason: 'skills-gap' });

    const early = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(early.status).toBe(409);
    expect(early.body.error.code).toBe('job-open');

    await org.api.post(`/api/v1/jobs/${job.body.id}/close`, { outcome: 'cancelled' });
    const started = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', total: 29, done: 0 });

    await h.drainJobs();
    const op = await org.api.get(`/api/v1/bulk-operations/${started.body.id}`);
    expect(op.body).toMatchObject({ status: 'done', total: 29, done: 29 });

    const rejected = await org.api.get(`/api/v1/applications?jobId=${job.body.id}&status=rejected&limit=100`);
    expect(rejected.body.items).toHaveLength(30);
    expect(
      rejected.body.items.every(
        (a: { feedback: { status: string } | null }) => a.feedback?.status === 'draft',
      ),
    ).toBe(true);
    const one = rejected.body.items.find((a: { id: string }) => a.id === ids[5]);
    expect(one.rejectionReason).toBe('role-cancelled');
    const fb = await org.api.get(`/api/v1/feedback/${one.feedback.id}`);
    expect(fb.body.feedback.body).toContain('Data Analyst');

    const again = await org.api.post(`/api/v1/jobs/${job.body.id}/reject-remaining`, {
      reason: 'role-cancelled',
    });
    expect(again.body).toMatchObject({ status: 'done', total: 0 });
  });
});

describe('a rejection in a batch', () => {
  it('drafts the same letter, with the same audit events, as the same rejection made one at a time', async () => {
    const org = await newOrganization(h);
    const one = await jobWithApplication(org);
    const bulk = await jobWithApplication(org);
    for (const x of [one, bulk]) await scoreTwoRounds(org, x.application.id, x.criterion);
    // The scorecards moved it on: the rejection records the stage it was rejected at.
    const stage = (await org.api.get(`/api/v1/applications/${bulk.application.id}`)).body.stage;
    expect(stage).not.toBe('applied');
    const single = await org.api.post(`/api/v1/applications/${one.application.id}/rejection`, {
      reason: 'skills-gap',
    });
    expect(single.status).toBe(201);
    const started = await org.api.post('/api/v1/applications/bulk-rejection', {
      reason: 'skills-gap',
      applicationIds: [bulk.application.id],
    });
    expect(started.status).toBe(202);
    await h.drainJobs();
    expect((await org.api.get(`/api/v1/bulk-operations/${started.body.id}`)).body).toMatchObject({
      status: 'done',
      succeeded: 1,
    });

    const draftOf = async (applicationId: string) => {
      const a = await org.api.get(`/api/v1/applications/${applicationId}`);
      expect(a.body.stage).toBe('rejected');
      return (await org.api.get(`/api/v1/feedback/${a.body.feedback.id}`)).body.feedback;
    };
    const [a, b] = [await draftOf(one.application.id), await draftOf(bulk.application.id)];
    expect(b.body).toContain('Backend Engineer');
    expect(b.body).toBe(a.body);
    expect(b.findings).toEqual(a.findings);
    expect(b.sentences.length).toBe(a.sentences.length);

    const trail = async (applicationId: string) =>
      (await org.api.get(`/api/v1/audit?applicationId=${applicationId}`)).body.events
        .filter((e: { action: string }) => ['application.rejected', 'feedback.drafted'].includes(e.action))
        .map(({ action, data }: { action: string; data: Record<string, unknown> }) => {
          // The one at a time was made with an API token, the batch by the member who started it.
          const { viaTokenId: _, ...rest } = data;
          return { action, data: rest };
        });
    const events = await trail(bulk.application.id);
    expect(events.map((e: { action: string }) => e.action).sort()).toEqual([
      'application.rejected',
      'feedback.drafted',
    ]);
    expect(events).toEqual(expect.arrayContaining(await trail(one.application.id)));
    expect(events.find((e: { action: string }) => e.action === 'application.rejected').data).toMatchObject({
      reason: 'skills-gap',
      from: stage,
    });
  }, 120_000);
});

describe('a batch of different applications', () => {
  it('drafts, for each, the letter the same rejection made one at a time drafts', async () => {
    const org = await newOrganization(h);
    const priya = await inviteMember(org, 'Priya Natarajan');
    const tomasz = await inviteMember(org, 'Tomasz Wójcik');
    // Different candidates, rounds, ratings and notes: each letter is composed from its own facts.
    const outcomes: {
      name: string;
      cards: { by: string; stage: string; ratings: [string, number, string][] }[];
    }[] = [
      {
        name: 'Alex Morgan',
        cards: [
          {
            by: priya.id,
            stage: 'interview',
            ratings: [
              [
                'Attention to detail',
                1,
                'Alex missed two typos in the API field names and a wrong status code.',
              ],
              ['System design', 2, 'She had no plan for retries when the payment provider times out.'],
              ['Communication', 4, 'Explained the caching trade-off clearly with a diagram.'],
            ],
          },
          {
            by: tomasz.id,
            stage: 'final',
            ratings: [
              [
                'Attention to detail',
                2,
                'Missed two edge cases in the pagination code that Tomasz pointed out.',
              ],
              ['Communication', 3, 'Answered follow-up questions directly.'],
            ],
          },
        ],
      },
      {
        name: 'Jordan Lee',
        cards: [
          {
            by: priya.id,
            stage: 'screen',
            ratings: [
              ['System design', 1, 'Could not say how the service would behave when the pool is exhausted.'],
              ['Communication', 3, 'Clear answers about past projects.'],
            ],
          },
        ],
      },
      {
        name: 'Maria José Fernández',
        cards: [
          {
            by: tomasz.id,
            stage: 'interview',
            ratings: [
              [
                'Attention to detail',
                4,
                'Caught the off-by-one error in the sample report before we mentioned it.',
              ],
              ['Communication', 4, 'Walked through a past migration step by step, naming the risks.'],
            ],
          },
        ],
      },
      {
        name: 'Chris Park',
        cards: [
          {
            by: priya.id,
            stage: 'interview',
            ratings: [
              [
                'Attention to detail',
                2,
                '- Q1: wrong status code\n- Pagination: not covered\n- The candidate also skipped the empty-list case.',
              ],
              [
                'System design',
                2,
                'Given a failing test, found the bug after two hints. Unsure about caching.',
              ],
              ['Communication', 3, 'Tends to answer before the question is finished, but explains well.'],
            ],
          },
        ],
      },
      // The batch's drafts share what was found of a note: the same note naming Alex is about someone else here,
      // and a note one word apart from Alex's is its own.
      {
        name: 'Sam Ortiz',
        cards: [
          {
            by: priya.id,
            stage: 'interview',
            ratings: [
              [
                'Attention to detail',
                1,
                'Alex missed two typos in the API field names and a wrong status code.',
              ],
              ['System design', 2, 'She had no plan for retries when the payment service times out.'],
            ],
          },
        ],
      },
    ];
    const letters = async (bulk: boolean) => {
      const job = await org.api.post('/api/v1/jobs', { title: 'Platform Engineer', criteria: CRITERIA });
      const criterion = Object.fromEntries(
        job.body.criteria.map((c: { name: string; id: string }) => [c.name, c.id]),
      );
      const ids: string[] = [];
      for (const o of outcomes) {
        const a = await org.api.post('/api/v1/applications', {
          jobId: job.body.id,
          candidate: { name: o.name, email: uniqueEmail('candidate') },
        });
        for (const card of o.cards) {
          const r = await org.api.post(`/api/v1/applications/${a.body.id}/scorecards`, {
            onBehalfOf: card.by,
            stage: card.stage,
            recommendation: 'no',
            ratings: card.ratings.map(([name, rating, evidence]) => ({
              criterionId: criterion[name],
              rating,
              evidence,
            })),
          });
          expect(r.status).toBe(201);
        }
        ids.push(a.body.id);
      }
      if (bulk) {
        const started = await org.api.post('/api/v1/applications/bulk-rejection', {
          reason: 'skills-gap',
          applicationIds: ids,
        });
        expect(started.status).toBe(202);
        await h.drainJobs();
        expect((await org.api.get(`/api/v1/bulk-operations/${started.body.id}`)).body).toMatchObject({
          status: 'done',
          succeeded: ids.length,
        });
      } else {
        for (const id of ids) {
          const r = await org.api.post(`/api/v1/applications/${id}/rejection`, { reason: 'skills-gap' });
          expect(r.status).toBe(201);
        }
      }
      const out = [];
      for (const id of ids) {
        const a = await org.api.get(`/api/v1/applications/${id}`);
        const { feedback } = (await org.api.get(`/api/v1/feedback/${a.body.feedback.id}`)).body;
        // The two jobs' criteria and scorecards have their own ids; the letters are compared without them.
        out.push(
          JSON.parse(
            JSON.stringify({
              body: feedback.body,
              findings: feedback.findings,
              sentences: feedback.sentences,
              outline: feedback.outline,
            }),
            (k, v) => (['criterionId', 'scorecardId', 'id'].includes(k) ? undefined : v),
          ),
        );
      }
      return out;
    };
    const one = await letters(false);
    const batched = await letters(true);
    expect(new Set(one.map((l) => l.body)).size).toBe(outcomes.length);
    expect(one[0].body).toContain('Platform Engineer');
    expect(one[0].body).toContain('you missed two typos');
    expect(one[4].body).not.toContain('two typos');
    expect(one[4].body).toContain('payment service');
    expect(batched).toEqual(one);
  }, 180_000);
});

describe('a batch whose facts change before it locks them', () => {
  it('leaves out evidence redacted after the drafts were composed and before the batch was written', async () => {
    const org = await newOrganization(h);
    const kept = await jobWithApplication(org);
    const changed = await jobWithApplication(org, 'Backend Engineer II');
    await scoreTwoRounds(org, kept.application.id, kept.criterion);
    const { interview } = await scoreTwoRounds(org, changed.application.id, changed.criterion);
    const [typos] = await h.ctx.db
      .select()
      .from(scorecardRatings)
      .where(and(eq(scorecardRatings.scorecardId, interview.id), eq(scorecardRatings.rating, 1)));
    expect(typos?.evidence).toContain('typos');
    const actor: Actor = {
      type: 'user',
      userId: org.user.id,
      organizationId: org.organization.id,
      role: 'admin',
      name: 'Ada Admin',
      email: org.email,
    };
    const reason = await loadRejectionReason(h.ctx.db, org.organization.id, 'skills-gap');
    // An admin redacts the note once the batch's drafts are composed, just before the batch locks its applications.
    const db = new Proxy(h.ctx.db, {
      get(target, key, receiver) {
        if (key !== 'transaction') return Reflect.get(target, key, receiver);
        return async (...args: Parameters<Db['transaction']>) => {
          await redactEvidence(h.ctx, actor, {
            scorecardId: interview.id,
            ratingId: typos!.id,
            reason: 'Names a colleague',
          });
          return target.transaction(...args);
        };
      },
    });
    const outcomes = await rejectBatch(
      db,
      actor,
      { applicationIds: [kept.application.id, changed.application.id], reason },
      async () => {},
    );
    expect(outcomes.map((o) => o.rejected)).toEqual([true, true]);
    const bodyOf = async (applicationId: string) =>
      (await h.ctx.db.select().from(feedback).where(eq(feedback.applicationId, applicationId)))[0]?.body;
    expect(await bodyOf(kept.application.id)).toContain('typos');
    expect(await bodyOf(changed.application.id)).not.toContain('typos');
  }, 120_000);
});
