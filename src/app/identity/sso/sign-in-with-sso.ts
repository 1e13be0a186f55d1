import { and, eq, isNotNull, isNull, ne, or, sql } from 'drizzle-orm';
import { ssoConnections, users } from '../../../db/schema';
import { AppError } from '../../../lib/errors';
import { recordAudit } from '../../audit';
import { type Anonymous, type AppContext, actorOf } from '../../context';
import { loadOrganization } from '../../load';
import { openSession } from '../sessions';
import { signedInEvent, signInFailedEvent } from '../two-factor';
import { oidc, providerFor, redirectUri, SCOPES } from './oidc';

/** How long a member may take at the provider between leaving Debrief and coming back. */
const LOGIN_MINUTES = 10;
const LOGIN_CONTEXT = 'sso-login';

/** What the browser keeps (sealed, in a cookie) between leaving for the provider and coming back. */
interface PendingLogin {
  organizationId: string;
  state: string;
  nonce: string;
  verifier: string;
  expiresAt: number;
}

/** A refusal sent back to the sign-in page as `?sso-error=<code>`. */
export class SsoRefusal extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function connectionFor(ctx: AppContext, input: { email?: string; organizationId?: string }) {
  if (input.organizationId) {
    const [conn] = await ctx.db
      .select()
      .from(ssoConnections)
      .where(eq(ssoConnections.organizationId, input.organizationId));
    return conn;
  }
  const email = input.email ?? '';
  // A member's own organization first; else the organization that claims the address's domain.
  const [member] = await ctx.db
    .select({ conn: ssoConnections })
    .from(users)
    .innerJoin(ssoConnections, eq(ssoConnections.organizationId, users.organizationId))
    .where(and(sql`lower(${users.email}) = lower(${email})`, isNull(users.removedAt)));
  if (member) return member.conn;
  const domain = email.split('@')[1]?.toLowerCase() ?? '';
  const [byDomain] = await ctx.db
    .select()
    .from(ssoConnections)
    .where(sql`lower(${ssoConnections.emailDomain}) = ${domain}`);
  return byDomain;
}

/**
 * Starts signing in through the organization's provider: the authorization code flow with PKCE, a state and a
 * nonce. Answers the provider's URL to send the browser to, and the sealed values the browser keeps until it
 * comes back (so a callback can only finish a sign-in this browser started).
 */
export async function startSsoSignIn(
  ctx: AppContext,
  _who: Anonymous,
  input: { email?: string; organizationId?: string },
) {
  const conn = await connectionFor(ctx, input);
  if (!conn)
    throw new AppError(
      404,
      'sso-not-configured',
      'Single sign-on is not set up for this address; sign in with your password',
    );
  const config = await providerFor(ctx, conn);
  const pending: PendingLogin = {
    organizationId: conn.organizationId,
    state: oidc.randomState(),
    nonce: oidc.randomNonce(),
    verifier: oidc.randomPKCECodeVerifier(),
    expiresAt: Date.now() + LOGIN_MINUTES * 60_000,
  };
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(ctx),
    scope: SCOPES,
    code_challenge: await oidc.calculatePKCECodeChallenge(pending.verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    nonce: pending.nonce,
    ...(input.email ? { login_hint: input.email } : {}),
  });
  return {
    url: url.href,
    pending: ctx.secrets.seal(JSON.stringify(pending), LOGIN_CONTEXT),
    maxAgeSeconds: LOGIN_MINUTES * 60,
  };
}

/**
 * The provider sent the browser back: the code is exchanged for tokens and the ID token checked (signature,
 * issuer, audience, expiry, nonce; openid-client), then the member is found by address in the organization, or
 * joins it with the default role. Refused: an address outside the configured domain, one the provider has not
 * verified, an account deactivated in Debrief, an address with an account in another organization.
 */
