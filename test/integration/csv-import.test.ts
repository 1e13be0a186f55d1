import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applications,
  candidates,
  csvImports,
  jobs,
  scorecardRatings,
  scorecards,
} from '../../src/db/schema';
import { IMPORT_BATCH_ROWS, runImport } from '../../src/integrations/csv-import/import-job';
import { type Harness, newOrganization, startHarness } from '../support/harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const HEADER =
  'job,candidate_name,candidate_email,stage,interviewer_email,interviewer_name,scorecard_stage,recommendation,notes,SQL rating,SQL evidence,Communication rating,Communication evidence';

async function count(table: typeof applications | typeof candidates | typeof jobs, orgId: string) {
  const [{ n }] = await h.ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(table)
    .where(eq(table.organizationId, orgId));
  return n;
}

describe('importing a CSV file from another ATS', () => {
  it('previews row errors (row, column, message) and writes nothing, then imports the corrected file', async () => {
    const org = await newOrganization(h);
    const template = await org.api.get('/api/v1/imports/template.csv');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('text/csv');
    expect(String(template.body)).toContain('candidate_email');

    const bad = [
      HEADER,
      'Data Analyst,Sam Rivera,sam@example.com,interview,alex@example.com,Alex Kim,interview,yes,,3,Wrote a correct window query.,2,Summarised the figures without their meaning.',
      'Data Analyst,Jo Chen,not-an-email,applied,,,,,,,,,',
      'Data Analyst,Kim Lee,kim@example.com,phone-screen,,,,,,,,,',
      'Data Analyst,Ola Berg,ola@example.com,interview,alex@example.com,Alex Kim,interview,no,,5,Fine.,,',
      'Data Analyst,Pat Moss,pat@example.com,interview,alex@example.com,Alex Kim,interview,no,,2,,,',
    ].join('\n');
    const preview = await org.api.post('/api/v1/imports', { fileName: 'export.csv', content: bad });
    expect(preview.status).toBe(201);
    expect(preview.body.import).toMatchObject({ status: 'preview', totalRows: 5 });
    expect(preview.body.errors).toEqual([
      { row: 3, column: 'candidate_email', message: '"not-an-email" is not an email address' },
      expect.objectContaining({
        row: 4,
        column: 'stage',
        message: expect.stringContaining('Unknown stage "phone-screen"'),
      }),
      expect.objectContaining({
        row: 5,
        column: 'SQL rating',
        message: expect.stringContaining('Rating out of range: "5"'),
      }),
      expect.objectContaining({
        row: 6,
        column: 'SQL evidence',
        message: expect.stringContaining('Missing evidence'),
      }),
    ]);
    expect(preview.body.rows[0]).toMatchObject({
      row: 2,
      job: 'Data Analyst',
      jobIsNew: true,
      candidate: { name: 'Sam Rivera', email: 'sam@example.com' },
      action: 'create',
      scorecard: {
        stage: 'interview',
        recommendation: 'yes',
        ratings: [
          { criterion: 'SQL', rating: 3 },
          { criterion: 'Communication', rating: 2 },
        ],
      },
    });
    const refused = await org.api.post(`/api/v1/imports/${preview.body.import.id}/confirm`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('import-has-errors');
    await h.drainJobs();
    expect(await count(applications, org.organization.id)).toBe(0);
    expect(await count(candidates, org.organization.id)).toBe(0);
    expect(await count(jobs, org.organization.id)).toBe(0);

    const good = [
      HEADER,
      'Data Analyst,Sam Rivera,sam@example.com,interview,alex@example.com,Alex Kim,interview,yes,Strong on SQL,3,Wrote a correct window query.,2,Summarised the figures without their meaning.',
      'Data Analyst,Jo Chen,jo@example.com,applied,,,,,,,,,',
      'Data Analyst,Kim Lee,kim@example.com,screen,,,,,,,,,',
      // The same candidate and job again: updates the application rather than adding one.
      'Data Analyst,Sam Rivera,SAM@example.com,final,,,,,,,,,',
    ].join('\n');
    const ok = await org.api.post('/api/v1/imports', { fileName: 'export.csv', content: good });
    expect(ok.body.errors).toEqual([]);
    expect(ok.body.newJobs).toEqual([{ title: 'Data Analyst', criteria: ['SQL', 'Communication'] }]);
    const started = await org.api.post(`/api/v1/imports/${ok.body.import.id}/confirm`, {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ status: 'running', totalRows: 4, doneRows: 0 });
    await h.drainJobs();
    const done = await org.api.get(`/api/v1/imports/${ok.body.import.id}`);
    expect(done.body.import).toMatchObject({
      status: 'done',
      doneRows: 4,
      summary: { created: 3, updated: 1, scorecards: 1, jobsCreated: 1, skipped: [] },
    });
    const list = await org.api.get('/api/v1/applications?limit=100');
    expect(list.body.items).toHaveLength(3);
    const sam = list.body.items.find(
      (a: { candidate: { email: string } }) => a.candidate.email === 'sam@example.com',
    );
    expect(sam.stage).toBe('final');
    const detail = await org.api.get(`/api/v1/applications/${sam.id}`);
    expect(JSON.stringify(detail.body)).toContain('Wrote a correct window query.');
  });

  it('imports evidence the checker blocks only with a reason, flagged like evidence submitted anyway', async () => {
    const org = await newOrganization(h);
    const file = [
      HEADER,
      'Support Lead,Rae Quinn,rae@example.com,interview,alex@example.com,Alex Kim,interview,no,,2,She seemed too old for a fast-paced team.,3,Explained the escalation policy clearly.',
    ].join('\n');
    const preview = await org.api.post('/api/v1/imports', { fileName: 'flagged.csv', content: file });
    expect(preview.body.errors).toEqual([]);
    expect(preview.body.warnings).toEqual([
      expect.objectContaining({
        row: 2,
        column: 'SQL evidence',
        message: expect.stringContaining('too old'),
      }),
    ]);
    const noReason = await org.api.post(`/api/v1/imports/${preview.body.import.id}/confirm`, {});
    expect(noReason.status).toBe(422);
    expect(noReason.body.error.code).toBe('blocking-findings');
    const confirmed = await org.api.post(`/api/v1/imports/${preview.body.import.id}/confirm`, {
      flagReason: 'Copied as written from the old ATS',
    });
    expect(confirmed.status).toBe(202);
    await h.drainJobs();
    const ratings = await h.ctx.db
      .select({
        evidence: scorecardRatings.evidence,
        flagReason: scorecardRatings.flagReason,
        rules: scorecardRatings.flaggedRules,
      })
      .from(scorecardRatings)
      .where(eq(scorecardRatings.organizationId, org.organization.id));
    const flagged = ratings.find((r) => r.evidence.includes('too old'));
    expect(flagged?.flagReason).toBe('Copied as written from the old ATS');
    expect(flagged?.rules?.[0]?.category).toBeTruthy();
    expect(ratings.find((r) => r.evidence.includes('escalation'))?.flagReason).toBeNull();
  });

  it('imports 10,000 rows in batches with progress, and carries on after a stop without repeating rows', async () => {
    const org = await newOrganization(h);
    const lines = [HEADER];
    for (let i = 0; i < 10_000; i++) {
      const card =
        i % 10 === 0
          ? `interviewer${i % 7}@example.com,Interviewer ${i % 7},screen,yes,,3,Solved case ${i} with a correct query.,4,Walked through case ${i} clearly.`
          : ',,,,,,,,';
      lines.push(`Analyst ${i % 3},Candidate ${i},candidate${i}@example.com,screen,${card}`);
    }
    const preview = await org.api.post('/api/v1/imports', { fileName: 'big.csv', content: lines.join('\n') });
    expect(preview.status).toBe(201);
    expect(preview.body.errorCount).toBe(0);
    expect(preview.body.import.totalRows).toBe(10_000);
    const id = preview.body.import.id;
    await org.api.post(`/api/v1/imports/${id}/confirm`, {});

    // The process stops after two batches: the progress shows what was committed.
    await runImport(h.ctx, id, { stopAfterBatches: 2 });
    const midway = await org.api.get(`/api/v1/imports/${id}`);
    expect(midway.body.import).toMatchObject({ status: 'running', doneRows: 2 * IMPORT_BATCH_ROWS });
    expect(await count(applications, org.organization.id)).toBe(2 * IMPORT_BATCH_ROWS);

    // The queued job (as after a restart) continues from the last committed row.
    await h.drainJobs();
    const done = await org.api.get(`/api/v1/imports/${id}`);
    expect(done.body.import).toMatchObject({
      status: 'done',
      doneRows: 10_000,
      summary: { created: 10_000, updated: 0, scorecards: 1000, jobsCreated: 3, skipped: [] },
    });
    expect(await count(applications, org.organization.id)).toBe(10_000);
    expect(await count(jobs, org.organization.id)).toBe(3);
    const [{ n }] = await h.ctx.db
      .select({ n: sql<number>`count(*)::int` })
      .from(scorecards)
      .where(eq(scorecards.organizationId, org.organization.id));
    expect(n).toBe(1000);
    const [imp] = await h.ctx.db
      .select()
      .from(csvImports)
      .where(and(eq(csvImports.id, id)));
    expect(imp.content).toBe('');
  }, 120_000);

  it('is for admins only, and another organization cannot read an import', async () => {
    const org = await newOrganization(h);
    const other = await newOrganization(h, 'Other Co');
    const preview = await org.api.post('/api/v1/imports', {
      fileName: 'a.csv',
      content: `${HEADER}\nQA,Al B,al@example.com,,,,,,,,,,`,
    });
    const peek = await other.api.get(`/api/v1/imports/${preview.body.import.id}`);
    expect(peek.status).toBe(404);
    const confirm = await other.api.post(`/api/v1/imports/${preview.body.import.id}/confirm`, {});
    expect(confirm.status).toBe(404);
  });
});
