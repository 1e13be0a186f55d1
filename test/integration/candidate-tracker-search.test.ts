import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, newCandidateAccount, startHarness } from '../support/harness';

// The tracker's list is searched and filtered by the API: words in the company or role (any case), a status, a page
// at a time by cursor. Only the candidate's own applications ever appear, and bad values are a 400 naming the field.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Listed {
  id: string;
  company: string;
  role: string;
  status: string;
}
interface Page {
  items: Listed[];
  total: number;
  nextCursor: string | null;
}

const list = async (api: Client, query = ''): Promise<Page> => {
  const res = await api.get(`/api/v1/candidate/applications${query}`);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const companies = (p: Page) => p.items.map((a) => a.company);

async function candidateWith(apps: { company: string; role: string; status?: string }[]) {
  const { api } = await newCandidateAccount(h);
  for (const a of apps) expect((await api.post('/api/v1/candidate/applications', a)).status).toBe(201);
  return api;
}

describe('the tracker list', () => {
  it('matches words in the company or role, any case, with the status chosen, newest first', async () => {
    const api = await candidateWith([
      { company: 'Northwind', role: 'Data Analyst' },
      { company: 'Cobalt Bank', role: 'Risk Analyst', status: 'interviewing' },
      { company: 'Delta Health', role: 'Data Engineer', status: 'interviewing' },
      { company: '100% Remote Co', role: 'Analyst_1' },
    ]);
    expect(companies(await list(api))).toEqual([
      '100% Remote Co',
      'Delta Health',
      'Cobalt Bank',
      'Northwind',
    ]);
    expect(companies(await list(api, '?q=ANALYST'))).toEqual(['100% Remote Co', 'Cobalt Bank', 'Northwind']);
    expect(companies(await list(api, '?q=northWIND'))).toEqual(['Northwind']);
    // Every word must be found, in either field.
    expect(companies(await list(api, '?q=data%20north'))).toEqual(['Northwind']);
    expect(companies(await list(api, '?q=analyst&status=interviewing'))).toEqual(['Cobalt Bank']);
    expect(await list(api, '?status=offer')).toEqual({ items: [], total: 0, nextCursor: null });
    // What is typed means itself: % and _ are no wildcards.
    expect(companies(await list(api, `?q=${encodeURIComponent('100%')}`))).toEqual(['100% Remote Co']);
    expect(companies(await list(api, '?q=nalys_'))).toEqual([]);
    expect((await list(api, '?q=analyst')).total).toBe(3);
  });

  it('pages by cursor, with the number matching on every page', async () => {
    const api = await candidateWith(
      ['Acme', 'Birch', 'Cobalt', 'Delta', 'Ember'].map((company) => ({ company, role: 'Analyst' })),
    );
    const seen: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const p: Page = await list(api, `?q=analyst&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(p.total).toBe(5);
      expect(p.items.length).toBeLessThanOrEqual(2);
      seen.push(...companies(p));
      cursor = p.nextCursor;
    }
    expect(seen).toEqual(['Ember', 'Delta', 'Cobalt', 'Birch', 'Acme']);
  });

  it("never shows another candidate's applications, whatever the search", async () => {
    const mine = await candidateWith([{ company: 'Northwind', role: 'Data Analyst' }]);
    const theirs = await candidateWith([
      { company: 'Northwind', role: 'Data Analyst', status: 'interviewing' },
      { company: 'Northwind Labs', role: 'Analyst' },
    ]);
    const theirIds = (await list(theirs)).items.map((a) => a.id);
    for (const query of ['', '?q=northwind', '?q=analyst', '?status=interviewing', '?limit=1']) {
      const p = await list(mine, query);
      expect(
        p.items.map((a) => a.id).filter((id) => theirIds.includes(id)),
        query,
      ).toEqual([]);
      expect(p.total, query).toBeLessThanOrEqual(1);
    }
    // A cursor of theirs pages only through mine.
    const theirCursor = (await list(theirs, '?limit=1')).nextCursor;
    const after = await list(mine, `?cursor=${theirCursor}`);
    expect(after.items.map((a) => a.id).filter((id) => theirIds.includes(id))).toEqual([]);
  });

  it('refuses bad values with a 400 naming the field', async () => {
    const api = await candidateWith([]);
    for (const [query, field] of [
      ['?status=lost', 'query.status'],
      ['?limit=0', 'query.limit'],
      ['?limit=lots', 'query.limit'],
      [`?q=${'a'.repeat(201)}`, 'query.q'],
      ['?cursor=not-a-cursor', 'query.cursor'],
    ]) {
      const res = await api.get(`/api/v1/candidate/applications${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.error.message, query).toContain(field);
    }
  });
});
