import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMessage {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /**
   * The sender's display name ("Kinetix hiring team via Debrief"); the address stays the configured one, so the
   * message passes the sending domain's checks.
   */
  fromName?: string | null;
  /** Where a reply goes (the reviewer who approved the message), when not to the sending address. */
  replyTo?: string | null;
  /** Stable per message, so a receiving server can recognise a retry of the same message. */
  messageId: string;
}

/** The longest an SMTP server may stay silent during one send. */
export const SEND_TIMEOUT_MS = 30_000;

/**
 * Why a message was not sent. `permanent`: the mail server refused this message or its address for good (a 5xx
 * answer to the envelope or the message, or an address it cannot take), so trying again cannot help. Anything else
 * (a 4xx answer, a connection refused or timed out, a sign-in the server refused) is temporary.
 */
export class SendFailure extends Error {
  constructor(
    /** What the server answered ("550 5.1.1 mailbox unavailable"), or why it could not be reached. */
    readonly answer: string,
    readonly code: number | null,
    readonly permanent: boolean,
  ) {
    super(answer);
    this.name = 'SendFailure';
  }
}

/** Reads a nodemailer error: its SMTP answer and code, and whether a retry could succeed. */
export function sendFailure(e: unknown): SendFailure {
  if (e instanceof SendFailure) return e;
  const err = (e ?? {}) as { message?: string; code?: string; response?: string; responseCode?: number };
  const code = typeof err.responseCode === 'number' ? err.responseCode : null;
  const answer = (err.response ?? err.message ?? String(e)).trim();
  // The envelope (MAIL FROM, RCPT TO) and the message itself: a 5xx there is about this message, not the server, and
  // so is a refusal before anything was said (an address that is not one, a message over the size limit).
  const aboutTheMessage = err.code === 'EENVELOPE' || err.code === 'EMESSAGE';
  const permanent = aboutTheMessage && (code === null || (code >= 500 && code < 600));
  return new SendFailure(answer, code, permanent);
}

export interface Mailer {
  readonly kind: 'smtp' | 'files';
  /** Sends one message; a message written to a file says where. Throws a SendFailure. */
  send(message: OutgoingMessage): Promise<{ file?: string }>;
  close(): void;
}

/** A display name on one line, without the characters that would end it or start another header. */
export function displayName(name: string): string {
  return name
    .replace(/[\r\n<>"]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 120);
}

/** The address inside a configured sender ("Debrief <noreply@debrief.test>" -> "noreply@debrief.test"). */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1] ?? from.trim();
}

/** SMTP when SMTP_URL is set; otherwise every message is written to DATA_DIR/mail/*.eml for a newcomer to open. */
export function createMailer(opts: { smtpUrl?: string; from: string; dataDir: string }): Mailer {
  const message = (m: OutgoingMessage) => ({
    from: m.fromName ? { name: displayName(m.fromName), address: addressOf(opts.from) } : opts.from,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    to: m.to,
    subject: m.subject,
    text: m.text,
    html: m.html ?? undefined,
    messageId: m.messageId,
  });
  if (opts.smtpUrl) {
    // Bounded waits: a shutdown finishes an in-flight send within SEND_TIMEOUT_MS rather than abandoning it.
    const transport = nodemailer.createTransport(
      {
        url: opts.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: SEND_TIMEOUT_MS,
      },
      { from: opts.from },
    );
    return {
      kind: 'smtp',
      async send(m) {
        try {
          await transport.sendMail(message(m));
        } catch (e) {
          throw sendFailure(e);
        }
        return {};
      },
      close: () => transport.close(),
    };
  }
  const dir = join(opts.dataDir, 'mail');
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    kind: 'files',
    async send(m) {
      const info = await transport.sendMail(message(m));
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const slug = m.messageId.replace(/[^a-zA-Z0-9-]/g, '').slice(0, 40);
      const file = join(dir, `${stamp}-${slug}.eml`);
      writeFileSync(file, info.message as Buffer);
      return { file };
    },
    close: () => {},
  };
}
