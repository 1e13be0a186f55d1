// The word index the build writes (compile/index-table.ts) and the engine reads back (matching.ts): a rule set for
// fewer jurisdictions, read from the one table, must try exactly the phrases, at exactly the words, that a table
// built from those rules alone would give.
import { describe, expect, it } from 'vitest';
import { indexTables } from '../../src/checker/compile/index-table';
import { type Compiled, type FirstWord, RuleSet } from '../../src/checker/matching';
import type { Jurisdiction } from '../../src/checker/types';
import { JURISDICTIONS, MODES } from '../../src/checker/vocabulary';
import { hashWord } from '../../src/checker/words';
import { compileRepoRules } from '../support/rules';

const compiled = compileRepoRules();

/** The index as plain data: each list as the rule ids and patterns it tries, in order. */
function shape(c: Compiled) {
  for (const w of c.byWord.values()) c.expand(w);
  // One label per candidate, made once: a lexicon's pattern sits in thousands of lists ("her <illness>").
  const labels = new Map<object, string>();
  const label = (x: { re: RegExp; rule: { data: { id: string } } }) => {
    let l = labels.get(x);
    if (l === undefined) {
      l = `${x.rule.data.id}:${x.re.source}`;
      labels.set(x, l);
    }
    return l;
  };
  const list = (l: readonly { re: RegExp; rule: { data: { id: string } } }[] | null) => l?.map(label) ?? null;
  const word = (w: FirstWord) => ({
    singles: list(w.singles),
    bySecond: w.bySecond ? [...w.bySecond].sort((a, b) => a[0] - b[0]).map(([h, l]) => [h, list(l)]) : null,
  });
  return {
    byWord: [...c.byWord].sort((a, b) => a[0] - b[0]).map(([h, w]) => [h, word(w)]),
    possessive: list(c.possessive),
    numeric: list(c.numeric),
    documentRules: c.documentRules.map((r) => r.data.id),
    words: c.words,
  };
}

const subsets: Jurisdiction[][] = [];
for (let mask = 1; mask < 1 << JURISDICTIONS.length; mask++)
  subsets.push(JURISDICTIONS.filter((_, i) => mask & (1 << i)));

describe('the word index written at build time', () => {
  const whole = new RuleSet(compiled.rules, compiled.context, indexTables(compiled.rules));
  it('is keyed by the hash the scanner computes over each first word', () => {
    const c = whole.compiled('feedback', JURISDICTIONS);
    expect(c.words.length).toBeGreaterThan(1000);
    for (const w of c.words) expect(c.byWord.has(hashWord(w)), w).toBe(true);
    const she = c.byWord.get(hashWord('she'));
    if (she) c.expand(she);
    expect(she?.bySecond?.has(hashWord('was'))).toBe(true);
  });
  it('knows some rules apply in only some jurisdictions (so the subsets below differ)', () => {
    expect(compiled.rules.some((r) => r.jurisdictions.length < JURISDICTIONS.length)).toBe(true);
  });
  for (const mode of MODES)
    it.each(subsets.map((s) => [s.join(',')]))(
      `${mode}, jurisdictions %s: the same as built from those rules alone`,
      (list) => {
        const jurisdictions = list.split(',') as Jurisdiction[];
        const rules = compiled.rules.filter((r) => r.jurisdictions.some((j) => jurisdictions.includes(j)));
        const alone = new RuleSet(rules, compiled.context, indexTables(rules));
        expect(shape(whole.compiled(mode, jurisdictions))).toEqual(
          shape(alone.compiled(mode, jurisdictions)),
        );
      },
    );
});
