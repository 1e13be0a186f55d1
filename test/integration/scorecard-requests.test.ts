import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { outbox } from '../../src/db/schema';
import { newOrganization } from '../support/harness';
import { drainUntil, inviteMember, jobWithApplication } from '../support/hiring';
import { withMail } from '../support/smtp';

const mail = withMail();
const inbox = mail.inbox;

/** Makes the reminder for this assignment due now, as if a day had passed. */
async function dayPasses(applicationId: string, userId: string) {
  const due = await mail.h.ctx.db
    .update(outbox)
    .set({ runAt: new Date() })
    .where(eq(outbox.dedupeKey, `scorecard-reminder:${applicationId}:${userId}`))
    .returning();
  expect(due).toHaveLength(1);
  await mail.h.drainJobs();
  await mail.h.drainJobs();
}

describe('interviewers are asked for their scorecards', () => {
  it('an assigned interviewer is asked by email with a link, and reminded a day later while theirs is not in', async () => {
    const org = await newOrganization(mail.h, 'Fernway');
    const { application } = await jobWithApplication(org, 'Support Lead');
    const ines = await inviteMember(org, 'Ines Duarte');
    const r = await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ines.id });
    expect(r.status).toBe(200);
    await drainUntil(mail.h, () => inbox(ines.email).some((m) => m.subject.includes('scorecard')));
    const asked = inbox(ines.email).find((m) => m.subject.includes('scorecard'))!;
    expect(asked.subject).toBe('Your scorecard for Sam Rivera, Support Lead');
    expect(asked.text).toContain(`http://debrief.test/applications/${application.id}`);
    // Assigning again asks nothing more.
    await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: ines.id });
    await mail.h.drainJobs();
    expect(inbox(ines.email).filter((m) => m.subject.includes('scorecard'))).toHaveLength(1);

    await dayPasses(application.id, ines.id);
    const reminders = inbox(ines.email).filter((m) => m.subject.startsWith('Reminder:'));
    expect(reminders.map((m) => m.subject)).toEqual([
      'Reminder: your scorecard for Sam Rivera, Support Lead',
    ]);
  });

  it('no reminder once the scorecard is in, nor after the application is decided', async () => {
    const org = await newOrganization(mail.h, 'Fernway');
    const { application, criterion } = await jobWithApplication(org, 'Support Lead');
    const [ana, bo] = [await inviteMember(org, 'Ana Lima'), await inviteMember(org, 'Bo Sato')];
    for (const m of [ana, bo])
      await org.api.post(`/api/v1/applications/${application.id}/interviewers`, { userId: m.id });
    const card = await org.api.post(`/api/v1/applications/${application.id}/scorecards`, {
      onBehalfOf: ana.id,
      stage: 'interview',
      recommendation: 'yes',
      ratings: [
        {
          criterionId: criterion.Communication,
          rating: 3,
          evidence: 'Walked through the escalation plan clearly.',
        },
      ],
    });
    expect(card.status).toBe(201);
    await dayPasses(application.id, ana.id);
    expect(inbox(ana.email).filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(0);

    expect(
      (await org.api.post(`/api/v1/applications/${application.id}/rejection`, { reason: 'skills-gap' }))
        .status,
    ).toBe(201);
    await dayPasses(application.id, bo.id);
    expect(inbox(bo.email).filter((m) => m.subject.startsWith('Reminder:'))).toHaveLength(0);
  });
});
