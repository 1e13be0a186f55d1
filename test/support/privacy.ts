import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '../../src/db/client';
import type { Harness, newOrganization } from './harness';
import { CRITERIA, drainUntil } from './hiring';

type Org = Awaited<ReturnType<typeof newOrganization>>;

/** Letters only, so a tag can sit in a person's name. */
export const letterTag = () => [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

/**
 * A candidate the hiring team knows well: two applications, scorecards with evidence and private notes, a rejection
 * note, feedback sent through Debrief with the candidate's rating, comment, question and the team's answer, and on
 * the second application a notice and the candidate's request for feedback. Every text carries the tag, so a search
 * for it finds this candidate's data and nobody else's.
 */
export async function wellKnownCandidate(h: Harness, org: Org) {
  const tag = letterTag();
  const name = `Zephyrine Q${tag}`;
  const email = `zq-${tag}@example.test`;
  const texts = {
    evidence1: `Evidence ${tag}: the exercise had three wrong status codes in the API.`,
    evidence2: `Evidence ${tag}: no retry plan when the payment provider timed out.`,
    evidence3: `Evidence ${tag}: explained the caching trade-off with a clear diagram.`,
    notes: `Private note ${tag}: compare with the other finalists before Friday.`,
    rejectionNote: `Rejection note ${tag}: went with a more senior profile.`,
    comment: `Comment ${tag}: the pointer on written work was concrete.`,
    question: `Question ${tag}: which exercise would help me most?`,
    answer: `Answer ${tag}: try writing an API reference for a small service.`,
    request: `Request ${tag}: I would value one or two pointers.`,
  };
  const job = await org.api.post('/api/v1/jobs', { title: 'Backend Engineer', criteria: CRITERIA });
  expect(job.status).toBe(201);
  const criterion = Object.fromEntries(
    job.body.criteria.map((c: { name: string; id: string }) => [c.name, c.id]),
  ) as Record<string, string>;
  const app = await org.api.post('/api/v1/applications', { jobId: job.body.id, candidate: { name, email } });
  expect(app.status).toBe(201);
  const applicationId = app.body.id as string;
  const card = await org.api.post(`/api/v1/applications/${applicationId}/scorecards`, {
    stage: 'interview',
    recommendation: 'no',
    notes: texts.notes,
    ratings: [
      { criterionId: criterion['Attention to detail'], rating: 1, evidence: texts.evidence1 },
      { criterionId: criterion['System design'], rating: 2, evidence: texts.evidence2 },
      { criterionId: criterion.Communication, rating: 4, evidence: texts.evidence3 },
    ],
  });
  expect(card.status).toBe(201);
  const rejected = await org.api.post(`/api/v1/applications/${applicationId}/rejection`, {
    reason: 'skills-gap',
    note: texts.rejectionNote,
  });
  expect(rejected.status).toBe(201);
  const feedbackId = rejected.body.feedback.id as string;
  const body = rejected.body.feedback.body as string;
  expect((await org.api.post(`/api/v1/feedback/${feedbackId}/approve`, { send: 'now' })).status).toBe(200);
  const sentTo = async (n: number) =>
    (
      await h.ctx.db.execute<{ text: string }>(
        sql`select text from emails where lower("to") = ${email} and sent_at is not null order by created_at`,
      )
    ).rows.length >= n;
  await drainUntil(h, () => sentTo(1));
  const token = await tokenOf(h.ctx.db, email, 0);
  const rated = await h.anon.post(`/api/v1/portal/${token}/response`, {
    useful: 4,
    comment: texts.comment,
    thanks: true,
    question: texts.question,
  });
  expect(rated.status).toBe(200);
  expect((await org.api.post(`/api/v1/feedback/${feedbackId}/answer`, { answer: texts.answer })).status).toBe(
    200,
  );

  // A second application, rejected with a notice; the candidate asks for feedback.
  const job2 = await org.api.post('/api/v1/jobs', { title: 'Data Engineer', criteria: CRITERIA });
  const app2 = await org.api.post('/api/v1/applications', {
    jobId: job2.body.id,
    candidate: { name, email },
  });
  expect(app2.status).toBe(201);
  expect(
    (await org.api.post(`/api/v1/applications/${app2.body.id}/rejection`, { reason: 'skills-gap' })).status,
  ).toBe(201);
  expect((await org.api.post(`/api/v1/applications/${app2.body.id}/notice`)).status).toBe(202);
  await drainUntil(h, () => sentTo(3));
  const token2 = await tokenOf(h.ctx.db, email, 2);
  expect((await h.anon.post(`/api/v1/portal/${token2}/request`, { message: texts.request })).status).toBe(
    201,
  );
  return {
    tag,
    name,
    email,
    texts,
    body,
    candidateId: app.body.candidate.id as string,
    applicationIds: [applicationId, app2.body.id as string],
    feedbackId,
  };
}

/** The candidate page token in the n-th message sent to an address. */
async function tokenOf(db: Db, email: string, n: number) {
  const rows = (
    await db.execute<{ text: string }>(
      sql`select text from emails where lower("to") = ${email} and sent_at is not null order by created_at`,
    )
  ).rows;
  const m = /\/f\/([A-Za-z0-9_-]+)/.exec(rows[n]?.text ?? '');
  if (!m?.[1]) throw new Error(`no candidate page link in message ${n} to ${email}`);
  return m[1];
}

/**
 * Searches every text, varchar, json, jsonb and array column of every table in the database for each needle (case
 * insensitive). Returns `table.column: needle` for every hit.
 */
export async function searchEverywhere(db: Db, needles: string[]): Promise<string[]> {
  const columns = (
    await db.execute<{ table_schema: string; table_name: string; column_name: string }>(sql`
      select c.table_schema, c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
      where t.table_type = 'BASE TABLE'
        and c.table_schema not in ('pg_catalog', 'information_schema')
        and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`)
  ).rows;
  expect(columns.length).toBeGreaterThan(30);
  const hits: string[] = [];
  const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
  const lowered = needles.map((n) => n.toLowerCase());
  for (const c of columns) {
    const table = `${q(c.table_schema)}.${q(c.table_name)}`;
    const column = q(c.column_name);
    const found = (
      await db.execute<{ needle: string }>(
        sql`select needle from unnest(${sql.raw(`ARRAY[${lowered.map((n) => `'${n.replaceAll("'", "''")}'`).join(',')}]::text[]`)}) as needle
            where exists (select 1 from ${sql.raw(table)} where strpos(lower(${sql.raw(column)}::text), needle) > 0)`,
      )
    ).rows;
    for (const f of found) hits.push(`${c.table_name}.${c.column_name}: ${f.needle}`);
  }
  return hits;
}
