import { organizations, users } from '../../db/schema';
import { recordAudit } from '../audit';
import { type Anonymous, type AppContext, actorOf } from '../context';
import { claimSignUpRequest } from '../sign-up-requests';
import { assertEmailFree } from './assert-email-free';
import { mintApiToken } from './mint-api-token';
import { openSession } from './sessions';

/**
 * The emailed sign-up link, opened: the organization, its first admin (whose address the link proves), an API token
 * and a web session, in one transaction.
 */
export async function confirmSignUp(ctx: AppContext, _who: Anonymous, input: { token: string }) {
  return ctx.db.transaction(async (tx) => {
    const request = await claimSignUpRequest(tx, 'organization', input.token);
    await assertEmailFree(tx, request.email);
    const [organization] = await tx
      .insert(organizations)
      .values({ name: request.organizationName ?? request.name })
      .returning();
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: organization.id,
        name: request.name,
        email: request.email,
        role: 'admin',
        passwordHash: request.passwordHash,
      })
      .returning();
    const { secret } = await mintApiToken(tx, user, 'Created at sign-up');
    const session = await openSession(tx, ctx, user);
    await recordAudit(tx, {
      organizationId: organization.id,
      actor: actorOf(user),
      action: 'organization.created',
      subjectType: 'organization',
      subjectId: organization.id,
      data: { name: organization.name },
    });
    return { organization, user, token: secret, session };
  });
}
