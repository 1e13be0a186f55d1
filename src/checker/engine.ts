// The checker's engine over Debrief's own rules (compiled from src/checker/rules/*.yaml, with their word index). The
// index of a (mode, jurisdictions) is read from the build's table on first use and cached (matching.ts); one pass over the text tries only the phrases that can start
// at each word (scanner.ts); the heavier analysis (sentence bounds, negation, who or what a phrase describes,
// evidence of behaviour) runs only around a match (suppression.ts). Nothing is compiled per call.
// No Node APIs here: the web app runs this on every keystroke.

import { RuleSet } from './matching';
import { CONTEXT, INDEX, RULES } from './rules.generated';
import { type CheckedPart, checkWith, joinParts, RuleScanner } from './scanner';
import type { CheckOptions, Finding, Jurisdiction, Mode, RuleData, SecondOpinion } from './types';
import { JURISDICTIONS } from './vocabulary';

export const ALL_JURISDICTIONS: readonly Jurisdiction[] = JURISDICTIONS;

const RULE_SET = new RuleSet(RULES, CONTEXT, INDEX);

/**
 * The benchmark's practical ceiling: one combined regular expression over every word a phrase can start with, i.e.
 * the least work any matcher must do to find the candidates.
 */
export function vocabularySource(mode: Mode = 'feedback'): string {
  const quote = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const words = RULE_SET.compiled(mode, ALL_JURISDICTIONS).words;
  return `\\b(?:${words.map(quote).join('|')}|\\d+|[a-z]+['’]s)\\b`;
}

/**
 * An incremental checker: feed it a document in segments cut at sentence or paragraph ends, then call finish()
 * for the findings about the whole document (request mode). Memory does not grow with the document.
 */
export class Scanner extends RuleScanner {
  private readonly second: SecondOpinion | undefined;

  constructor(options: CheckOptions = {}) {
    super(RULE_SET, options);
    this.second = secondOpinionOf(options);
  }

  override push(segment: string): Finding[] {
    const base = this.offset;
    const findings = super.push(segment);
    return this.second ? withSecondOpinion(this.second, segment, findings, base) : findings;
  }
}

/** The second opinion a caller asked for (feedback mode only); none ships switched on. */
const secondOpinionOf = (o: CheckOptions) =>
  (o.mode ?? 'feedback') === 'feedback' ? o.secondOpinion : undefined;

/** The rules' findings in a text (offsets from `base`), with the second opinion's after the rules have run. */
function withSecondOpinion(second: SecondOpinion, text: string, findings: Finding[], base = 0): Finding[] {
  const extra = second(text, findings, base);
  return extra.length ? [...findings, ...extra].sort((a, b) => a.start - b.start) : findings;
}

/**
 * Runs the default rule set (feedback mode, every jurisdiction) once over the most common openings, so V8 has
 * compiled their regular expressions before the first keystroke (the web app calls it as the checker loads). The
 * command line and the server do without: a regular expression compiles the first time text needs it.
 */
export function warmUp(): void {
  new Scanner().push(
    'She was not. He is a. You were the. They are. The candidate is. I think she seemed. Your age. His English. ' +
      'Not the right fit. Another candidate. We went with. Came across as. It was not. We decided to. Felt a bit.',
  );
}

export function check(text: string, options: CheckOptions = {}): Finding[] {
  const findings = checkWith(RULE_SET, text, options);
  const second = secondOpinionOf(options);
  return second ? withSecondOpinion(second, text, findings) : findings;
}

export type { CheckedPart } from './scanner';
export { separableAt } from './scanner';

/**
 * One part of a document checked on its own by the rules (no second opinion), for `checkParts`: a part that recurs
 * (a letter's own sentences) is checked once and kept.
 */
export function checkPart(text: string, options: Omit<CheckOptions, 'secondOpinion'> = {}): CheckedPart {
  return new RuleScanner(RULE_SET, options).part(text);
}

/**
 * The rules' findings in a document given as parts (each from `checkPart` with the same options, and where it starts),
 * cut only where `separableAt` allows: the same as `check` of the whole text.
 */
export function checkParts(
  parts: readonly { part: CheckedPart; at: number }[],
  options: Omit<CheckOptions, 'secondOpinion'> = {},
): Finding[] {
  return joinParts(RULE_SET, parts, options);
}

export function hasBlocking(findings: Finding[]): boolean {
  return findings.some((f) => f.severity === 'block');
}

/** Every rule, for documentation and the rule-example tests. */
export function listRules(): readonly RuleData[] {
  return RULES;
}
