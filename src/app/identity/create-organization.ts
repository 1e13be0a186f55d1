import { organizations, users } from '../../db/schema';
import { hashPassword } from '../../lib/crypto';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { type AppContext, actorOf } from '../context';
import { assertEmailFree } from './assert-email-free';
import { mintApiToken } from './mint-api-token';
import { openSession } from './sessions';

export interface CreateOrganizationInput {
  name: string;
  admin: { name: string; email: string; password: string };
}

/** Open sign-up: a new organization, its first admin, an API token and a web session, in one transaction. */
export async function createOrganization(ctx: AppContext, input: CreateOrganizationInput) {
  if (ctx.config.SIGNUP === 'closed') {
    throw new AppError(
      403,
      'signup-closed',
      'Sign-up is closed on this Debrief server; ask an admin for an invitation',
    );
  }
  const passwordHash = await hashPassword(input.admin.password);
  return ctx.db.transaction(async (tx) => {
    await assertEmailFree(tx, input.admin.email);
    const [organization] = await tx.insert(organizations).values({ name: input.name }).returning();
    const [user] = await tx
      .insert(users)
      .values({
        organizationId: organization.id,
        name: input.admin.name,
        email: input.admin.email,
        role: 'admin',
        passwordHash,
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
