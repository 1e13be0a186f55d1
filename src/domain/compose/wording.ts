// Wording: how an interviewer's observation reads to the candidate (addressed to them, in whole sentences, cleaned of
// the marks of raw notes: bullets, labels with colons, trailing dots), and the names that must never appear. Pure.

import { BoundedMemo } from '../bounded-memo';
import { toSecondPerson } from '../second-person';
import type { Stage } from '../stage-policy';
import { capitalize, ensurePeriod, foldSpace, splitSentences } from '../text';
import { tidy } from './phrasing';
import type { ComposeScorecard } from './types';

const STAGE_ADDRESSED: Record<Stage, string> = {
  screen: 'In the screening conversation,',
  interview: 'In the interview,',
  final: 'In the final round,',
};

export function firstName(candidateName: string): string {
  return candidateName.trim().split(/\s+/)[0] ?? '';
}

/**
 * The parts of the interviewers' names that must never appear: full names, and each part of two letters or more. The
 * same panel interviews most of a job's candidates, so a panel's parts are kept (emptied past a thousand panels); a
 * caller gets its own copy.
 */
export function interviewerNameParts(scorecards: ComposeScorecard[]): string[] {
  const names = scorecards.map((s) => s.interviewerName);
  return [...panelParts.get(JSON.stringify(names), () => namePartsOf(names))];
}
const panelParts = new BoundedMemo<readonly string[]>();

