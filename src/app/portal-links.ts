import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../db/client';
import { applications, candidates, feedback, jobs, organizations, portalLinks } from '../db/schema';
import { newSecret, sha256 } from '../lib/crypto';
import { AppError } from '../lib/errors';
import type { AppContext } from './context';

/** A fresh unguessable link to an application's candidate page. Only its hash is stored; it expires. */
export async function createPortalLink(
  tx: Executor,
  ctx: AppContext,
  a: { organizationId: string; applicationId: string },
) {
  const token = newSecret();
  const expiresAt = new Date(Date.now() + ctx.config.PORTAL_DAYS * 86_400_000);
  await tx.insert(portalLinks).values({
    organizationId: a.organizationId,
    applicationId: a.applicationId,
    tokenHash: sha256(token),
    expiresAt,
  });
  return { token, url: `${ctx.config.publicUrl}/f/${token}`, expiresAt };
}

/** What a link opens: one application's page, and nothing else. A forged link is 404; an expired one is 410. */
export async function resolvePortalLink(db: Executor, token: string, opts: { allowExpired?: boolean } = {}) {
  const [row] = await db
    .select({
      link: portalLinks,
      application: applications,
      candidate: candidates,
      job: jobs,
      organization: organizations,
    })
    .from(portalLinks)
    .innerJoin(applications, eq(applications.id, portalLinks.applicationId))
    .innerJoin(candidates, eq(candidates.id, applications.candidateId))
    .innerJoin(jobs, eq(jobs.id, applications.jobId))
    .innerJoin(organizations, eq(organizations.id, portalLinks.organizationId))
    .where(eq(portalLinks.tokenHash, sha256(token)));
  if (!row) {
    throw new AppError(
      404,
      'link-not-found',
      'This link is not valid. Check that you copied the whole link from the email.',
    );
  }
  if (!opts.allowExpired && row.link.expiresAt.getTime() <= Date.now()) {
    // The link still says whose page it was: name the company and the role, so the candidate knows which one.
    throw new AppError(
      410,
      'link-expired',
      `This link to your page about the ${row.job.title} role at ${row.organization.name} has expired: links work for a limited time. We can email you a fresh one at the address ${row.organization.name} has for you.`,
    );
  }
  const [fb] = await db
    .select()
    .from(feedback)
    .where(and(eq(feedback.applicationId, row.application.id), eq(feedback.status, 'sent')))
    .orderBy(desc(feedback.sentAt));
  return { ...row, feedback: fb ?? null };
}
