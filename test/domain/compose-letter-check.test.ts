// The letter's findings: composing checks the letter in parts and keeps the check of its own sentences for the next
// draft, and what it reports must be what the checker says of the whole letter, whatever the notes in it say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { scenario } from '../../eval/draft-scenarios';
import { check } from '../../src/checker';
import { ComposeMemo, composeFeedback } from '../../src/domain';

describe('the findings of a composed letter', () => {
  it('are the checker’s findings on the whole body, for letters whose notes raise findings', () => {
    // Interviewers' notes from the labelled set, many of them with a tone or vagueness finding that does not block.
    const notes = readFileSync(new URL('../../eval/data/feedback-dev.txt', import.meta.url), 'utf8')
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => l.split(' | ').slice(1).join(' | '));
    let n = 0;
    let found = 0;
    const memo = new ComposeMemo();
    for (let i = 0; i < 300; i++) {
      const { input } = scenario(i);
      const withNotes = {
        ...input,
        jurisdictions: i % 2 ? (['uk'] as const).slice() : undefined,
        scorecards: input.scorecards.map((s) => ({
          ...s,
          ratings: s.ratings.map((r) => ({ ...r, evidence: notes[n++ % notes.length] ?? null })),
        })),
      };
      for (const out of [composeFeedback(withNotes), composeFeedback(withNotes, memo)]) {
        const whole = check(out.body, { mode: 'feedback', jurisdictions: withNotes.jurisdictions });
        expect(out.findings).toEqual(whole);
        found += whole.length;
      }
    }
    expect(found).toBeGreaterThan(50);
  });
});
