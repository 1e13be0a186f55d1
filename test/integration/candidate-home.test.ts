import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, newCandidateAccount, startHarness } from '../support/harness';

// A candidate tracking more applications than any one page of the tracker holds (200 at most) still sees on Home
// how many they track of each status, their newest applications, and each reminder with its application; and in the
// inbox each piece of logged feedback with the application it is about, however old. The server counts and names
// them over every application of the candidate's, and of no one else's.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const STATUSES = ['applied', 'interviewing', 'rejected', 'offer', 'withdrawn'] as const;
type Status = (typeof STATUSES)[number];
interface Tracked {
  id: string;
  company: string;
  role: string;
  status: Status;
}

/** A candidate with `n` applications, oldest first; the statuses come round unevenly (applied most often). */
async function candidateTracking(n: number, prefix: string) {
  const { api } = await newCandidateAccount(h);
  const tracked: Tracked[] = [];
  for (let i = 0; i < n; i++) {
    const status: Status = i % 3 === 0 ? STATUSES[(i / 3) % 5] : 'applied';
    const body = { company: `${prefix} ${String(i).padStart(3, '0')}`, role: `Role ${i}`, status };
    const res = await api.post('/api/v1/candidate/applications', body);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    tracked.push({ id: res.body.id, ...body });
  }
  return { api, tracked };
}

const countsOf = (tracked: Tracked[]) =>
  Object.fromEntries(STATUSES.map((s) => [s, tracked.filter((a) => a.status === s).length]));

