import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, newCandidateAccount, startHarness } from '../support/harness';

// Every object of the candidate's tracker is edited (PATCH) and deleted (DELETE): an application with its notes, job
// link and salary range, a round, a reminder, a piece of logged feedback. Another candidate gets 404 on each, bad
// input gets 400 naming the field, and nothing of the owner's changes.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const json = (api: Client, method: string, path: string, body: unknown) =>
  api.raw(method, path, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });

/** A candidate with one application holding a round, a reminder and logged feedback. */
async function trackerWithEverything() {
  const { api } = await newCandidateAccount(h);
  const app = await api.post('/api/v1/candidate/applications', {
    company: 'Northwind',
    role: 'Data Analyst',
    notes: 'Met their lead at a meetup.',
    jobUrl: 'https://careers.northwind.example/jobs/42',
    salaryMin: 52000,
    salaryMax: 60000,
    salaryCurrency: 'EUR',
  });
  expect(app.status).toBe(201);
  const round = await api.post(`/api/v1/candidate/applications/${app.body.id}/rounds`, {
    stage: 'Phone screen',
    date: day(2),
    interviewers: [{ name: 'Priya Shah' }],
  });
  const reminder = await api.post('/api/v1/candidate/reminders', {
    applicationId: app.body.id,
    kind: 'follow-up',
    dueOn: day(5),
    text: 'Write to Priya',
  });
  const logged = await api.post('/api/v1/candidate/logged-feedback', {
    applicationId: app.body.id,
    channel: 'call',
    receivedOn: day(0),
    text: 'They wanted more on SQL.',
  });
  return {
    api,
    app: app.body.id as string,
    round: round.body.id as string,
    reminder: reminder.body.id as string,
    logged: logged.body.id as string,
  };
}

