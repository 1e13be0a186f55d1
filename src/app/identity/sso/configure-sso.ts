import { eq, sql } from 'drizzle-orm';
import { ssoConnections } from '../../../db/schema';
import type { Role } from '../../../domain/vocabulary';
import { AppError } from '../../../lib/errors';
import { recordAudit } from '../../audit';
import type { Actor, AppContext } from '../../context';
import { discover, issuerProblem, oidcContext, redirectUri } from './oidc';

export interface SsoSettingsInput {
  issuer: string;
  clientId: string;
  /** Required the first time; left out, the stored one stays. */
  clientSecret?: string;
  emailDomain?: string | null;
  defaultRole: Role;
}

/** The organization's single sign-on settings as an admin sees them: never the client secret. */
export async function getSsoSettings(ctx: AppContext, actor: Actor) {
  const [conn] = await ctx.db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, actor.organizationId));
  return { connection: conn, redirectUri: redirectUri(ctx) };
}

/**
 * An admin connects the organization to an OpenID Connect provider. The issuer is checked by discovering it (its
 * .well-known document must answer, for this issuer); the client secret is sealed with ctx.secrets.
 */
export async function configureSso(ctx: AppContext, actor: Actor, input: SsoSettingsInput) {
  const problem = issuerProblem(input.issuer);
  if (problem) throw new AppError(400, 'invalid-request', `body.issuer: ${problem}`);
  const issuer = input.issuer.replace(/\/+$/, '');
  const emailDomain = input.emailDomain?.trim().toLowerCase().replace(/^@/, '') || null;
  const { connection: existing } = await getSsoSettings(ctx, actor);
  const secret =
    input.clientSecret ??
    (existing ? ctx.secrets.open(existing.clientSecret, oidcContext(actor.organizationId)) : undefined);
  if (!secret) throw new AppError(400, 'invalid-request', 'body.clientSecret: required the first time');
  try {
    await discover(issuer, input.clientId, secret);
  } catch (e) {
    throw new AppError(
      422,
      'issuer-unreachable',
      `Could not read the provider's OpenID configuration at ${issuer}/.well-known/openid-configuration: ${
        (e as Error).message
      }`,
    );
  }
  const values = {
    issuer,
    clientId: input.clientId,
    clientSecret: ctx.secrets.seal(secret, oidcContext(actor.organizationId)),
    emailDomain,
    defaultRole: input.defaultRole,
  };
  return ctx.db.transaction(async (tx) => {
    const [conn] = await tx
      .insert(ssoConnections)
      .values({ organizationId: actor.organizationId, ...values })
      .onConflictDoUpdate({
        target: ssoConnections.organizationId,
        set: { ...values, updatedAt: sql`now()` },
      })
      .returning();
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'auth.sso-configured',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data: {
        issuer,
        clientId: input.clientId,
        emailDomain,
        defaultRole: input.defaultRole,
        secretChanged: input.clientSecret !== undefined,
      },
    });
    return { connection: conn!, redirectUri: redirectUri(ctx) };
  });
}

/** An admin turns single sign-on off; members who joined through it sign in no more until it is set up again. */
export async function removeSso(ctx: AppContext, actor: Actor) {
  await ctx.db.transaction(async (tx) => {
    const gone = await tx
      .delete(ssoConnections)
      .where(eq(ssoConnections.organizationId, actor.organizationId))
      .returning({ id: ssoConnections.organizationId });
    if (!gone.length) throw new AppError(404, 'not-found', 'Single sign-on is not set up');
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'auth.sso-removed',
      subjectType: 'organization',
      subjectId: actor.organizationId,
    });
  });
}
