// Turns an interviewer's note about the candidate ("The candidate missed two typos.") into text addressed to the
// candidate ("You missed two typos."), only where that can be done reliably. Anything uncertain returns null, and
// the composer then presents the note neutrally ("In the interview we noted: ...").
//
// The rules, per sentence of the note:
// - A reference to the candidate ("the candidate", "this applicant", "candidate", the candidate's full or first
//   name, "he", "she") followed by "'s" becomes "your".
// - Followed by a verb whose form does not change with the subject (past tense in -ed or a common irregular past,
//   a modal, "did", "had"), it becomes "you"; "is/was/has/does" (and their negations) become "are/were/have/do".
//   One adverb may come between ("the candidate also missed", "she clearly explained").
// - After a verb or preposition that takes an object ("asked the candidate to", "with him") it becomes "you".
// - "his" becomes "your", "him" "you", "himself"/"herself" "yourself"; "her" becomes "you" before a preposition,
//   article, conjunction or the end of a clause, otherwise "your".
// - Refused (null): present-tense verbs ("the candidate writes"), contractions ("he's"), "they/them/their" (could be
//   anyone or anything), first person ("I asked"), he-forms and she-forms in one note (two people), and a note that
//   never refers to the candidate. A sentence without a reference must open like a plain statement ("The code had
//   no tests."), or with a verb whose form does not change ("Missed two typos.", "Has not used dbt."): the note is
//   about the candidate the scorecard rates, so it becomes "You missed two typos." (not after a participle that
//   opens a passive clause: "Asked about caching, ...").
// Pure: no I/O, browser-safe.

import { foldSpace, splitSentences } from './text';

const BE_HAVE_DO: Record<string, string> = {
  is: 'are',
  was: 'were',
  has: 'have',
  does: 'do',
  "isn't": "aren't",
  "wasn't": "weren't",
  "hasn't": "haven't",
  "doesn't": "don't",
};

const SAME_FORM = new Set(
  (
    "did didn’t didn't could couldn't can cannot can't would wouldn't should shouldn't will won't might may must had hadn't " +
    'gave wrote made took spoke went got knew thought found felt kept left led lost brought built chose drew forgot ' +
    'held ran said saw sent spent told understood came began overcame undertook forgot mistook misread misunderstood ' +
    'put set let read cut hit quit shut split spread overlooked used'
  ).split(/\s+/),
);

/** Past participles that, opening a note, usually start a passive clause about the candidate, not an action. */
const PARTICIPLE_OPENERS = new Set(
  'asked given based pushed prompted challenged told shown compared considered questioned tested presented offered'.split(
    ' ',
  ),
);

/**
 * Of those, the ones that also open an action with its object ("Offered a discount at the first objection.",
 * "Tested the edge cases."): taken as active when an article or a number follows, and no comma leads to a past
 * tense that would be the clause's own verb ("Offered a hint, found the bug." stays passive).
 */
const ACTIVE_WITH_OBJECT = new Set(
  'offered presented compared tested questioned considered challenged'.split(' '),
);

function activeWithObject(verb: string, sentence: string): boolean {
  if (!ACTIVE_WITH_OBJECT.has(verb)) return false;
  const rest = sentence.slice(verb.length).trimStart();
  if (!/^(?:a|an|the|\d[\d,.%]*|two|three|four|five|several|each|every|both)\s/i.test(rest)) return false;
  const afterComma = /,\s*(?:and\s+|then\s+)?([a-z]+)\b/i.exec(rest)?.[1];
  return afterComma === undefined || !isPastOrModal(afterComma);
}

const ADVERBS = new Set(
  'also never often still only then just always sometimes consistently repeatedly initially later again quickly'.split(
    ' ',
  ),
);

/** Words after which a reference to the candidate is an object ("asked the candidate", "with him"). */
const OBJECT_AFTER = new Set(
  (
    'to for with by of from about at on asked told gave showed helped let made pushed prompted challenged invited ' +
    'thanked reminded pressed gave offered guided nudged interrupted'
  ).split(' '),
);

