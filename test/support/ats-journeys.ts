import { sql } from 'drizzle-orm';
import { expect, it } from 'vitest';
import { atsEvents } from '../../src/db/schema';
import { newOrganization, type Reply, uniqueEmail } from './harness';
import type { withMail } from './smtp';

type Org = Awaited<ReturnType<typeof newOrganization>>;
/** A webhook delivery as it goes over the wire. */
export type Signed = { body: string; headers: Record<string, string> };

/** What the journeys every applicant tracking system shares need from one of them and its fake. */
export interface AtsDriver<Conn extends { id: string }> {
  /** The provider's name as Debrief shows it in errors ("Greenhouse answered 503"). */
  label: string;
  /** The provider's segment in the webhook's path. */
  provider: string;
  mail: ReturnType<typeof withMail>;
  connect(org: Org): Promise<Conn>;
  deliver(conn: Conn, payload: any): Promise<Reply>;
  /** A rejection after three interviews, as the provider's webhook sends it (archived at `at`, or now). */
  rejection(email: string, at?: Date): any;
  /** The delivery signed as the provider signs it for this connection, and signed with a secret that is not it. */
  signed(conn: Conn, payload: unknown): Signed;
  forged(payload: unknown): Signed;
  /** Further deliveries of this provider's own kind that must be refused: unsigned, tampered with, and the like. */
  tampered(good: Signed, forged: Signed): { why: string; delivery: Signed }[];
  fake: {
    switches: { down: boolean; throttle: number; retryAfter: number };
    requests: { status: number }[];
  };
  /** How many 429 answers the storm holds (enough to outlast a single request's retries). */
  throttle: number;
  /** The notes written in the provider that link to this application. */
  notesAbout(applicationId: string): unknown[];
}

const status = async (org: Org, id: string) => (await org.api.get(`/api/v1/integrations/${id}/status`)).body;

/** Registers the journeys every provider must pass; each provider's own file keeps what only it does. */
export function atsJourneys<Conn extends { id: string }>(d: AtsDriver<Conn>) {
  const { mail } = d;

  it('refuses a bad signature, an unknown connection and a stale event, and writes nothing', async () => {
    const org = await newOrganization(mail.h);
    const conn = await d.connect(org);
    const payload = d.rejection(uniqueEmail('forged'));
    const path = `/api/v1/integrations/${d.provider}/${conn.id}/webhook`;
    const wrongSecret = d.forged(payload);
    const forged = await mail.h.anon.raw('POST', path, wrongSecret);
    expect(forged.status).toBe(401);
    expect(forged.body.error.code).toBe('bad-signature');
    const good = d.signed(conn, payload);
    for (const { why, delivery } of d.tampered(good, wrongSecret)) {
      expect((await mail.h.anon.raw('POST', path, delivery)).status, why).toBe(401);
    }
    const elsewhere = await mail.h.anon.raw(
      'POST',
      `/api/v1/integrations/${d.provider}/${crypto.randomUUID()}/webhook`,
      good,
    );
    expect(elsewhere.status).toBe(401);
    // Signed for this connection, posted as another provider's delivery: not this connection there.
    const other = d.provider === 'greenhouse' ? 'lever' : 'greenhouse';
    expect(
      (await mail.h.anon.raw('POST', `/api/v1/integrations/${other}/${conn.id}/webhook`, good)).status,
    ).toBe(401);
    const stale = await d.deliver(
      conn,
      d.rejection(uniqueEmail('stale'), new Date(Date.now() - 10 * 86_400_000)),
    );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale-event');

    const [{ n }] = (
      await mail.h.ctx.db.execute(
        sql`select count(*)::int as n from ${atsEvents} where connection_id = ${conn.id}`,
      )
    ).rows as { n: number }[];
    expect(n).toBe(0);
    expect((await status(org, conn.id)).integration.counts.received).toBe(0);
  });

  it('completes the pull through a storm of 429 answers, waiting as Retry-After says', async () => {
    const org = await newOrganization(mail.h);
    const conn = await d.connect(org);
    expect((await d.deliver(conn, d.rejection(uniqueEmail('storm')))).status).toBe(202);
    const before = d.fake.requests.length;
    d.fake.switches.retryAfter = 1;
    d.fake.switches.throttle = d.throttle;
    await mail.h.drainJobs();
    expect(d.fake.requests.slice(before).filter((r) => r.status === 429)).toHaveLength(d.throttle);
    const s = await status(org, conn.id);
    expect(s.recentEvents[0].status).toBe('imported');
    const detail = (await org.api.get(`/api/v1/applications/${s.recentEvents[0].applicationId}`)).body;
    expect(detail.scorecards).toHaveLength(3);
  });

  it(`keeps the note while ${d.label} is down, shows it waiting, and writes it once ${d.label} is back`, async () => {
    const org = await newOrganization(mail.h);
    const conn = await d.connect(org);
    const email = uniqueEmail('down');
    await d.deliver(conn, d.rejection(email));
    await mail.h.drainJobs();
    const applicationId = (await status(org, conn.id)).recentEvents[0].applicationId;
    const detail = (await org.api.get(`/api/v1/applications/${applicationId}`)).body;

    d.fake.switches.down = true;
    await org.api.post(`/api/v1/feedback/${detail.feedback.id}/approve`, { send: 'now' });
    await mail.h.drainJobs();
    expect(mail.inbox(email)).toHaveLength(1);
    const waiting = await status(org, conn.id);
    expect(waiting.waitingToRetry.notes).toBe(1);
    expect(waiting.writeBacks[0]).toMatchObject({ status: 'retrying', attempts: 1 });
    expect(waiting.writeBacks[0].lastError).toContain('503');
    expect(waiting.integration.lastError).toContain(`${d.label} answered 503`);

    d.fake.switches.down = false;
    // The minute passes: the next attempt is due.
    await mail.h.ctx.db.execute(
      sql`update outbox set run_at = now() where kind = 'ats.write-back' and status = 'queued'`,
    );
    await mail.h.drainJobs();
    const recovered = await status(org, conn.id);
    expect(recovered.waitingToRetry.notes).toBe(0);
    expect(recovered.writeBacks[0]).toMatchObject({ status: 'written', attempts: 2 });
    expect(d.notesAbout(applicationId)).toHaveLength(1);
  });
}
