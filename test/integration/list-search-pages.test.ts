import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, newOrganization, startHarness, uniqueEmail } from '../support/harness';

// The applications list picks a page of rows before it reads their candidates. A search of the candidate's name,
// paged with a cursor through applications made at the same moment (to the microsecond, or to the millisecond a
// cursor carries), must give each matching application once, in the sort's order, and no other.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Org = Awaited<ReturnType<typeof newOrganization>>;
type Page = {
  items: { id: string; candidate: { name: string } }[];
  nextCursor: string | null;
  total: number;
};

async function apply(org: Org, jobId: string, name: string) {
  const r = await org.api.post('/api/v1/applications', {
    jobId,
    candidate: { name, email: uniqueEmail('candidate') },
  });
  expect(r.status, JSON.stringify(r.body)).toBe(201);
  return r.body.id as string;
}

async function setApplied(ids: string[], at: string) {
  for (const id of ids)
    await h.ctx.db.execute(sql`update applications set created_at = ${at}::timestamptz where id = ${id}`);
}

/** Every page of a list, following its cursors: the ids in the order given, and the total each page said. */
async function everyPage(org: Org, query: string, limit: number) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let cursor: string | null = null;
  for (let pages = 0; pages < 20; pages++) {
    const res: { status: number; body: Page } = await org.api.get(
      `/api/v1/applications?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    ids.push(...res.body.items.map((i) => i.id));
    totals.add(res.body.total);
    cursor = res.body.nextCursor;
    if (!cursor) break;
  }
  return { ids, totals: [...totals] };
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

describe('searching the applications list a page at a time', () => {
  it('gives each matching application once, in order, across rows made at the same moment', async () => {
    const org = await newOrganization(h);
    const job = await org.api.post('/api/v1/jobs', { title: 'Nurse', criteria: [{ name: 'Care' }] });
    expect(job.status).toBe(201);
    const jobId = job.body.id as string;

    // Five candidates the search finds (two with the same name but for its case), four it does not.
    const found = {
      ada: await apply(org, jobId, 'Ada Lee'),
      kim: await apply(org, jobId, 'Kim Leeds'),
      lee: await apply(org, jobId, 'Lee Ames'),
      lee2: await apply(org, jobId, 'lee AMES'),
      mo: await apply(org, jobId, 'Mo Leer'),
    };
    const others = [
      await apply(org, jobId, 'Bo Park'),
      await apply(org, jobId, 'Cy Ng'),
      await apply(org, jobId, 'Di Roe'),
      await apply(org, jobId, 'Ed Fox'),
    ];
    // Another organization's candidate of the same name, made at the same moment, is never listed.
    const theirs = await newOrganization(h);
    const theirJob = await theirs.api.post('/api/v1/jobs', { title: 'Nurse', criteria: [{ name: 'Care' }] });
    const stranger = await apply(theirs, theirJob.body.id, 'Lee Ames');

    // Two found, two others and the stranger in the same microsecond.
    const same = '2026-06-01 09:30:00.123456+00';
    await setApplied([found.lee, found.lee2, others[0]!, others[1]!, stranger], same);
    // Three found and one other in the same millisecond, the later microsecond on the lower id: the millisecond a
    // cursor carries ties them, and the id decides, over more rows than a page holds.
    const tied = [found.ada, found.kim, found.mo].sort(byId);
    await setApplied([tied[0]!], '2026-06-01 09:30:00.500900+00');
    await setApplied([tied[1]!, others[2]!], '2026-06-01 09:30:00.500500+00');
    await setApplied([tied[2]!], '2026-06-01 09:30:00.500100+00');
    await setApplied([others[3]!], '2026-06-02 08:00:00+00');

    const newestFirst = [...tied.reverse(), ...[found.lee, found.lee2].sort(byId).reverse()];
    for (const limit of [1, 2, 3]) {
      const down = await everyPage(org, 'q=lee', limit);
      expect(down).toEqual({ ids: newestFirst, totals: [5] });
      const up = await everyPage(org, 'q=LEE&sort=applied', limit);
      expect(up).toEqual({ ids: [...newestFirst].reverse(), totals: [5] });
    }

    // By name, the two of the same name but for its case are tied and the id decides.
    const byName = [found.ada, found.kim, ...[found.lee, found.lee2].sort(byId), found.mo];
    expect(await everyPage(org, 'q=lee&sort=name', 2)).toEqual({ ids: byName, totals: [5] });
    expect(await everyPage(org, 'q=lee&sort=-name', 2)).toEqual({ ids: [...byName].reverse(), totals: [5] });

    // A search with a job filter and a stage filter, paged from the middle of the tied rows.
    const screened = await org.api.post(`/api/v1/applications/${found.lee}/stage`, { stage: 'screen' });
    expect(screened.status).toBe(200);
    const applied = newestFirst.filter((id) => id !== found.lee);
    expect(await everyPage(org, `q=lee&jobId=${jobId}&stage=applied`, 2)).toEqual({
      ids: applied,
      totals: [4],
    });
  });
});
