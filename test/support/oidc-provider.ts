import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type KoaContextWithOIDC } from 'oidc-provider';

/**
 * A real OpenID Connect provider (the `oidc-provider` package) on 127.0.0.1 for the single sign-on tests. Its
 * development login and consent pages take any login (the login is the account's id and, unless `accounts` says
 * otherwise, its email address). Two clients are registered: Debrief's and another application's.
 *
 * `misissue` makes the provider hand Debrief an ID token it should refuse, minted and signed by the provider
 * itself: one for the other application (wrong audience), or one that has already expired.
 */
export async function startOidcProvider(opts: { redirectUri: string }) {
  let handle: (req: IncomingMessage, res: ServerResponse) => void = (_req, res) => res.end();
  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const client = { clientId: 'debrief', clientSecret: 'debrief-client-secret-for-tests' };
  const other = { clientId: 'another-app', clientSecret: 'another-app-secret-for-tests' };
  const accounts = new Map<string, { email?: string; email_verified?: boolean; name?: string }>();
  const state: { misissue?: 'other-audience' | 'expired' } = {};

  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        redirect_uris: [opts.redirectUri],
        token_endpoint_auth_method: 'client_secret_basic',
      },
      {
        client_id: other.clientId,
        client_secret: other.clientSecret,
        redirect_uris: [opts.redirectUri],
      },
    ],
    async findAccount(_ctx, sub) {
      return {
        accountId: sub,
        async claims() {
          const a = accounts.get(sub);
          return { sub, email: a?.email ?? sub, email_verified: a?.email_verified ?? true, name: a?.name };
        },
      };
    },
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: ['oidc-test-provider-cookie-key'] },
    features: { devInteractions: { enabled: true } },
  });

  // After the token endpoint answers: replace the ID token with one the provider mints for the other client, or
  // with an expiry in the past.
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path !== '/token' || ctx.status !== 200 || !body?.id_token || !state.misissue) return;
    const claims = JSON.parse(Buffer.from(body.id_token.split('.')[1]!, 'base64url').toString()) as Record<
      string,
      unknown
    >;
    const { iss: _i, aud: _a, exp: _e, iat: _t, at_hash: _h, c_hash: _c, s_hash: _s, ...rest } = claims;
    const audience = await provider.Client.find(
      state.misissue === 'other-audience' ? other.clientId : client.clientId,
    );
    const token = new provider.IdToken(
      { sub: rest.sub as string },
      { ctx: ctx as unknown as KoaContextWithOIDC, client: audience },
    );
    for (const [k, v] of Object.entries(rest)) token.set(k, v);
    body.id_token = await token.issue({
      use: 'idtoken',
      ...(state.misissue === 'expired' ? { expiresAt: Math.floor(Date.now() / 1000) - 300 } : {}),
    });
  });
  handle = provider.callback();

  return {
    issuer,
    client,
    other,
    accounts,
    /** The next ID tokens are wrong in this way, until set back to undefined. */
    misissue(mode: 'other-audience' | 'expired' | undefined) {
      state.misissue = mode;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A browser at the provider: follows redirects from `url` with the provider's cookies, fills in its login form with
 * `login` and accepts its consent form, until the provider sends the browser away from itself. Returns that URL
 * (Debrief's redirect URI with the code, state and issuer).
 */
export async function passThroughProvider(url: string, login: string): Promise<URL> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const origin = new URL(url).origin;
  let next = new URL(url);
  let init: RequestInit = {};
  for (let hop = 0; hop < 20; hop++) {
    const res = await fetch(next, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as Record<string, string>), cookie: cookie() },
    });
    for (const set of res.headers.getSetCookie()) {
      const [pair] = set.split(';');
      const eq = pair!.indexOf('=');
      jar.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    init = {};
    if (res.status >= 300 && res.status < 400) {
      next = new URL(res.headers.get('location')!, next);
      if (next.origin !== origin) return next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`the provider answered ${res.status}: ${html.slice(0, 500)}`);
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    if (!action) throw new Error(`no form on the provider's page: ${html.slice(0, 500)}`);
    const form = new URLSearchParams();
    for (const m of html.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g))
      form.set(m[1]!, m[2]!);
    if (/name="login"/.test(html)) {
      form.set('login', login);
      form.set('password', 'any password');
    }
    next = new URL(action.replaceAll('&amp;', '&'), next);
    init = {
      method: 'POST',
      body: form.toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    };
  }
  throw new Error('too many redirects at the provider');
}
