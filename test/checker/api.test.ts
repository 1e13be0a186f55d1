// The public API the server and the web app call.
import { describe, expect, it } from 'vitest';
import { check, hasBlocking, Scanner } from '../../src/checker';

describe('check()', () => {
  it('returns findings sorted by start, with UTF-16 offsets into the text', () => {
    const text = '😀 Not a people person. Your age played no part.';
    const findings = check(text);
    expect(findings.map((f) => f.category)).toEqual(['personality', 'protected']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    expect(findings[0].start).toBeLessThan(findings[1].start);
  });

  it('keeps a protected characteristic on the record even when negated', () => {
    const [f] = check('Your age played no part in our decision.');
    expect(f).toMatchObject({ category: 'protected', severity: 'block', text: 'Your age' });
    expect(f.message).toMatch(/ADEA|Equality Act/);
    expect(f.suggestion.length).toBeGreaterThan(20);
  });

  it('judges a word by whom it describes', () => {
    expect(check('She is disabled and uses a screen reader.')[0]?.category).toBe('protected');
    expect(check('The flag is disabled in production.')).toEqual([]);
    expect(check('She seemed tired, maybe pregnant.')[0]?.category).toBe('protected');
    expect(check('You shipped the pregnancy-tracking app.')).toEqual([]);
  });

  it('clears a personality label when observed behaviour backs it, not otherwise', () => {
    expect(check('He was arrogant.').map((f) => f.category)).toEqual(['personality']);
    expect(
      check('He was arrogant: when the interviewer asked a question he said "obviously" and moved on.'),
    ).toEqual([]);
  });

  it('marks protected and proxy findings as blocking', () => {
    expect(hasBlocking(check('He would be a great culture fit for a young team.'))).toBe(true);
    expect(hasBlocking(check('Not the right fit.'))).toBe(false);
    expect(hasBlocking([])).toBe(false);
  });

  it('applies only the chosen jurisdictions', () => {
    const text = 'Mentioned a family history of heart disease.';
    expect(check(text, { jurisdictions: ['us'] }).map((f) => f.ruleId)).toContain('genetic-information');
    expect(check(text, { jurisdictions: ['uk'] }).map((f) => f.ruleId)).not.toContain('genetic-information');
  });

  it('checks a request email as a whole in request mode', () => {
    const rude = check('Why wasn’t I selected? I expect an answer by Friday. This was unfair.', {
      mode: 'request',
    });
    // "I expect an answer" is a demand (entitled), not a request for one or two pointers, so missing-ask fires too.
    expect(new Set(rude.map((f) => f.category))).toEqual(
      new Set(['defensive', 'entitled', 'hostile', 'missing-thanks', 'missing-ask']),
    );
    const whole = rude.filter((f) => f.category.startsWith('missing'));
    for (const f of whole) expect([f.start, f.end, f.text]).toEqual([0, 0, '']);
    const challenge = check('Why wasn’t I selected? This was unfair.', { mode: 'request' });
    expect(challenge.map((f) => f.category)).toContain('missing-ask');
    const good = check(
      'Thank you for letting me know, and for your time. I respect your decision. Would you be willing to share one or two things I could improve?',
      { mode: 'request' },
    );
    expect(good).toEqual([]);
    expect(check('', { mode: 'request' })).toEqual([]);
  });

  it('a letter that states the outcome and gives no reason gets one finding about the whole letter, not its outcome sentence', () => {
    const silent =
      'Dear Sam, thank you for your time. Unfortunately, we have decided not to proceed with your application. We wish you the best of luck.';
    const findings = check(silent);
    expect(findings.map((f) => [f.ruleId, f.severity, f.start, f.end, f.text])).toEqual([
      ['no-reason-given', 'warn', 0, 0, ''],
    ]);
    // A reason anywhere in the letter answers it; so does a circumstance beyond the candidate's control.
    expect(
      check(
        `${silent} The role needs production experience with Kubernetes, and in the systems interview you had not yet run a cluster.`,
      ),
    ).toEqual([]);
    expect(
      check('Thank you for applying. Unfortunately the position has been filled by an internal candidate.'),
    ).toEqual([]);
    // One bare outcome sentence, or a note without the outcome, is not a letter without a reason.
    expect(check('We have decided not to proceed with your application.')).toEqual([]);
    expect(check('Thank you for coming in on Tuesday.')).toEqual([]);
  });

  it('judges a one-line follow-up question on its tone alone: a good question is clean, a hostile one is not', () => {
    const good = 'Could you say a little more about what the system design round was looking for?';
    expect(check(good, { mode: 'question' })).toEqual([]);
    // The same line judged as a whole email lacks the thanks an email needs.
    expect(check(good, { mode: 'request' }).map((f) => f.category)).toContain('missing-thanks');
    const hostile = check('Why wasn’t I selected? This was unfair.', { mode: 'question' });
    expect(new Set(hostile.map((f) => f.category))).toEqual(new Set(['defensive', 'hostile']));
    expect(hostile.some((f) => f.category.startsWith('missing'))).toBe(false);
  });

  it('states the word limit when a request is too long', () => {
    const long = `Thank you. Could you share one or two pointers? ${'word '.repeat(200)}`;
    const f = check(long, { mode: 'request' }).find((x) => x.category === 'too-long');
    expect(f?.message).toMatch(/20\d words; the limit is 150/);
  });

  it('gives the same findings when fed in segments as in one piece', () => {
    const parts = [
      'She seemed tired, maybe pregnant.\n',
      'Another candidate was stronger.\n',
      'Not the right fit.',
    ];
    const scanner = new Scanner();
    const streamed = parts.flatMap((p) => scanner.push(p));
    expect(streamed).toEqual(check(parts.join('')));
  });
});