describe('an application', () => {
  it('keeps notes, a job link and a salary range, all editable', async () => {
    const { api, app } = await trackerWithEverything();
    const got = (await api.get(`/api/v1/candidate/applications/${app}`)).body;
    expect(got).toMatchObject({
      notes: 'Met their lead at a meetup.',
      jobUrl: 'https://careers.northwind.example/jobs/42',
      salaryMin: 52000,
      salaryMax: 60000,
      salaryCurrency: 'EUR',
    });
    const changed = await api.patch(`/api/v1/candidate/applications/${app}`, {
      company: 'Northwind Traders',
      role: 'Senior Data Analyst',
      notes: 'Second contact through Priya.',
      jobUrl: 'http://northwind.example/analyst',
      salaryMax: 65000,
      source: 'Referral',
    });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      company: 'Northwind Traders',
      role: 'Senior Data Analyst',
      notes: 'Second contact through Priya.',
      jobUrl: 'http://northwind.example/analyst',
      salaryMin: 52000,
      salaryMax: 65000,
      source: 'Referral',
    });
    // Cleared with null.
    const cleared = await api.patch(`/api/v1/candidate/applications/${app}`, {
      jobUrl: null,
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
    });
    expect(cleared.body).toMatchObject({
      jobUrl: null,
      salaryMin: null,
      salaryMax: null,
      salaryCurrency: null,
    });
  });

  it('refuses a job link that is not http or https and a salary range that reads high to low', async () => {
    const { api, app } = await trackerWithEverything();
    const path = `/api/v1/candidate/applications/${app}`;
    for (const jobUrl of ['javascript:alert(1)', 'ftp://files.example/job', 'not a link', 'https://']) {
      const res = await api.patch(path, { jobUrl });
      expect(res.status, jobUrl).toBe(400);
      expect(res.body.error.code).toBe('invalid-request');
      expect(res.body.error.message).toMatch(/jobUrl/);
    }
    const created = await api.post('/api/v1/candidate/applications', {
      company: 'A',
      role: 'B',
      jobUrl: 'javascript:void(0)',
    });
    expect(created.status).toBe(400);

    const reversed = await api.patch(path, { salaryMin: 70000, salaryMax: 60000 });
    expect(reversed.status).toBe(400);
    expect(reversed.body.error.message).toMatch(/salaryMax/);
    // One end alone is held against the stored other end (60 000).
    const half = await api.patch(path, { salaryMin: 61000 });
    expect(half.status).toBe(400);
    expect(half.body.error.message).toMatch(/salaryMax: must not be below salaryMin/);
    for (const bad of [
      { salaryMin: -1 },
      { salaryMin: 1.5 },
      { salaryCurrency: 'euro' },
      {},
      { company: '' },
    ]) {
      expect((await api.patch(path, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    const kept = (await api.get(path)).body;
    expect(kept).toMatchObject({
      salaryMin: 52000,
      salaryMax: 60000,
      jobUrl: expect.stringMatching(/^https:/),
    });
  });

  it('is deleted with its rounds and reminders; its logged feedback stays, unlinked', async () => {
    const { api, app, logged } = await trackerWithEverything();
    expect((await api.delete(`/api/v1/candidate/applications/${app}`)).status).toBe(204);
    expect((await api.get(`/api/v1/candidate/applications/${app}`)).status).toBe(404);
    expect((await api.get('/api/v1/candidate/reminders')).body.items).toEqual([]);
    const notes = (await api.get('/api/v1/candidate/logged-feedback')).body.items;
    expect(notes).toEqual([expect.objectContaining({ id: logged, applicationId: null })]);
    expect((await api.delete(`/api/v1/candidate/applications/${app}`)).status).toBe(404);
  });
});

describe('a round', () => {
  it('is corrected field by field and deleted', async () => {
    const { api, app, round } = await trackerWithEverything();
    const res = await api.patch(`/api/v1/candidate/rounds/${round}`, {
      stage: 'Technical interview',
      rapport: 4,
      notes: 'SQL window functions.',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      stage: 'Technical interview',
      date: day(2),
      interviewers: [{ name: 'Priya Shah' }],
      rapport: 4,
      notes: 'SQL window functions.',
    });
    for (const bad of [{ rapport: 6 }, { date: '2026-13-01' }, { stage: '' }, {}]) {
      expect((await api.patch(`/api/v1/candidate/rounds/${round}`, bad)).status, JSON.stringify(bad)).toBe(
        400,
      );
    }
    expect((await api.delete(`/api/v1/candidate/rounds/${round}`)).status).toBe(204);
    expect((await api.get(`/api/v1/candidate/applications/${app}`)).body.roundList).toEqual([]);
  });
});

describe('a reminder', () => {
  it('changes its text, day and kind, is ticked done, and is deleted', async () => {
    const { api, reminder } = await trackerWithEverything();
    const path = `/api/v1/candidate/reminders/${reminder}`;
    const res = await api.patch(path, { text: 'Call Priya', dueOn: day(9), kind: 'reapply' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: 'Call Priya', dueOn: day(9), kind: 'reapply', done: false });
    expect((await api.patch(path, { done: true })).body.done).toBe(true);
    expect((await api.patch(path, { done: false })).body.done).toBe(false);
    expect((await api.delete(path)).status).toBe(204);
    expect(
      (await api.get('/api/v1/candidate/reminders')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(reminder);
  });

  it('is never set for a day already past, made or moved', async () => {
    const { api, app, reminder } = await trackerWithEverything();
    const path = `/api/v1/candidate/reminders/${reminder}`;
    const moved = await api.patch(path, { dueOn: day(-10) });
    expect(moved.status).toBe(400);
    expect(moved.body.error.message).toMatch(/dueOn: must be today or later/);
    const made = await api.post('/api/v1/candidate/reminders', {
      applicationId: app,
      kind: 'follow-up',
      dueOn: day(-10),
      text: 'Too late',
    });
    expect(made.status).toBe(400);
    for (const bad of [{ kind: 'nap' }, { text: '' }, { dueOn: 'tomorrow' }, {}, { done: 'yes' }]) {
      expect((await api.patch(path, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await api.get(`/api/v1/candidate/applications/${app}`)).body.reminders).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: reminder, dueOn: day(5), text: 'Write to Priya' }),
      ]),
    );
  });

  it('closes by itself on a final outcome: the thank-you and follow-up close, asking for feedback opens', async () => {
    const { api, app } = await trackerWithEverything();
    const before = (await api.get(`/api/v1/candidate/reminders?open=true`)).body.items;
    expect(before.map((r: { kind: string }) => r.kind).sort()).toEqual([
      'follow-up',
      'follow-up',
      'thank-you',
    ]);
    await api.patch(`/api/v1/candidate/applications/${app}`, { status: 'rejected' });
    const after = (await api.get(`/api/v1/candidate/reminders?open=true`)).body.items;
    expect(after.map((r: { kind: string }) => r.kind)).toEqual(['ask-feedback']);
    expect(after[0].dueOn >= day(0)).toBe(true);
  });
});

describe('logged feedback', () => {
  it('is corrected (text, day, channel, application) and deleted', async () => {
    const { api, logged } = await trackerWithEverything();
    const other = await api.post('/api/v1/candidate/applications', { company: 'Contoso', role: 'Analyst' });
    const path = `/api/v1/candidate/logged-feedback/${logged}`;
    const res = await api.patch(path, {
      text: 'More depth on SQL joins.',
      channel: 'email',
      receivedOn: day(-1),
      applicationId: other.body.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: logged,
      text: 'More depth on SQL joins.',
      channel: 'email',
      receivedOn: day(-1),
      applicationId: other.body.id,
    });
    expect((await api.patch(path, { applicationId: null })).body.applicationId).toBeNull();
    for (const bad of [
      { channel: 'fax' },
      { text: '   ' },
      { receivedOn: '1 May' },
      {},
      { applicationId: 'x' },
    ]) {
      expect((await api.patch(path, bad)).status, JSON.stringify(bad)).toBe(400);
    }
    expect((await api.delete(path)).status).toBe(204);
    expect((await api.get('/api/v1/candidate/logged-feedback')).body.items).toEqual([]);
    expect((await api.delete(path)).status).toBe(404);
  });
});

describe('another candidate', () => {
  it('gets 404 on every edit and delete, and the owner keeps everything', async () => {
    const mine = await trackerWithEverything();
    const { api: other } = await newCandidateAccount(h);
    const theirApp = await other.post('/api/v1/candidate/applications', { company: 'Theirs', role: 'R' });
    const tries: [string, string, unknown][] = [
      ['PATCH', `/api/v1/candidate/applications/${mine.app}`, { notes: 'mine now' }],
      ['PATCH', `/api/v1/candidate/rounds/${mine.round}`, { stage: 'x' }],
      ['PATCH', `/api/v1/candidate/reminders/${mine.reminder}`, { text: 'x' }],
      ['PATCH', `/api/v1/candidate/logged-feedback/${mine.logged}`, { text: 'x' }],
      ['DELETE', `/api/v1/candidate/rounds/${mine.round}`, undefined],
      ['DELETE', `/api/v1/candidate/reminders/${mine.reminder}`, undefined],
      ['DELETE', `/api/v1/candidate/logged-feedback/${mine.logged}`, undefined],
      ['DELETE', `/api/v1/candidate/applications/${mine.app}`, undefined],
    ];
    for (const [method, path, body] of tries) {
      const res = body === undefined ? await other.raw(method, path) : await json(other, method, path, body);
      expect(res.status, `${method} ${path}`).toBe(404);
      expect(res.body.error.code).toBe('not-found');
    }
    // Nor can my logged feedback be moved onto their application, or theirs onto mine.
    expect(
      (
        await other.patch(`/api/v1/candidate/logged-feedback/${mine.logged}`, {
          applicationId: theirApp.body.id,
        })
      ).status,
    ).toBe(404);
    const detail = (await mine.api.get(`/api/v1/candidate/applications/${mine.app}`)).body;
    expect(detail.notes).toBe('Met their lead at a meetup.');
    expect(detail.roundList).toHaveLength(1);
    expect(detail.reminders.map((r: { id: string }) => r.id)).toContain(mine.reminder);
    expect(detail.loggedFeedback).toEqual([expect.objectContaining({ text: 'They wanted more on SQL.' })]);
  });

  it('cannot link my logged feedback to an application of theirs', async () => {
    const mine = await trackerWithEverything();
    const { api: other } = await newCandidateAccount(h);
    const theirApp = await other.post('/api/v1/candidate/applications', { company: 'Theirs', role: 'R' });
    const res = await mine.api.patch(`/api/v1/candidate/logged-feedback/${mine.logged}`, {
      applicationId: theirApp.body.id,
    });
    expect(res.status).toBe(404);
    expect((await mine.api.get('/api/v1/candidate/logged-feedback')).body.items[0].applicationId).toBe(
      mine.app,
    );
  });
});
