import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll } from 'vitest';

export interface ReceivedMessage {
  from: string;
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
  /** The From and Reply-To headers as sent ("\"Kinetix hiring team via Debrief\" <feedback@...>"). */
  fromHeader: string;
  replyTo: string;
  /** The text part, with quoted-printable soft breaks and escapes decoded. */
  text: string;
  /** The HTML part of a multipart message, decoded; null when the message is text only. */
  html: string | null;
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*(.*(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1].replace(/\r?\n[ \t]/g, ' ').trim() : '';
}

function decode(head: string, body: string): string {
  const encoding = header(head, 'Content-Transfer-Encoding').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return body;
}

/** The text and HTML parts of a message (a multipart one is searched part by part). */
function parts(head: string, body: string): { text: string | null; html: string | null } {
  const type = header(head, 'Content-Type');
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!/^multipart\//i.test(type) || !boundary) {
    const decoded = decode(head, body);
    return /^text\/html/i.test(type) ? { text: null, html: decoded } : { text: decoded, html: null };
  }
  const found: { text: string | null; html: string | null } = { text: null, html: null };
  for (const part of body.split(`--${boundary}`).slice(1)) {
    if (part.startsWith('--')) break;
    const [partHead = '', ...rest] = part.replace(/^\r?\n/, '').split(/\r?\n\r?\n/);
    const inner = parts(partHead, rest.join('\n\n').replace(/\r?\n$/, ''));
    found.text ??= inner.text;
    found.html ??= inner.html;
  }
  return found;
}

const smtpError = (code: number, text: string) =>
  Object.assign(new Error(text), { responseCode: code }) as Error & { responseCode: number };

/**
 * A real SMTP server on 127.0.0.1 that records what it accepts and, on demand, refuses the next messages, refuses an
 * address for good, or holds one address's messages until released.
 */
export async function startSmtpServer() {
  const messages: ReceivedMessage[] = [];
  let refuse = 0;
  let delayMs = 0;
  const refusedAddresses = new Map<string, { code: number; text: string }>();
  const held = new Map<string, Promise<void>>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refusedAddresses.get(address.address.toLowerCase());
      if (refusal) return callback(smtpError(refusal.code, refusal.text));
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        // A slow server: the message is accepted (250) only after the delay.
        if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
        // A server that hangs on one address's messages until the test lets them through.
        for (const r of session.envelope.rcptTo) await held.get(r.address.toLowerCase());
        if (refuse > 0) {
          refuse--;
          const err = new Error('Mailbox temporarily unavailable') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head, ...rest] = raw.split(/\r?\n\r?\n/);
        const body = rest.join('\n\n');
        const { text, html } = parts(head, body);
        messages.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          subject: header(head, 'Subject'),
          messageId: header(head, 'Message-ID'),
          fromHeader: header(head, 'From'),
          replyTo: header(head, 'Reply-To'),
          text: text ?? '',
          html,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    /** The next n messages are refused with a temporary failure (451). */
    refuseNext(n: number) {
      refuse = n;
    },
    /** Every message is answered only after this many milliseconds (0: at once). */
    answerAfter(ms: number) {
      delayMs = ms;
    },
    /** Refuses this address at RCPT TO with a permanent answer, as a server does for a mailbox that does not exist. */
    refuseAddress(address: string, code = 550, text = '5.1.1 mailbox unavailable') {
      refusedAddresses.set(address.toLowerCase(), { code, text });
    },
    /** Accepts this address again. */
    acceptAddress(address: string) {
      refusedAddresses.delete(address.toLowerCase());
    },
    /** Messages to this address get no answer until the returned function is called. */
    hold(address: string): () => void {
      let release = () => {};
      held.set(
        address.toLowerCase(),
        new Promise<void>((r) => {
          release = r;
        }),
      );
      return () => {
        held.delete(address.toLowerCase());
        release();
      };
    },
    /** Stops listening altogether: connections are refused until `start` again. */
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * A test file's Debrief that sends real mail to its own SMTP server on 127.0.0.1: started before the file's tests,
 * closed after them. `inbox(to)` lists what reached an address.
 */
export function withMail(env: Record<string, string> = {}) {
  const t = {} as {
    h: import('./harness').Harness;
    smtp: Awaited<ReturnType<typeof startSmtpServer>>;
    inbox(to: string): ReceivedMessage[];
  };
  t.inbox = (to) => t.smtp.messages.filter((m) => m.to.includes(to));
  beforeAll(async () => {
    t.smtp = await startSmtpServer();
    const { startHarness } = await import('./harness');
    t.h = await startHarness({ SMTP_URL: t.smtp.url, ...env });
  });
  afterAll(async () => {
    await t.h?.close();
    await t.smtp?.close();
  });
  return t;
}
