import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { expect, test } from '@playwright/test';
import { apiPost, messageTo, signUpTeam, unique } from './support';

/**
 * Every text, varchar, json, jsonb and array column of every table, searched for each needle (case insensitive), in
 * a snapshot of the server's embedded database taken while it serves (`npm run backup`). Returns the hits.
 */
async function searchSnapshot(needles: string[]): Promise<string[]> {
  const r = spawnSync('node', ['scripts/backup.mjs'], {
    env: { ...process.env, DATA_DIR: process.env.E2E_DATA_DIR, DATABASE_URL: '' },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  const file = r.stdout.trim().split('\n').at(-1)!;
  const db = await PGlite.create({ loadDataDir: new Blob([readFileSync(file)]) });
  try {
    const { rows: columns } = await db.query<{ s: string; t: string; c: string }>(`
      select c.table_schema s, c.table_name t, c.column_name c
      from information_schema.columns c
      join information_schema.tables t using (table_schema, table_name)
      where t.table_type = 'BASE TABLE' and c.table_schema not in ('pg_catalog', 'information_schema')
        and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`);
    expect(columns.length).toBeGreaterThan(30);
    const q = (s: string) => `"${s.replaceAll('"', '""')}"`;
    const hits: string[] = [];
    for (const { s, t, c } of columns) {
      const { rows } = await db.query<{ needle: string }>(
        `select needle from unnest($1::text[]) as needle
         where exists (select 1 from ${q(s)}.${q(t)} where strpos(lower(${q(c)}::text), needle) > 0)`,
        [needles.map((n) => n.toLowerCase())],
      );
      for (const { needle } of rows) hits.push(`${t}.${c}: ${needle}`);
    }
    return hits;
  } finally {
    await db.close();
  }
}

test('an admin exports a candidate’s data, erases the candidate, and nothing of them is left in the database', async ({
  page,
}) => {
  // Two snapshots of the embedded database are taken and searched column by column.
  test.setTimeout(120_000);
  const tag = unique().replace(/[0-9]/g, 'x');
  const admin = `ines-${unique()}@example.test`;
  await signUpTeam(page, `Northwind ${unique()}`, 'Ines Duarte', admin);
  await expect(page.getByRole('heading', { name: 'Welcome to Debrief, Ines' })).toBeVisible();

  // A candidate the team rejected with feedback, through the API the page is signed in to.
  const name = `Marisol Q${tag}`;
  const email = `marisol-${tag}@example.test`;
  const evidence = `Evidence ${tag}: sorted the sample tickets but missed the outage report.`;
  const notes = `Private note ${tag}: ask about the notice period.`;
  const post = apiPost(page);
  const job = await post('/jobs', { title: 'Support Lead', criteria: [{ name: 'Ticket triage' }] });
  const app = await post('/applications', { jobId: job.id, candidate: { name, email } });
  await post(`/applications/${app.id}/scorecards`, {
    stage: 'final',
    notes,
    ratings: [{ criterionId: job.criteria[0].id, rating: 2, evidence }],
    recommendation: 'no',
  });
  const { feedback } = await post(`/applications/${app.id}/rejection`, { reason: 'skills-gap' });
  await post(`/feedback/${feedback.id}/approve`, { send: 'now' });
  await messageTo(email, 'Feedback on your application');

  // The export: two files, the readable one naming the candidate and holding the team's private note.
  await page.getByRole('link', { name: 'Privacy' }).click();
  await expect(page.getByRole('heading', { name: 'Privacy', level: 1 })).toBeVisible();
  const exportForm = page.getByRole('region', { name: 'Export everything about a candidate' });
  await exportForm.getByLabel("Candidate's email address").fill(email);
  const downloads: Promise<import('@playwright/test').Download>[] = [
    page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.html')),
    page.waitForEvent('download', (d) => d.suggestedFilename().endsWith('.json')),
  ];
  await exportForm.getByRole('button', { name: 'Export' }).click();
  const [html, json] = await Promise.all(downloads);
  const htmlText = readFileSync((await html!.path())!, 'utf8');
  expect(htmlText).toContain(`about ${name}</h1>`);
  expect(htmlText).toContain(notes);
  expect(htmlText).toContain(evidence);
  const exported = JSON.parse(readFileSync((await json!.path())!, 'utf8'));
  expect(exported.candidate).toMatchObject({ name, email });
  expect(exported.applications[0].feedback.status).toBe('sent');
  await expect(
    page.getByRole('status').filter({ hasText: `Downloaded everything about ${name}` }),
  ).toBeVisible();

  // Before: the database knows them.
  expect((await searchSnapshot([email, evidence])).length).toBeGreaterThan(2);

  // The erasure: a wrong confirmation erases nothing; the address typed twice does.
  const erase = page.getByRole('region', { name: 'Erase a candidate' });
  await erase.getByLabel("Candidate's email address").fill(email);
  await erase.getByLabel('Type the address again to confirm').fill('not-the-address@example.test');
  await erase.getByRole('button', { name: 'Erase for good' }).click();
  await expect(erase.getByText("Type the candidate's email address exactly")).toBeVisible();
  await erase.getByLabel('Type the address again to confirm').fill(email);
  await erase.getByRole('button', { name: 'Erase for good' }).click();
  await expect(erase.getByRole('status')).toContainText('Erased: 1 application');

  // The application is still counted, under a placeholder.
  await page.goto(`/applications/${app.id}`);
  await expect(page.getByRole('heading', { name: /Erased candidate/ })).toBeVisible();

  // After: nothing of them anywhere in the database.
  const body = String(feedback.body);
  expect(await searchSnapshot([name, email, evidence, notes, tag, body])).toEqual([]);
});
