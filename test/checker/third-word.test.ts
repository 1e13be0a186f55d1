// The word index's third level (compile/index-table.ts, thirdIndex; matching.ts, ThirdIndex): at a long list of
// phrases, the engine tries only those whose third word the text has. It must never leave out a phrase that
// matches: every regular expression that matches where the engine tries it without the third level must match,
// in the same order, with it. And it must pay: "The candidate walked us through..." no longer runs the fifty
// phrases of "the candidate has/is/'s <something>".
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { wordTriples } from '../../src/checker/compile/first-words';
import { indexTables } from '../../src/checker/compile/index-table';
import { type Candidate, type IndexTable, RuleSet, type TableMode } from '../../src/checker/matching';
import { checkWith, RuleScanner } from '../../src/checker/scanner';
import type { Mode } from '../../src/checker/types';
import { MODES } from '../../src/checker/vocabulary';
import { compileRepoRules } from '../support/rules';

const compiled = compileRepoRules();

const tables = indexTables(compiled.rules);
const withThird = new RuleSet(compiled.rules, compiled.context, tables);
const withoutThird = new RuleSet(
  compiled.rules,
  compiled.context,
  Object.fromEntries(
    Object.entries(tables).map(([mode, t]) => [mode, { ...t, thirds: '', thirdSets: '' }]),
  ) as Record<TableMode, IndexTable>,
);

/** Every phrase tried and every one whose regular expression matches, in order, while checking `text`. */
type TryAt = (
  this: RuleScanner,
  cands: readonly Candidate[],
  text: string,
  start: number,
  ...rest: unknown[]
) => number;
const proto = RuleScanner.prototype as unknown as { tryAt: TryAt };
const tryAt = proto.tryAt;
afterAll(() => {
  proto.tryAt = tryAt;
});
function trace(ruleSet: RuleSet, text: string, mode: Mode) {
  const matched: string[] = [];
  let tried = 0;
  proto.tryAt = function (cands, t, start, ...rest) {
    for (const c of cands) {
      tried++;
      c.re.lastIndex = start;
      const m = c.re.exec(t);
      if (m) matched.push(`${start} ${c.rule.data.id} ${m[0]}`);
    }
    return tryAt.call(this, cands, t, start, ...rest);
  };
  try {
    const findings = checkWith(ruleSet, text, { mode });
    return { matched, tried, findings };
  } finally {
    proto.tryAt = tryAt;
  }
}

describe('the third word of a phrase', () => {
  it('is read from the pattern where every path to it is plain words', () => {
    const t = wordTriples(
      '(?:s?he|the candidate) (?:is|was) (?:very )*(?:tall|old)|cand\\.? has (?:kids|a baby)',
    );
    expect(t.any).toBe(false);
    expect([...(t.thirds.get('she')?.get('is') ?? [])].sort()).toEqual(['old', 'tall', 'very']);
    expect([...(t.thirds.get('the')?.get('candidate') ?? [])].sort()).toEqual(['is', 'was']);
    // "cand." reads as the word "cand" and a full stop.
    expect([...(t.thirds.get('cand')?.get('has') ?? [])].sort()).toEqual(['a', 'kids']);
  });
  it('is not known after a wildcard, inside a word the scanner splits, or when the match can be shorter', () => {
    expect(wordTriples('she \\w+ tall').unknownSecond.has('she')).toBe(true);
    expect(wordTriples('she (?:is|was) e\\.g tall').thirds.get('she')?.get('is')).toBeNull();
    expect(wordTriples('she (?:is|was)(?: tall)?').thirds.get('she')?.get('is')).toBeNull();
    expect(wordTriples('\\w+ is tall').any).toBe(true);
  });
});

describe('the third level of the word index', () => {
  const texts: [Mode, string][] = [];
  for (const rule of compiled.rules) {
    const ex = compiled.examples[rule.id] ?? { fire: [], pass: [] };
    for (const text of [...ex.fire, ...ex.pass]) texts.push([rule.mode, text]);
  }
  const lines = readFileSync(new URL('../../eval/data/feedback-dev.txt', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  const dev = lines.map((l) => l.slice(l.indexOf('|') + 1)).join('\n');
  const examples = texts.map(([, t]) => t);

  it.each(MODES.map((m) => [m]))('leaves out no phrase that matches (%s mode)', (mode) => {
    const all = [
      ...texts.filter(([m]) => m === mode || mode === 'question').map(([, t]) => t),
      examples.join(' '),
      examples.join('\n').toUpperCase(),
      examples.join('. ').replace(/'/g, '\u2019'),
      examples.join(' ').replace(/ /g, '-'),
      dev,
    ];
    let before = 0;
    let after = 0;
    for (const text of all) {
      const a = trace(withoutThird, text, mode);
      const b = trace(withThird, text, mode);
      expect(b.matched, text.slice(0, 200)).toEqual(a.matched);
      expect(b.findings).toEqual(a.findings);
      before += a.tried;
      after += b.tried;
    }
    expect(after).toBeLessThan(before);
  });

  it('tries none of the "the candidate has / is ..." phrases before "the candidate walked"', () => {
    const text = 'The candidate walked us through the cache invalidation design.';
    const a = trace(withoutThird, text, 'feedback');
    const b = trace(withThird, text, 'feedback');
    expect(a.tried).toBeGreaterThan(20);
    expect(b.tried).toBeLessThan(5);
    expect(b.findings).toEqual([]);
    // ...and still finds the phrase where the third word fits.
    expect(
      trace(withThird, 'The candidate has two young kids at home.', 'feedback').findings.map((f) => f.ruleId),
    ).toContain('family-commitments');
  });
});
