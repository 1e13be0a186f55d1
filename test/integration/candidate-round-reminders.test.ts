import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type Harness, newCandidateAccount, startHarness } from '../support/harness';

// A round's thank-you reminder follows the round's date when it is corrected: moved by as many days, removed when
// its new day has passed, left alone once the candidate chose its day or it is done.

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

interface Reminder {
  id: string;
  kind: string;
  dueOn: string;
  text: string;
  done: boolean;
}

/** A candidate with an application (and its follow-up reminder) and a round in three days. */
async function roundAhead() {
  const { api } = await newCandidateAccount(h);
  const app = (
    await api.post('/api/v1/candidate/applications', { company: 'Northwind', role: 'Data Analyst' })
  ).body.id as string;
  const round = await api.post(`/api/v1/candidate/applications/${app}/rounds`, {
    stage: 'Onsite',
    date: day(3),
    interviewers: [{ name: 'Priya Shah' }],
  });
  expect(round.status).toBe(201);
  return { api, app, round: round.body.id as string };
}

const remindersOf = async (api: Client, app: string): Promise<Reminder[]> =>
  (await api.get(`/api/v1/candidate/applications/${app}`)).body.reminders;
const thankYou = async (api: Client, app: string) =>
  (await remindersOf(api, app)).filter((r) => r.kind === 'thank-you');

describe("a round's date, corrected", () => {
  it('moves its open thank-you reminder with it, and nothing else', async () => {
    const { api, app, round } = await roundAhead();
    const [before] = await thankYou(api, app);
    expect(before.dueOn).toBe(day(4));
    const followUp = (await remindersOf(api, app)).find((r) => r.kind === 'follow-up');

    expect((await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(6) })).status).toBe(200);
    expect(await thankYou(api, app)).toEqual([{ ...before, dueOn: day(7) }]);
    expect((await remindersOf(api, app)).find((r) => r.kind === 'follow-up')).toEqual(followUp);

    // Earlier too, as long as the day is still ahead.
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(-1) });
    expect((await thankYou(api, app)).map((r) => r.dueOn)).toEqual([day(0)]);
  });

  it('removes the reminder when its new day has passed, rather than leave it coming up', async () => {
    const { api, app, round } = await roundAhead();
    const res = await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(-5) });
    expect(res.status).toBe(200);
    expect(res.body.date).toBe(day(-5));
    expect(await thankYou(api, app)).toEqual([]);
    const open: Reminder[] = (await api.get('/api/v1/candidate/reminders?open=true')).body.items;
    expect(open.map((r) => r.kind)).toEqual(['follow-up']);
  });

  it('moves only the reminder of the round that changed', async () => {
    const { api, app, round } = await roundAhead();
    await api.post(`/api/v1/candidate/applications/${app}/rounds`, { stage: 'Final', date: day(10) });
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(5) });
    expect((await thankYou(api, app)).map((r) => r.dueOn).sort()).toEqual([day(6), day(11)]);
  });

  it('keeps a day the candidate chose by hand; a reminder edited without a new day still follows', async () => {
    const { api, app, round } = await roundAhead();
    const [reminder] = await thankYou(api, app);
    await api.patch(`/api/v1/candidate/reminders/${reminder.id}`, {
      text: 'Thank Priya',
      dueOn: reminder.dueOn,
    });
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(5) });
    expect((await thankYou(api, app)).map((r) => [r.text, r.dueOn])).toEqual([['Thank Priya', day(6)]]);

    await api.patch(`/api/v1/candidate/reminders/${reminder.id}`, { dueOn: day(9) });
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(8) });
    expect((await thankYou(api, app)).map((r) => r.dueOn)).toEqual([day(9)]);
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(-5) });
    expect((await thankYou(api, app)).map((r) => r.dueOn)).toEqual([day(9)]);
  });

  it('leaves a closed reminder closed: a final outcome still closes it, and a later correction does not move it', async () => {
    const { api, app, round } = await roundAhead();
    await api.patch(`/api/v1/candidate/applications/${app}`, { status: 'offer' });
    const [closed] = await thankYou(api, app);
    expect(closed).toMatchObject({ done: true, dueOn: day(4) });
    await api.patch(`/api/v1/candidate/rounds/${round}`, { date: day(8) });
    expect(await thankYou(api, app)).toEqual([closed]);
  });

  it("is another candidate's 404, and the owner's reminder stays where it was", async () => {
    const { api, app, round } = await roundAhead();
    const other = (await newCandidateAccount(h)).api;
    expect((await other.patch(`/api/v1/candidate/rounds/${round}`, { date: day(9) })).status).toBe(404);
    expect((await thankYou(api, app)).map((r) => r.dueOn)).toEqual([day(4)]);
  });
});
