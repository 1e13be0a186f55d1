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

export interface Mailer {
  readonly kind: 'smtp' | 'files';
  /** Sends one message; a message written to a file says where. */
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
        await transport.sendMail(message(m));
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
