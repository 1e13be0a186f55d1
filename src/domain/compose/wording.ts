// Wording: how an interviewer's observation reads to the candidate (addressed to them where reliable, otherwise
// neutral and attributed to the stage), and the names that must never appear. Pure.

import { toSecondPerson } from '../second-person';
import type { Stage } from '../stage-policy';
import { ensurePeriod } from '../text';
import type { ComposeScorecard } from './types';

const STAGE_NOTED: Record<Stage, string> = {
  screen: 'In the screening conversation we noted:',
  interview: 'In the interview we noted:',
  final: 'In the final round we noted:',
};
const STAGE_ADDRESSED: Record<Stage, string> = {
  screen: 'In the screening conversation,',
  interview: 'In the interview,',
  final: 'In the final round,',
};

export function firstName(candidateName: string): string {
  return candidateName.trim().split(/\s+/)[0] ?? '';
}

/** The parts of the interviewers' names that must never appear: full names, and each part of two letters or more. */
export function interviewerNameParts(scorecards: ComposeScorecard[]): string[] {
  const parts = new Set<string>();
  for (const s of scorecards) {
    const full = s.interviewerName.replace(/\s+/g, ' ').trim();
    if (!full) continue;
    parts.add(full);
    for (const p of full.split(/[\s,]+/)) {
      const w = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (w.length >= 2) parts.add(w);
      for (const h of w.split('-')) if (h.length >= 2) parts.add(h);
    }
  }
  return [...parts].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Names that are also everyday words ("Will", "Mark"): matched only as written with a capital, so "you will" is not
 * taken for an interviewer. Other names match in any case.
 */
const NAME_WORDS = new Set(
  (
    'will may mark grace hope joy faith rose june april august bill pat rob sue frank max art dawn ray drew chase ' +
    'hunter summer autumn rich sky amber ruby jack carol gene gay lane young long brown white green black king ' +
    'page park hall wood hill'
  ).split(' '),
);

export function mentionsName(text: string, nameParts: readonly string[]): boolean {
  for (const part of nameParts) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const caseSensitive = NAME_WORDS.has(part.toLowerCase());
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
    if (re.test(text)) return true;
  }
  return false;
}

/** The opening words a neutral note may start with in lower case after "we noted:". */
const LOWERABLE_OPENERS = /^(?:The|A|An|This|That|When|During|Overall|There|It|Our|We)\b/;

/** One observation as the candidate reads it: addressed to them where reliable, otherwise neutral. */
export function renderObservation(evidence: string, stage: Stage, candidateNames: string[]): string {
  const note = evidence.replace(/\s+/g, ' ').trim();
  const addressed = toSecondPerson(note, candidateNames);
  if (addressed) {
    const body = ensurePeriod(addressed);
    // "In the interview, you missed ..."; not before a present tense ("You have not used dbt.").
    const present = /^You (?:have|are|do|haven['’]t|aren['’]t|don['’]t)\b/.test(body);
    if (/^You\b/.test(body) && !present) return `${STAGE_ADDRESSED[stage]} y${body.slice(1)}`;
    return body;
  }
  const neutral = ensurePeriod(
    LOWERABLE_OPENERS.test(note) ? note.charAt(0).toLowerCase() + note.slice(1) : note,
  );
  return `${STAGE_NOTED[stage]} ${neutral}`;
}
