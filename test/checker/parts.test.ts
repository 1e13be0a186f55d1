// A document checked in parts (checkPart, checkParts), as the composer checks a letter whose own sentences it has
// checked before: the findings must be those of the whole text, wherever separableAt allows a cut.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { check, checkPart, checkParts, type Jurisdiction, listRules, separableAt } from '../../src/checker';

/** The findings of `text` checked in parts cut at `cuts`. */
function inParts(text: string, cuts: number[], jurisdictions?: Jurisdiction[]) {
  const at = [0, ...cuts];
  return checkParts(
    at.map((a, i) => ({
      part: checkPart(text.slice(a, at[i + 1] ?? text.length), { jurisdictions }),
      at: a,
    })),
    { jurisdictions },
  );
}

/** Every place the text may be cut. */
function cutsOf(text: string): number[] {
  const cuts: number[] = [];
  for (let i = 1; i < text.length; i++) if (separableAt(text, i)) cuts.push(i);
  return cuts;
}

describe('checkParts', () => {
  it('finds in a letter of notes cut at every sentence end what it finds in the whole letter', () => {
    const lines = readFileSync(new URL('../../eval/data/feedback-dev.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' | ').slice(1).join(' | ').trim())
      .map((t) => (/[.!?]$/.test(t) ? t : `${t}.`));
    let found = 0;
    for (let i = 0; i < lines.length; i += 5) {
      // Headings, paragraphs and sentences in a row, as a letter has them.
      const text = `Dear Sam,\n\n${lines.slice(i, i + 2).join(' ')}\n\nCommunication\n${lines.slice(i + 2, i + 5).join(' ')}\n\nKind regards,\nThe Acme hiring team`;
      for (const jurisdictions of [undefined, ['us'] as Jurisdiction[]]) {
        const whole = check(text, { mode: 'feedback', jurisdictions });
        found += whole.length;
        expect(inParts(text, cutsOf(text), jurisdictions)).toEqual(whole);
      }
    }
    expect(found).toBeGreaterThan(100);
  });

  it('counts the words and the signals of every part for the findings about the whole letter', () => {
    // The thanks and the outcome in different parts, and no reason: the letter as a whole gives none.
    const letter =
      'Thank you for the time you gave to interviewing with us. We enjoyed meeting you.\n\nWe have decided not to offer you the role.';
    const noReason = check(letter, { mode: 'feedback' });
    expect(noReason.map((f) => f.ruleId)).toContain('no-reason-given');
    expect(inParts(letter, cutsOf(letter))).toEqual(noReason);
    // A request too long only counted over all its parts.
    const request = 'Could you tell me what I could improve for next time? '.repeat(20).trim();
    const long = check(request, { mode: 'request' });
    expect(long.map((f) => f.ruleId)).toContain('too-long');
    const at = [0, ...cutsOf(request)];
    const parts = at.map((a, i) => ({
      part: checkPart(request.slice(a, at[i + 1] ?? request.length), { mode: 'request' }),
      at: a,
    }));
    expect(checkParts(parts, { mode: 'request' })).toEqual(long);
  });

  it('does not cut after a word a phrase takes a period after', () => {
    // "vs. Other candidates" is one phrase across what looks like a sentence end.
    const text = 'Your answers were compared vs. Other candidates were faster.';
    const at = text.indexOf('. ') + 1;
    expect(check(text).map((f) => f.text)).toContain('vs. Other candidates');
    expect(separableAt(text, at)).toBe(false);
    expect(inParts(text, cutsOf(text))).toEqual(check(text));
  });

  it('knows every word a feedback phrase takes a period after', () => {
    // separableAt does not cut after "cand.", "vs." or "St." (of "St. Maartener"): a rule whose phrase takes a period
    // after another word must add it there (DOTTED in scanner.ts), or a letter cut after it loses the finding.
    const dotted = new Set<string>();
    for (const rule of listRules())
      if (rule.mode === 'feedback')
        for (const p of rule.patterns) for (const m of p.matchAll(/([a-z]*)\\\./g)) dotted.add(m[1] ?? '');
    expect([...dotted].sort()).toEqual(['cand', 't', 'vs']);
    for (const word of ['cand', 'vs', 'St'])
      expect(separableAt(`We spoke with ${word}. Then`, `We spoke with ${word}.`.length)).toBe(false);
  });
});