async function homeOf(api: Client) {
  const res = await api.get('/api/v1/candidate/home');
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

let mine: { api: Client; tracked: Tracked[] };
let theirs: { api: Client; tracked: Tracked[] };
beforeAll(async () => {
  mine = await candidateTracking(230, 'Mine');
  theirs = await candidateTracking(12, 'Theirs');
}, 120_000);

describe("the candidate's Home", () => {
  it('counts every application by status, names the newest five, and each reminder with its application', async () => {
    const home = await homeOf(mine.api);
    expect(home.total).toBe(230);
    expect(home.byStatus).toEqual(countsOf(mine.tracked));
    // More than the first page of 200 would hold: applied alone is past it with the others.
    expect(Object.values(home.byStatus as Record<string, number>).reduce((a, b) => a + b)).toBe(230);
    expect(home.newest.map((a: Tracked) => a.company)).toEqual(
      mine.tracked
        .slice(-5)
        .reverse()
        .map((a) => a.company),
    );

    // Home lists the soonest eight open reminders and says how many are open in all; the list of every open
    // reminder names each one's application, the oldest application's too (past any page of 200).
    const open = (await mine.api.get('/api/v1/candidate/reminders?open=true')).body.items;
    expect(open.length).toBeGreaterThan(8);
    expect(home.remindersOpen).toBe(open.length);
    expect(home.reminders.map((r: { id: string }) => r.id)).toEqual(
      open.slice(0, 8).map((r: { id: string }) => r.id),
    );
    const byId = new Map(mine.tracked.map((a) => [a.id, a]));
    for (const r of [...home.reminders, ...open]) {
      const a = byId.get(r.applicationId)!;
      expect(r.application).toEqual({ id: a.id, company: a.company, role: a.role });
    }
    const oldest = mine.tracked[0];
    expect(open.map((r: { application: { company: string } }) => r.application.company)).toContain(
      oldest.company,
    );
  });

  it('lists a late reminder first on Home, and counts one done no longer', async () => {
    const { api } = await newCandidateAccount(h);
    const app = (await api.post('/api/v1/candidate/applications', { company: 'Acme', role: 'Nurse' })).body;
    const today = new Date().toISOString().slice(0, 10);
    const inDays = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
    for (let i = 0; i < 10; i++) {
      const res = await api.post('/api/v1/candidate/reminders', {
        applicationId: app.id,
        kind: 'follow-up',
        dueOn: inDays(10 + i),
        text: `Later ${i}`,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
    const soon = await api.post('/api/v1/candidate/reminders', {
      applicationId: app.id,
      kind: 'follow-up',
      dueOn: today,
      text: 'Call Acme today',
    });
    let home = await homeOf(api);
    const before = home.remindersOpen;
    expect(home.reminders).toHaveLength(8);
    expect(home.reminders[0].text).toBe('Call Acme today');
    expect(home.reminders[0].application).toEqual({ id: app.id, company: 'Acme', role: 'Nurse' });

    expect((await api.patch(`/api/v1/candidate/reminders/${soon.body.id}`, { done: true })).status).toBe(200);
    home = await homeOf(api);
    expect(home.remindersOpen).toBe(before - 1);
    expect(home.reminders.map((r: { text: string }) => r.text)).not.toContain('Call Acme today');
  });

  it("never counts or shows another candidate's applications or reminders", async () => {
    const home = await homeOf(mine.api);
    const theirIds = new Set(theirs.tracked.map((a) => a.id));
    expect(home.newest.filter((a: Tracked) => theirIds.has(a.id))).toEqual([]);
    expect(home.reminders.filter((r: { applicationId: string }) => theirIds.has(r.applicationId))).toEqual(
      [],
    );
    expect(JSON.stringify(home)).not.toContain('Theirs');

    const other = await homeOf(theirs.api);
    expect(other.total).toBe(12);
    expect(other.byStatus).toEqual(countsOf(theirs.tracked));
    expect(JSON.stringify(other)).not.toContain('Mine');

    // A new account sees nothing at all.
    const { api } = await newCandidateAccount(h);
    expect(await homeOf(api)).toEqual({
      total: 0,
      byStatus: { applied: 0, interviewing: 0, rejected: 0, offer: 0, withdrawn: 0 },
      newest: [],
      reminders: [],
      remindersOpen: 0,
    });
  });

  it('needs a signed-in candidate', async () => {
    expect((await h.anon.get('/api/v1/candidate/home')).status).toBe(401);
  });
});

describe('the inbox of a candidate tracking many applications', () => {
  it('names the application of each logged feedback, however old, and finds any application by search', async () => {
    const oldest = mine.tracked[0];
    const logged = await mine.api.post('/api/v1/candidate/logged-feedback', {
      applicationId: oldest.id,
      channel: 'call',
      receivedOn: '2026-03-02',
      text: 'They wanted more depth on SQL.',
    });
    expect(logged.status).toBe(201);
    const unlinked = await mine.api.post('/api/v1/candidate/logged-feedback', {
      channel: 'email',
      receivedOn: '2026-03-01',
      text: 'A short note.',
    });
    const theirsLogged = await theirs.api.post('/api/v1/candidate/logged-feedback', {
      applicationId: theirs.tracked[0].id,
      channel: 'email',
      receivedOn: '2026-03-03',
      text: 'Theirs, not mine.',
    });
    expect(theirsLogged.status).toBe(201);

    const items = (await mine.api.get('/api/v1/candidate/logged-feedback')).body.items;
    expect(items.map((l: { id: string }) => l.id)).toEqual([logged.body.id, unlinked.body.id]);
    expect(items[0].application).toEqual({ id: oldest.id, company: oldest.company, role: oldest.role });
    expect(items[1].application).toBeNull();

    // The form's picker finds the oldest application by its company, past the newest 200.
    const found = await mine.api.get(
      `/api/v1/candidate/applications?limit=20&q=${encodeURIComponent(oldest.company)}`,
    );
    expect(found.body.items.map((a: Tracked) => a.id)).toEqual([oldest.id]);
    const first200 = await mine.api.get('/api/v1/candidate/applications?limit=200');
    expect(first200.body.items.map((a: Tracked) => a.id)).not.toContain(oldest.id);

    const other = (await theirs.api.get('/api/v1/candidate/logged-feedback')).body.items;
    expect(other.map((l: { id: string }) => l.id)).toEqual([theirsLogged.body.id]);
    expect(other[0].application.company).toBe(theirs.tracked[0].company);
  });
});
