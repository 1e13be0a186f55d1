import { describe, expect, it } from 'vitest';
import { composeFeedback, feedbackHtml, normalizeVoice, signForReviewer } from '../../src/domain';
import { FINAL, INTERVIEW, input, SCREEN } from './fixtures';

const voice = {
  greeting: 'Hi' as const,
  intro: 'At Acme Logistics every candidate who interviews with us gets written feedback.',
  closing: 'If you have a question about this letter, reply to this email and we will answer it.',
  signOff: 'Best wishes',
  signer: { kind: 'named' as const, name: 'Priya Shah', title: 'Head of Talent' },
  replyTo: 'talent@acme.example',
};

describe("an organization's voice", () => {
  it('greets, introduces, closes and signs the letter its way, in that order', () => {
    const d = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL], voice }));
    const paragraphs = d.body.split('\n\n');
    expect(paragraphs[0]).toBe('Hi Sam,');
    // The introduction follows the thanks and the outcome; the standard closing comes just before the sign-off.
    expect(paragraphs[1]).toMatch(/^Thank you/);
    expect(paragraphs[2]).toBe(voice.intro);
    expect(paragraphs.at(-2)).toBe(voice.closing);
    expect(paragraphs.at(-1)).toBe(
      'Best wishes,\nPriya Shah, Head of Talent\nThe Acme Logistics hiring team',
    );
    expect(d.sections).toMatchObject({
      greeting: 'Hi Sam,',
      intro: voice.intro,
      standardClosing: voice.closing,
    });
    // The HTML keeps the signature on its own lines, not as a heading.
    const html = feedbackHtml(d.body, { title: 'Feedback' });
    expect(html).toContain(
      '<p>Best wishes,<br>\nPriya Shah, Head of Talent<br>\nThe Acme Logistics hiring team</p>',
    );
    expect(html).not.toContain('<h2>Best wishes');
  });

  it('keeps a screen to its two or three sentences: no introduction or standard closing there', () => {
    const d = composeFeedback(input({ scorecards: [SCREEN], voice }));
    expect(d.body).not.toContain(voice.intro);
    expect(d.body).not.toContain(voice.closing);
    expect(d.body.startsWith('Hi Sam,')).toBe(true);
    expect(d.body.endsWith('Priya Shah, Head of Talent\nThe Acme Logistics hiring team')).toBe(true);
  });

  it('without a voice, writes as before: "Dear", "Kind regards," and the team', () => {
    const d = composeFeedback(input());
    expect(d.body.startsWith('Dear Sam,\n\n')).toBe(true);
    expect(d.body.endsWith('\n\nKind regards,\nThe Acme Logistics hiring team')).toBe(true);
  });

  it('signed by the reviewer: drafted with the team, signed with the reviewer on approval, unless the ending was edited', () => {
    const v = normalizeVoice({ signer: { kind: 'reviewer' } });
    const d = composeFeedback(input({ voice: v }));
    expect(d.body.endsWith('Kind regards,\nThe Acme Logistics hiring team')).toBe(true);
    const signed = signForReviewer(d.body, v, 'Acme Logistics', 'Jordan Lee');
    expect(signed.endsWith('Kind regards,\nJordan Lee\nThe Acme Logistics hiring team')).toBe(true);
    expect(signed.slice(0, d.body.lastIndexOf('Kind regards,'))).toBe(
      d.body.slice(0, d.body.lastIndexOf('Kind regards,')),
    );
    const edited = `${d.body.slice(0, d.body.lastIndexOf('Kind regards,'))}Warmly,\nJo`;
    expect(signForReviewer(edited, v, 'Acme Logistics', 'Jordan Lee')).toBe(edited);
    // A team signature is never changed on approval.
    expect(signForReviewer(d.body, normalizeVoice({}), 'Acme Logistics', 'Jordan Lee')).toBe(d.body);
  });

  it('tidies what an admin typed: spaces, an empty text as none, a sign-off without its comma, an unnamed signer', () => {
    expect(
      normalizeVoice({
        intro: '   ',
        closing: ' We  read every reply. ',
        signOff: 'Warm regards',
        signer: { kind: 'named', name: '  ', title: 'Recruiter' },
      }),
    ).toEqual({
      greeting: 'Dear',
      intro: null,
      closing: 'We read every reply.',
      signOff: 'Warm regards,',
      signer: { kind: 'team' },
      replyTo: null,
    });
  });
});
