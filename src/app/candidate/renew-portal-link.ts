import { and, eq, gt } from 'drizzle-orm';
import { portalLinks } from '../../db/schema';
import { queueEmail } from '../../jobs/deliver-email';
import { recordAudit } from '../audit';
import type { AppContext, PortalVisitor } from '../context';
import { createPortalLink, resolvePortalLink } from '../portal-links';

/**
 * An expired link offers a fresh one, sent to the address the employer has on file (never to one given here).
 * At most one fresh link per application every ten minutes.
 */
export async function renewPortalLink(ctx: AppContext, who: PortalVisitor) {
  const page = await resolvePortalLink(ctx.db, who.token, { allowExpired: true });
  await ctx.db.transaction(async (tx) => {
    const [recent] = await tx
      .select({ id: portalLinks.id })
      .from(portalLinks)
      .where(
        and(
          eq(portalLinks.applicationId, page.application.id),
          gt(portalLinks.createdAt, new Date(Date.now() - 10 * 60_000)),
        ),
      );
    if (recent) return;
    const link = await createPortalLink(tx, ctx, {
      organizationId: page.organization.id,
      applicationId: page.application.id,
    });
    await queueEmail(tx, ctx.jobs.deliverEmail, {
      organizationId: page.organization.id,
      to: page.candidate.email,
      subject: `Your link for ${page.job.title} at ${page.organization.name}`,
      text: [
        `Hello ${page.candidate.name.split(' ')[0]},`,
        '',
        'Here is a fresh link to your page:',
        '',
        link.url,
        '',
        `It works until ${link.expiresAt.toUTCString().slice(0, 16)}.`,
      ].join('\n'),
    });
    await recordAudit(tx, {
      organizationId: page.organization.id,
      actor: { type: 'candidate', name: page.candidate.name },
      action: 'candidate.renewed-link',
      subjectType: 'application',
      subjectId: page.application.id,
      applicationId: page.application.id,
    });
  });
  ctx.jobs.poke();
}
