// Signing up as a person does, for the benches that drive a running server: the sign-up, the emailed link, and the
// confirmation that creates the organization. Returns the confirmation's answer (organization, admin, API token).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Undoes quoted-printable soft line breaks and escapes, enough to read a link. */
const unQuote = (raw) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));

/** The messages a server without SMTP_URL wrote to DATA_DIR/mail. */
export const mailFolder = (dataDir) => () => {
  const dir = join(dataDir, 'mail');
  return existsSync(dir) ? readdirSync(dir).map((f) => readFileSync(join(dir, f), 'utf8')) : [];
};

export async function signUpByLink(base, body, messages) {
  const post = (path, payload) =>
    fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(payload),
    });
  const asked = await post('/api/v1/organizations', body);
  if (asked.status !== 202) throw new Error(`sign-up: ${asked.status} ${await asked.text()}`);
  const to = body.admin.email.toLowerCase();
  for (let i = 0; i < 600; i++) {
    for (const raw of messages()) {
      const text = unQuote(raw);
      if (!text.toLowerCase().includes(to)) continue;
      const token = /\/signup\/confirm\/([A-Za-z0-9_-]+)/.exec(text)?.[1];
      if (!token) continue;
      const confirmed = await post('/api/v1/organizations/confirm', { token });
      if (confirmed.status !== 201) throw new Error(`confirm: ${confirmed.status} ${await confirmed.text()}`);
      return confirmed.json();
    }
    await sleep(50);
  }
  throw new Error(`no sign-up link reached ${to}`);
}