export async function finishSsoSignIn(
  ctx: AppContext,
  _who: Anonymous,
  input: { query: string; pending: string | undefined },
) {
  let pending: PendingLogin;
  try {
    pending = JSON.parse(ctx.secrets.open(input.pending ?? '', LOGIN_CONTEXT)) as PendingLogin;
  } catch {
    throw new SsoRefusal('sso-expired', 'This sign-in was not started here or took too long; start again');
  }
  if (pending.expiresAt < Date.now())
    throw new SsoRefusal('sso-expired', 'This sign-in took too long; start again');
  const [conn] = await ctx.db
    .select()
    .from(ssoConnections)
    .where(eq(ssoConnections.organizationId, pending.organizationId));
  if (!conn) throw new SsoRefusal('sso-not-configured', 'Single sign-on is no longer set up');
  const config = await providerFor(ctx, conn);

  let claims: oidc.IDToken;
  try {
    const tokens = await oidc.authorizationCodeGrant(config, new URL(`${redirectUri(ctx)}${input.query}`), {
      pkceCodeVerifier: pending.verifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims()!;
    // Many providers put the profile in the ID token; others (conforming to the scope rules) only at userinfo.
    if (typeof claims.email !== 'string') {
      const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
      claims = {
        ...claims,
        email: info.email,
        email_verified: info.email_verified,
        name: claims.name ?? info.name,
      };
    }
  } catch (e) {
    ctx.logger.warn('single sign-on refused', {
      organizationId: conn.organizationId,
      reason: (e as Error).message,
      detail: ((e as Error).cause as Error | undefined)?.message,
      code: (e as { code?: string }).code,
    });
    throw new SsoRefusal('sso-failed', 'Your identity provider’s answer could not be verified');
  }

  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!email) throw new SsoRefusal('sso-no-email', 'Your identity provider did not share your email address');
  const [member] = await ctx.db
    .select()
    .from(users)
    .where(
      and(
        eq(users.organizationId, conn.organizationId),
        sql`lower(${users.email}) = lower(${email})`,
        isNull(users.removedAt),
      ),
    );
  const refuse = async (code: string, message: string) => {
    if (member) await recordAudit(ctx.db, signInFailedEvent(member, 'oidc', code));
    return new SsoRefusal(code, message);
  };
  if (claims.email_verified === false)
    throw await refuse('sso-email-unverified', 'Your identity provider has not verified your email address');
  const domain = email.split('@')[1]?.toLowerCase();
  if (conn.emailDomain && domain !== conn.emailDomain.toLowerCase())
    throw await refuse('sso-domain', `Only ${conn.emailDomain} addresses sign in to this organization`);
  if (member?.deactivatedAt)
    throw await refuse('account-deactivated', 'Your Debrief account is deactivated; ask an admin');
  if (member?.ssoSubject && member.ssoSubject !== claims.sub)
    throw await refuse('sso-subject-mismatch', 'This address belongs to another identity at your provider');

  const user = await ctx.db.transaction(async (tx) => {
    if (member) {
      if (!member.ssoSubject)
        await tx.update(users).set({ ssoSubject: claims.sub }).where(eq(users.id, member.id));
      return member;
    }
    // One account per address: an address with an account elsewhere does not join here.
    const [elsewhere] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(
          sql`lower(${users.email}) = lower(${email})`,
          ne(users.organizationId, conn.organizationId),
          or(isNotNull(users.passwordHash), isNotNull(users.ssoSubject)),
        ),
      );
    if (elsewhere)
      throw new SsoRefusal(
        'email-taken',
        'This address already has a Debrief account in another organization',
      );
    const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name.trim() : email;
    const [created] = await tx
      .insert(users)
      .values({
        organizationId: conn.organizationId,
        name: name.slice(0, 200),
        email,
        role: conn.defaultRole,
        ssoSubject: claims.sub,
      })
      .returning();
    await recordAudit(tx, {
      organizationId: conn.organizationId,
      actor: actorOf(created!),
      action: 'user.joined',
      subjectType: 'user',
      subjectId: created!.id,
      data: { via: 'oidc', role: conn.defaultRole },
    });
    return created!;
  });
  const session = await ctx.db.transaction(async (tx) => {
    await recordAudit(tx, signedInEvent(user, 'oidc', { issuer: conn.issuer }));
    return openSession(tx, ctx, user);
  });
  const organization = await loadOrganization(ctx.db, user.organizationId);
  return { user, organization, session };
}