/** Words after which "her" is an object ("asked her the question", "with her.") rather than a possessive. */
const HER_OBJECT_BEFORE = new Set(
  'to for with about on in at the a an that if whether how what why and but or again directly twice once when'.split(
    ' ',
  ),
);

const SAFE_OPENERS =
  /^(?:The|This|That|These|Those|It|There|We|Our|Overall|However|Otherwise|Also|Both|Each|Most|Some|No|All)\b/;

const THIRD_PERSON_OTHER = /\b(?:they|them|their|theirs|themselves|themself|i|me|my|mine|myself)\b/i;
const MALE = /\b(?:he|him|his|himself)\b/i;
const FEMALE = /\b(?:she|her|hers|herself)\b/i;

/** Placeholders (private-use characters) for a reference to the candidate and for "your". */
const REF = '\uE000';
const YOUR = '\uE001';
const REF_POSSESSIVE = new RegExp(`${REF}['’]s\\b`, 'g');
const REF_OR_PRONOUN = new RegExp(`${REF}|\\b(?:he|she)\\b`, 'gi');

function isPastOrModal(word: string): boolean {
  const w = word.toLowerCase().replace(/’/g, "'");
  return SAME_FORM.has(w) || /^[a-z]{3,}ed$/.test(w);
}

/** "his", "him", "himself", "herself" and "her" as words, in any case: the texts `objectPronouns` changes. */
const OBJECT_PRONOUN = /\b(?:his|him|himself|herself|her)\b/i;

/** "his" and "him", "himself" and "herself", "her" said to the candidate; `referred` called for each. */
function objectPronouns(text: string, referred: () => void): string {
  let s = text;
  s = s.replace(/\bhis\b/gi, () => {
    referred();
    return YOUR;
  });
  s = s.replace(/\b(?:himself|herself)\b/gi, () => {
    referred();
    return 'yourself';
  });
  s = s.replace(/\bhim\b/gi, () => {
    referred();
    return 'you';
  });
  s = s.replace(/\bher\b(\s*)([A-Za-z]+|[^A-Za-z\s]|$)/gi, (_m, space: string, next: string) => {
    referred();
    const isObject = !/^[A-Za-z]/.test(next) || HER_OBJECT_BEFORE.has(next.toLowerCase());
    return `${isObject ? 'you' : YOUR}${space}${next}`;
  });
  return s;
}