function namePartsOf(names: readonly string[]): string[] {
  const parts = new Set<string>();
  for (const name of names) {
    const full = foldSpace(name);
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
  return nameTest(nameParts)(text);
}

/**
 * `mentionsName` with the names' patterns built once, for a composer that asks it of every note. The same panel
 * interviews most of a job's candidates, so a panel's test is kept (emptied past a thousand panels).
 */
export function nameTest(nameParts: readonly string[]): (text: string) => boolean {
  return nameTests.get(nameParts.join('\u0000'), () => buildNameTest(nameParts));
}
const nameTests = new BoundedMemo<(text: string) => boolean>();

function buildNameTest(nameParts: readonly string[]): (text: string) => boolean {
  const patterns = nameParts.map((part) => {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const caseSensitive = NAME_WORDS.has(part.toLowerCase());
    return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
  });
  return (text) => patterns.some((re) => re.test(text));
}

/** Words that open a neutral statement and may be lower-cased after "we saw that". */
const LOWERABLE = new Set(
  (
    'the a an this that these those there it no some most only both each all few several two three four one ' +
    'answers code questions limited little poor good solid basic minimal incomplete partial excellent great clear ' +
    'strong weak missing unclear vague mostly overall'
  ).split(' '),
);

/** Adjectives that, opening a note, describe the candidate in the interview: "Unsure about X" -> "You were unsure ...". */
const STATE_OPENERS =
  /^(Unsure|Unclear|Confident|Comfortable|Hesitant|Vague|Unfamiliar|Familiar|Quick|Able|Unable|Clear|Thorough|Careful|Calm|Weak|Strong|Slow|Aware|Unaware|Precise|Imprecise|Organised|Organized|Disorganised|Disorganized|Prepared|Unprepared)\b/;

/** Present-tense verbs that often open a note ("Struggles with X"): said to the candidate as "you struggle with X". */
const PRESENT_OPENERS = new Set(
  (
    'tends struggles needs misses forgets skips relies rushes jumps explains writes asks uses knows lacks shows ' +
    'gives takes makes handles communicates answers understands follows checks listens builds avoids prefers ' +
    'focuses overlooks ignores confuses mixes starts stops works thinks talks reads spends goes'
  ).split(' '),
);

function presentToYou(verb: string): string {
  const v = verb.toLowerCase();
  if (v === 'goes') return 'go';
  if (/(?:ss|sh|ch|x|z)es$/.test(v)) return v.slice(0, -2);
  if (/[^aeiou]ies$/.test(v)) return `${v.slice(0, -3)}y`;
  return v.slice(0, -1);
}

/** Clauses that open with a setting, before a comma: "Given a failing test, ...", "When asked about X, ...". */
const SETTING =
  /^((?:Given|Asked|When asked|Shown|Prompted|Pushed|Challenged|Presented with|After|Before|During|In|On|With|Without|Once|For|Under|Later|Then|Eventually|Initially|At first|Overall)\b[^,]{0,80}),\s*(.+)$/;

const REFERENCE = /^(?:(?:The|This|Our)\s+)?(?:candidate|applicant|interviewee)\s+/i;
const OTHER_PEOPLE = /\b(?:he|she|him|her|his|hers|they|them|their|i|me|my|we|us|our)\b/i;

/** Contractions written without their apostrophe in quick notes. */
const BARE_CONTRACTIONS: Record<string, string> = {
  didnt: "didn't",
  couldnt: "couldn't",
  wasnt: "wasn't",
  werent: "weren't",
  doesnt: "doesn't",
  dont: "don't",
  isnt: "isn't",
  hasnt: "hasn't",
  havent: "haven't",
  wouldnt: "wouldn't",
  cant: "can't",
};

/**
 * A bare contraction as a whole word of ASCII letters, in any case (only these words; every other word of a note was
 * left as it is).
 */
const BARE_CONTRACTION = new RegExp(`\\b(?:${Object.keys(BARE_CONTRACTIONS).join('|')})\\b`, 'gi');

/** The raw note as fragments of plain text: bullets, question numbers, stray dots and bare contractions tidied. */
function fragments(evidence: string): string[] {
  return evidence
    .split(/\r?\n|\s+[•·]\s+|(?:^|\s)[-*]\s+(?=\S)|;\s+/)
    .map((f) =>
      foldSpace(
        f
          .replace(/^\s*(?:[-*•·]|\d+[.)])\s*/, '')
          .replace(/^Q\d+\s*[-–—:.)]\s*/i, '')
          .replace(BARE_CONTRACTION, (w) => BARE_CONTRACTIONS[w.toLowerCase()] ?? w)
          .replace(/^["'“‘]+|["'”’]+$/g, ''),
      ),
    )
    .filter((f) => /\p{L}{2,}/u.test(f));
}

/** A line label: "Coding task: ..." (not a setting that opens a sentence: "Given a failing test: ..."). */
const LINE_LABEL = /^([\p{L}][\p{L}\p{N} '’()/&-]{0,30}):\s+(?=\S)/u;
/** Labels that say nothing about the work: dropped without a trace. */
const EMPTY_LABELS =
  /^(?:notes?|obs(?:ervations?)?|overall|feedback|summary|comments?|general|verdict|result|answer)$/i;

/** "NEWS2 score" -> "On the NEWS2 score"; "The A/B test case" -> "On the A/B test case". */
function labelSetting(label: string): string {
  const l = label.trim();
  if (/^(?:the|a|an|this|that|our|your)\s/i.test(l)) return `On ${l.charAt(0).toLowerCase()}${l.slice(1)}`;
  const first = l.split(' ')[0] ?? '';
  const lowered = /^\p{Lu}\p{Ll}+$/u.test(first) ? `${first.toLowerCase()}${l.slice(first.length)}` : l;
  return `On the ${lowered}`;
}

const SETTING_OPENER =
  /^(?:Given|Asked|When|Shown|Prompted|Pushed|Challenged|Presented|After|Before|During|Once)\b/;

/** "<topic>: <verdict>" (or "...", or a dash): a line label and what was found. */
const TOPIC_VERDICT = /^(.{2,60}?)\s*(?::|\.{2,}|…|\s[-–—]\s)\s*(.+)$/;
const NOT_COVERED =
  /^(?:not covered|not mentioned|not discussed|skipped|missed(?: it)?(?: entirely| completely)?|missing|none|no mention)$/i;
const NO_ANSWER =
  /^(?:hesitated,? )?(?:no (?:clear )?answer|could ?n[o']t answer|unable to answer|no response)$/i;
const VERDICT_ADJECTIVE =
  /^(unclear|vague|weak|shaky|incomplete|partial|confused|excellent|clear|strong|good|solid|thorough|careful|precise)\b/i;

/** A labelled line said to the candidate, or null when it is not one. */
function topicVerdict(fragment: string): string | null {
  const m = TOPIC_VERDICT.exec(fragment);
  if (!m?.[1] || !m[2]) return null;
  const topic = m[1].replace(/[\s.,;:]+$/, '');
  const verdict = m[2].replace(/[\s.…!]+$/, '').trim();
  const determined = /^(?:The|A|An|This|That|These|Those|Our|Your)\b/i.test(topic);
  if (determined || !/^\p{Lu}/u.test(topic)) {
    const lowered = topic.charAt(0).toLowerCase() + topic.slice(1);
    const t = determined ? lowered : `the ${lowered}`;
    if (NOT_COVERED.test(verdict)) return `You did not cover ${t}.`;
    if (NO_ANSWER.test(verdict)) return `You did not give a clear answer on ${t}.`;
    const adjective = VERDICT_ADJECTIVE.exec(verdict)?.[1];
    if (adjective) return `Your answer on ${t} was ${adjective.toLowerCase()}.`;
  }
  return null;
}

/** One sentence of a note said to the candidate, or null when that cannot be done reliably. */
function addressSentence(sentence: string, candidateNames: string[], asked?: string[]): string | null {
  const s = ensurePeriod(capitalize(sentence));
  asked?.push(s);
  const direct = toSecondPerson(s, candidateNames);
  if (direct) return direct;
  // "Given a failing test, found the bug after two hints." -> "Given a failing test, you found the bug ..."
  const setting = SETTING.exec(s);
  if (setting?.[1] && setting[2]) {
    const rest = addressSentence(setting[2], candidateNames, asked);
    if (rest && /^You\b/.test(rest)) return `${setting[1]}, y${rest.slice(1)}`;
  }
  const bare = s.replace(REFERENCE, '');
  const bareFirst = bare.split(' ')[0] ?? '';
  // "Candidate tends to skip the failure cases." -> "You tend to skip the failure cases."
  if (PRESENT_OPENERS.has(bareFirst.toLowerCase()) && !OTHER_PEOPLE.test(bare)) {
    return `You ${presentToYou(bareFirst)}${bare.slice(bareFirst.length)}`;
  }
  // "Unsure about confidence intervals." -> "You were unsure about confidence intervals."
  if (STATE_OPENERS.test(bare) && !OTHER_PEOPLE.test(bare)) {
    return `You were ${bare.charAt(0).toLowerCase()}${bare.slice(1)}`;
  }
  // A neutral statement about the work: "The code had no tests." -> "We saw that the code had no tests."
  if (!OTHER_PEOPLE.test(s) && LOWERABLE.has(bareFirst.toLowerCase()) && bare === s) {
    const lowered = `${s.charAt(0).toLowerCase()}${s.slice(1)}`;
    const finite =
      /\b(?:was|were|is|are|had|has|have|did|does|could|would|should|can|will|might|\w{3,}ed)\b/i.test(s);
    return finite ? `We saw that ${lowered}` : `We saw ${lowered}`;
  }
  return null;
}

/** How many sentences of one note reach the candidate, and the longest sentence taken (in words). */
const MAX_SENTENCES_PER_NOTE = 2;
const MAX_WORDS_PER_SENTENCE = 32;

/** A sentence of at most MAX_WORDS_PER_SENTENCE words: a longer one is cut at its last comma within the limit. */
function shorten(sentence: string): string | null {
  // The words are what lies between single spaces: at most MAX_WORDS_PER_SENTENCE - 1 spaces, nothing to cut.
  let spaces = 0;
  for (
    let i = sentence.indexOf(' ');
    i !== -1 && spaces < MAX_WORDS_PER_SENTENCE;
    i = sentence.indexOf(' ', i + 1)
  )
    spaces++;
  if (spaces < MAX_WORDS_PER_SENTENCE) return sentence;
  const words = sentence.split(' ');
  const head = words.slice(0, MAX_WORDS_PER_SENTENCE).join(' ');
  const comma = head.lastIndexOf(', ');
  if (comma < 0) return null;
  const cut = head.slice(0, comma);
  return cut.split(' ').length >= 6 ? `${cut}.` : null;
}

/**
 * One observation as the candidate reads it: addressed to them in whole sentences, the first set in the round it
 * came from ("In the interview, you missed ..."), or null when nothing in the note can be said reliably.
 *
 * The candidate's names are used for one thing only: `toSecondPerson` of each sentence, in turn. `asked`, when given,
 * receives those sentences in order, so a caller can tell whether the names made a difference (`mentionsCandidate`
 * of each): when none of them mentions the candidate, the result is the same for any names that none mentions.
 */
export function renderObservation(
  evidence: string,
  stage: Stage,
  candidateNames: string[],
  maxSentences = MAX_SENTENCES_PER_NOTE,
  asked?: string[],
): string | null {
  // One sentence more than needed is read, so that a note's setup ("We asked you to walk through X.") can give way
  // to what was seen when only one sentence is used.
  const out: string[] = [];
  const limit = maxSentences + 1;
  for (const raw of fragments(evidence)) {
    if (out.length >= limit) break;
    const labelled = topicVerdict(raw);
    if (labelled) {
      out.push(tidy(labelled));
      continue;
    }
    // A label the note opens with ("NEWS2 score: calculated it correctly") becomes the setting of its first
    // sentence ("On the NEWS2 score, you calculated it correctly"); other colons become commas.
    const label = SETTING_OPENER.test(raw) ? undefined : LINE_LABEL.exec(raw)?.[1];
    const fragment = (label ? raw.replace(LINE_LABEL, '') : raw)
      .replace(/\s*:\s+/g, ', ')
      .replace(/\.{2,}|…/g, '.');
    let setting = label && !EMPTY_LABELS.test(label) ? labelSetting(label) : undefined;
    for (const span of splitSentences(fragment)) {
      if (out.length >= limit) break;
      const sentence = shorten(span.text);
      if (!sentence) continue;
      const said = addressSentence(sentence, candidateNames, asked);
      if (!said) continue;
      const joined = /^You\b/.test(said)
        ? said.replace(/^(You [^,]+), (unsure|uncertain|unaware|not sure)\b/, '$1, but you were $2')
        : said;
      out.push(
        tidy(ensurePeriod(setting && /^You\b/.test(joined) ? `${setting}, y${joined.slice(1)}` : joined)),
      );
      setting = undefined;
    }
  }
  if (out.length > maxSentences && maxSentences < 2 && /^We asked you\b/.test(out[0] ?? '')) out.shift();
  out.splice(maxSentences);
  const first = out[0];
  if (first === undefined) return null;
  // "In the interview, you missed ..."; not before a present tense ("You have not used dbt.").
  const present = /^You (?:have|are|do|haven['’]t|aren['’]t|don['’]t|tend|struggle|need)\b/.test(first);
  if (/^(?:You|We)\b/.test(first) && !present)
    out[0] = `${STAGE_ADDRESSED[stage]} ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  else if (/^(?:Given|Asked|When|Shown|Prompted|Pushed|Challenged|Presented)\b/.test(first))
    out[0] = `${STAGE_ADDRESSED[stage]} ${first.charAt(0).toLowerCase()}${first.slice(1)}`;
  return out.join(' ');
}
