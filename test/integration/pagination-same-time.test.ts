import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Client,
  type Harness,
  newCandidateAccount,
  newOrganization,
  startHarness,
} from '../support/harness';

// Rows made in one transaction share its time, to the microsecond, while a page's cursor carries the time to the
// millisecond. Paging through such rows must still give every row once: none skipped, none repeated.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const SAME_TIME = '2026-06-01 09:30:00.123456+00';

async function everyPage(api: Client, path: string, limit: number): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const res: { status: number; body: any } = await api.get(
      `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push(...res.body.items.map((i: { id: string }) => i.id));
    cursor = res.body.nextCursor;
  } while (cursor);
  return ids;
}

describe('paging through rows made at the same moment', () => {
  it('lists every job once when all were made in the same microsecond', async () => {
    const org = await newOrganization(h);
    const made: string[] = [];
    for (const title of ['Analyst', 'Designer', 'Engineer', 'Nurse', 'Teacher']) {
      const res = await org.api.post('/api/v1/jobs', {
        title,
        criteria: [{ name: 'Written communication' }],
      });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    await h.ctx.db.execute(
      sql`update jobs set created_at = ${SAME_TIME}::timestamptz where organization_id = ${org.organization.id}`,
    );
    const listed = await everyPage(org.api, '/api/v1/jobs', 2);
    expect(listed).toHaveLength(5);
    expect(new Set(listed)).toEqual(new Set(made));
  });

  it('lists every tracked application once when all were made in the same microsecond', async () => {
    const { api, email } = await newCandidateAccount(h);
    const made: string[] = [];
    for (const company of ['Northwind', 'Contoso', 'Fabrikam', 'Initech']) {
      const res = await api.post('/api/v1/candidate/applications', { company, role: 'Analyst' });
      expect(res.status).toBe(201);
      made.push(res.body.id);
    }
    await h.ctx.db.execute(
      sql`update tracker_applications set created_at = ${SAME_TIME}::timestamptz
          where account_id = (select id from candidate_accounts where email = ${email})`,
    );
    const listed = await everyPage(api, '/api/v1/candidate/applications', 3);
    expect(listed).toHaveLength(4);
    expect(new Set(listed)).toEqual(new Set(made));
  });
});