/** Converts one sentence; null when not reliable. `names` are the candidate's names, longest first. */
function convertSentence(
  sentence: string,
  names: readonly string[],
): { text: string; referred: boolean } | null {
  if (THIRD_PERSON_OTHER.test(sentence)) return null;
  if (/\b(?:he|she)['’](?!s\b)/i.test(sentence) || /\b(?:he|she)['’]s\b/i.test(sentence)) return null;
  let s = markReferences(sentence, names);
  let referred = false;
  // A note without a subject ("Missed two typos.", "Has not used dbt.") is about the candidate the scorecard rates:
  // give it one when it opens with a verb whose form is settled, but not a participle that opens a passive clause
  // ("Asked about caching, ..."), and not when it is itself passive ("Missed by ...").
  const opener = /^([A-Z][a-z'’]+)(\s+)(\S+)/.exec(s);
  const [, openingWord, , nextWord] = opener ?? [];
  if (openingWord !== undefined && nextWord !== undefined) {
    const verb = openingWord.toLowerCase();
    const settled = BE_HAVE_DO[verb.replace(/’/g, "'")] !== undefined || isPastOrModal(verb);
    const passive = PARTICIPLE_OPENERS.has(verb) && !activeWithObject(verb, s);
    if (settled && !passive && nextWord.toLowerCase() !== 'by' && !s.includes(REF)) {
      s = `${REF} ${verb}${s.slice(openingWord.length)}`;
    }
  }
  // Possessives and object pronouns first.
  if (s.includes(REF))
    s = s.replace(REF_POSSESSIVE, () => {
      referred = true;
      return YOUR; // "your", capitalized later
    });
  // Each replacement below changes only a text with one of these words; most notes have none.
  if (OBJECT_PRONOUN.test(s))
    s = objectPronouns(s, () => {
      referred = true;
    });
  // Subjects and remaining objects.
  let failed = false;
  s = s.replace(REF_OR_PRONOUN, (match, offset: number, whole: string) => {
    referred = true;
    const after = whole.slice(offset + match.length);
    const m = /^(\s+)([A-Za-z'’]+)(\s+)([A-Za-z'’]+)?/.exec(after) ?? /^(\s+)([A-Za-z'’]+)/.exec(after);
    const before = whole.slice(0, offset);
    const prevWord = /([A-Za-z]+)\s*$/.exec(before)?.[1]?.toLowerCase();
    if (m?.[2] !== undefined) {
      const first = m[2].toLowerCase().replace(/’/g, "'");
      if (BE_HAVE_DO[first] !== undefined || isPastOrModal(first)) return 'you';
      if (ADVERBS.has(first) || /ly$/.test(first)) {
        const second = (m[4] ?? '').toLowerCase().replace(/’/g, "'");
        if (second && (BE_HAVE_DO[second] !== undefined || isPastOrModal(second))) return 'you';
      }
    }
    if (prevWord && OBJECT_AFTER.has(prevWord)) return 'you';
    failed = true;
    return match;
  });
  if (failed) return null;
  // Verb agreement for the converted subjects: "you was" -> "you were", "you also has" -> "you also have".
  s = s.replace(
    /\byou(\s+)(?:([A-Za-z]+ly|also|never|often|still|only|then|just|always|sometimes|consistently|repeatedly|initially|later|again|quickly)(\s+))?([A-Za-z'’]+)/gi,
    (whole, sp1: string, adv: string | undefined, sp2: string | undefined, verb: string) => {
      const found = BE_HAVE_DO[verb.toLowerCase().replace(/’/g, "'")];
      if (found === undefined) return whole;
      const mapped = verb.includes('’') ? found.replace(/'/g, '’') : found;
      return `you${sp1}${adv ? `${adv}${sp2}` : ''}${mapped}`;
    },
  );
  if (s.includes(YOUR)) s = s.split(YOUR).join('your');
  s = joinSplice(s);
  // Capitalize a "you"/"your" that opens the sentence.
  s = s.replace(
    /^([\s"“'‘(]*)(you|your)\b/,
    (_m, lead: string, w: string) => lead + w.charAt(0).toUpperCase() + w.slice(1),
  );
  if (s.includes(REF)) return null;
  return { text: s, referred };
}

/** "the candidate" and the like: the references that come first where one of the candidate's names also fits. */
const GENERIC_REFERENCE =
  /\b(?:[Tt]he|[Tt]his|[Oo]ur)\s+(?:candidate|applicant|interviewee)\b|\b(?:[Cc]andidate|[Aa]pplicant|[Ii]nterviewee)\b/g;

/** A word character as `\b` reads it (no `u` flag): ASCII letters, digits and the underscore. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}
function boundaryAt(text: string, i: number): boolean {
  const before = i > 0 && isWordChar(text.charCodeAt(i - 1));
  const after = i < text.length && isWordChar(text.charCodeAt(i));
  return before !== after;
}

/** Where `name` first stands as a whole word (`\bname\b`) at or after `from`, or -1. */
function nameAt(text: string, name: string, from: number): number {
  for (let i = text.indexOf(name, from); i !== -1; i = text.indexOf(name, i + 1)) {
    if (boundaryAt(text, i) && boundaryAt(text, i + name.length)) return i;
  }
  return -1;
}

/**
 * Every reference to the candidate replaced by REF: "the candidate" and the like, or one of their names (case-sensitive,
 * whole words, longest first), leftmost first, as one regular expression of those alternatives in that order would.
 * Names are found as plain text: a regular expression made of each candidate's name would be compiled once per
 * candidate, which costs more than the rest of the rewording.
 */
function markReferences(sentence: string, names: readonly string[]): string {
  let out = '';
  let cursor = 0;
  while (cursor <= sentence.length) {
    GENERIC_REFERENCE.lastIndex = cursor;
    const generic = GENERIC_REFERENCE.exec(sentence);
    let at = generic ? generic.index : -1;
    let length = generic ? generic[0].length : 0;
    for (const name of names) {
      const i = nameAt(sentence, name, cursor);
      if (i !== -1 && (at === -1 || i < at)) {
        at = i;
        length = name.length;
      }
    }
    if (at === -1) break;
    out += sentence.slice(cursor, at) + REF;
    cursor = at + length;
  }
  return out + sentence.slice(cursor);
}

/** The candidate's names as references: each once, longer than one character, longest first. */
function referenceNames(candidateNames: readonly string[]): readonly string[] {
  // Asked again for each sentence of each note, most often with the same names as the time before.
  const last = lastNames;
  if (
    last &&
    last.given.length === candidateNames.length &&
    last.given.every((n, i) => n === candidateNames[i])
  )
    return last.names;
  const names = [...new Set(candidateNames.map((n) => n.trim()).filter((n) => n.length > 1))].sort(
    (a, b) => b.length - a.length,
  );
  lastNames = { given: [...candidateNames], names };
  return names;
}
/** The names last asked for (a copy) and their references; never changed by a caller (only read). */
let lastNames: { given: readonly string[]; names: readonly string[] } | undefined;

/**
 * A note's comma splice after a converted subject ("you pitched features early, asked only closed questions")
 * reads as a slip once addressed to the candidate: its last clause is joined with "and" when it opens with a past
 * tense or a modal and nothing after it is already joined ("you stayed calm, focused and clear" is left alone).
 */
function joinSplice(s: string): string {
  const subject =
    /\byou\s+(?:(?:[a-z]+ly|also|never|often|still|only|then|just|always|sometimes)\s+)?([a-z'’]+)/i.exec(s);
  if (!subject?.[1]) return s;
  const first = subject[1].toLowerCase();
  if (!isPastOrModal(first) && !/^(?:were|have|do|are)$/.test(first)) return s;
  const from = subject.index + subject[0].length;
  const comma = s.lastIndexOf(', ');
  if (comma < from) return s;
  const rest = s.slice(comma + 2);
  const verb = /^([a-z'’]+)\s/.exec(rest)?.[1];
  if (verb === undefined || !isPastOrModal(verb)) return s;
  if (/[,;:]|\b(?:and|or|but|so|then|while|because|before|after|when)\b/i.test(rest)) return s;
  return `${s.slice(0, comma)} and ${rest}`;
}

/**
 * Whether any of the candidate's names, as `toSecondPerson` looks for them, occurs in the note. When none does, the
 * names make no difference: `toSecondPerson(note, names)` is `toSecondPerson(note, [])` (a name is only ever found by
 * its exact text in the note, spaces folded as here).
 */
export function mentionsCandidate(note: string, candidateNames: readonly string[]): boolean {
  return candidateMention(candidateNames)(note);
}

/** `mentionsCandidate` with the names prepared once, for a composer that asks it of many sentences. */
export function candidateMention(candidateNames: readonly string[]): (note: string) => boolean {
  const names = referenceNames(candidateNames);
  if (!names.length) return () => false;
  return (note) => {
    const text = foldSpace(note);
    return names.some((name) => text.includes(name));
  };
}

/**
 * The note addressed to the candidate, or null when that cannot be done reliably. `candidateNames` are the
 * candidate's full name and first name (case-sensitive, whole words).
 */
export function toSecondPerson(note: string, candidateNames: readonly string[] = []): string | null {
  const text = foldSpace(note);
  if (!text) return null;
  if (MALE.test(text) && FEMALE.test(text)) return null;
  const names = referenceNames(candidateNames);
  let referred = false;
  const parts: string[] = [];
  let cursor = 0;
  for (const span of splitSentences(text)) {
    const converted = convertSentence(span.text, names);
    if (!converted) return null;
    if (!converted.referred && !SAFE_OPENERS.test(span.text)) return null;
    referred ||= converted.referred;
    parts.push(text.slice(cursor, span.start), converted.text);
    cursor = span.end;
  }
  if (!referred) return null;
  parts.push(text.slice(cursor));
  return parts.join('');
}
