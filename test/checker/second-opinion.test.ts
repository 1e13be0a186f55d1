// The checker's second opinion: a model trained on the labelled sets that only asks for a review of sentences the
// rules are silent on. It never blocks, never speaks where a rule spoke, stays quiet on plain technical feedback,
// and the committed model is exactly what training produces.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRECISION_MATTERS } from '../../eval/precision-matters';
import { halfOf } from '../../eval/realworld';
import { blindHalf } from '../../eval/sets';
import { CANDIDATE, SETTINGS, train, trainingItems } from '../../scripts/train-second-opinion';
import { check, type Finding, hasBlocking } from '../../src/checker';
import {
  probabilities,
  SECOND_OPINION_RULE,
  secondOpinion,
  shippedModel,
} from '../../src/checker/second-opinion';

const root = join(import.meta.dirname, '../..');
const reviews = (fs: Finding[]) => fs.filter((f) => f.ruleId === SECOND_OPINION_RULE);
// A sentence no rule reports on that reads like a judgment of the person.
const JUDGED = 'She seemed a bit off.';

describe('second opinion', () => {
  it('asks for a review of a sentence that reads like a judgment of the person, naming the words behind it', () => {
    const [f, ...rest] = check(JUDGED, { secondOpinion });
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      ruleId: 'second-opinion',
      severity: 'review',
      category: 'personality',
      text: JUDGED,
    });
    expect(f!.message).toMatch(/review it/);
    expect(f!.message).toMatch(/“seemed”/);
  });

  it('is never blocking: approval is not held up by it', () => {
    const found = check(`${JUDGED}\n${JUDGED}`, { secondOpinion });
    expect(found).toHaveLength(2);
    expect(found.every((f) => f.severity === 'review')).toBe(true);
    expect(hasBlocking(found)).toBe(false);
  });

  it('never speaks on a sentence a rule already reported', () => {
    // The rule flags the age remark; the same sentence gets no second finding, the next sentence still does.
    const text = `${JUDGED.replace('.', ',')} and too old for us. ${JUDGED}`;
    const found = check(text, { secondOpinion });
    const rules = found.filter((f) => f.ruleId !== SECOND_OPINION_RULE);
    expect(rules.length).toBeGreaterThan(0);
    const firstEnd = text.indexOf('. ') + 1;
    expect(reviews(found).map((f) => f.start)).toEqual([firstEnd + 1]);
    // Given a rule finding anywhere in the sentence, it stays silent there.
    const ruled: Finding = { ...rules[0]!, start: 4, end: 10 };
    expect(secondOpinion(JUDGED, [ruled])).toEqual([]);
  });

  it('never overlaps a rule finding on any training item', () => {
    for (const item of trainingItems().items) {
      const found = check(item.text, { secondOpinion });
      for (const r of reviews(found))
        for (const f of found)
          if (f.ruleId !== SECOND_OPINION_RULE && f.end > f.start)
            expect(f.end <= r.start || f.start >= r.end, item.text).toBe(true);
    }
  });

  it('stays quiet on plain technical feedback and on every "Precision matters" item', () => {
    for (const text of [
      'senior engineer who led the migration',
      'He is a senior engineer who led the migration.',
      'Kubernetes operators reconcile state.',
      'Thank you for your time.',
      ...PRECISION_MATTERS,
    ])
      expect(check(text, { secondOpinion }), text).toEqual([]);
  });

  it('is off unless asked for, can be turned off, and never reads requests', () => {
    expect(check(JUDGED)).toEqual([]);
    expect(check(JUDGED)).toEqual([]);
    expect(reviews(check(`Thank you. ${JUDGED} Any pointers?`, { mode: 'request', secondOpinion }))).toEqual(
      [],
    );
  });

  it('scores in one pass exactly as the model reads each training item', () => {
    const m = shippedModel();
    for (const item of trainingItems().items) {
      if (/[.!?;]\s|\n/.test(item.text.trim())) continue; // one sentence only
      const expected = probabilities(m, item.text)[0]! >= m.threshold;
      expect(secondOpinion(item.text, []).length > 0, item.text).toBe(expected);
    }
  });

  it('finds the same sentences when a document is checked in segments', () => {
    const text = `The design was clear.\n${JUDGED}\nThe tests were thorough. ${JUDGED}`;
    const whole = reviews(check(text, { secondOpinion }));
    const cut = text.indexOf('\n', 30) + 1;
    const parts = [secondOpinion(text.slice(0, cut), [], 0), secondOpinion(text.slice(cut), [], cut)].flat();
    expect(parts).toEqual(whole);
    expect(whole).toHaveLength(2);
  });

  it('the committed model is what training on the labelled sets produces', { timeout: 300_000 }, () => {
    const committed = readFileSync(join(root, 'src/checker/second-opinion.generated.ts'), 'utf8');
    expect(train().text, 'run `npm run train:second-opinion`').toBe(committed);
  });

  it("trained on every readable set, it still never reads a holdout half or the blind set's even half", () => {
    const saved = { ...SETTINGS };
    Object.assign(SETTINGS, CANDIDATE);
    try {
      const { items, counts } = trainingItems();
      const pages = items.filter((i) => i.group.startsWith('http'));
      expect(pages.length).toBeGreaterThan(600);
      expect(pages.filter((i) => halfOf(i.group) !== 'learn').map((i) => i.group)).toEqual([]);
      // The blind set's items in training are exactly its odd half's feedback items.
      const blind = items.filter((i) => i.group.startsWith('blind:')).map((i) => i.text);
      expect(blind).toEqual(
        blindHalf('odd')
          .filter((i) => i.mode === 'feedback')
          .map((i) => i.text),
      );
      expect(counts.blindOdd).toBe(blindHalf('odd').filter((i) => i.mode === 'feedback').length);
    } finally {
      Object.assign(SETTINGS, saved);
    }
  });
});
