import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMailer, displayName } from '../../src/mail/mailer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function mailer() {
  const dataDir = mkdtempSync(join(tmpdir(), 'debrief-mail-'));
  dirs.push(dataDir);
  return createMailer({ from: 'Debrief <noreply@debrief.test>', dataDir });
}

describe('the mailer', () => {
  it('sends as the organization’s hiring team via Debrief, from Debrief’s address, with replies to the reviewer', async () => {
    const { file } = await mailer().send({
      to: 'sam@example.test',
      subject: 'Feedback',
      text: 'Dear Sam,',
      html: '<p>Dear Sam,</p>',
      fromName: 'Kinetix hiring team via Debrief',
      replyTo: 'reviewer@kinetix.test',
      messageId: '<m1@debrief.test>',
    });
    const raw = readFileSync(file!, 'utf8');
    expect(raw).toMatch(/^From: Kinetix hiring team via Debrief <noreply@debrief\.test>$/m);
    expect(raw).toMatch(/^Reply-To: reviewer@kinetix\.test$/m);
    expect(raw).toMatch(/^Content-Type: multipart\/alternative/m);
    expect(raw).toContain('Content-Type: text/plain');
    expect(raw).toContain('Content-Type: text/html');
  });

  it('without a display name or reply address, keeps the configured sender and no Reply-To', async () => {
    const { file } = await mailer().send({
      to: 'sam@example.test',
      subject: 'Hello',
      text: 'Hello',
      messageId: '<m2@debrief.test>',
    });
    const raw = readFileSync(file!, 'utf8');
    expect(raw).toMatch(/^From: Debrief <noreply@debrief\.test>$/m);
    expect(raw).not.toMatch(/^Reply-To:/m);
  });

  it('keeps a display name to one harmless line', () => {
    expect(displayName('Evil\r\nBcc: all@example.test <x>')).toBe('Evil Bcc: all@example.test x');
  });
});
