import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Signs a team up on a running server process that writes its mail to DATA_DIR/mail (no SMTP_URL), as a person does:
 * the sign-up, the link in the message, the confirmation. Returns the confirmation's answer.
 */
export async function signUpByLink(
  base: string,
  dataDir: string,
  body: { name: string; admin: { name: string; email: string; password: string } },
): Promise<{ status: number; body: { token: string; organization: { id: string; name: string } } }> {
  const post = (path: string, payload: unknown) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const asked = await post('/api/v1/organizations', body);
  if (asked.status !== 202) throw new Error(`sign-up: ${asked.status} ${await asked.text()}`);
  const dir = join(dataDir, 'mail');
  const to = body.admin.email.toLowerCase();
  for (let i = 0; i < 300; i++) {
    for (const f of existsSync(dir) ? readdirSync(dir) : []) {
      const text = readFileSync(join(dir, f), 'utf8').replace(/=\r?\n/g, '');
      if (!text.toLowerCase().includes(`to: ${to}`)) continue;
      const token = /\/signup\/confirm\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (!token) continue;
      const done = await post('/api/v1/organizations/confirm', { token });
      return { status: done.status, body: await done.json() };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no sign-up link reached ${to}`);
}
