// Small text helpers for composing candidate-facing sentences, and the sentence splitter that composing, rewording
// and relinking share. Pure: no I/O, browser-safe.

/** Words a criterion name may start with that are ordinary English, so they are lower-cased mid-sentence. */
const COMMON_FIRST_WORDS = new Set(
  (
    'accuracy active adaptability analytical analysis api attention business clarity clear code coding collaboration ' +
    'communication creative critical cross customer data debugging decision delivery design detail documentation ' +
    'domain empathy english experience financial front back frontend backend hands impact incident industry ' +
    'influence interview knowledge leadership learning listening management mentoring negotiation operational ' +
    'organisation organization ownership people performance planning presentation presenting prioritisation ' +
    'prioritization problem process product professional programming project quality relevant reliability ' +
    'research sales security software stakeholder strategic strategy structured system systems team teamwork ' +
    'technical test testing time understanding user verbal written writing accurate able agrees builds designs ' +
    'explains leads works writes understands manages plans delivers communicates'
  ).split(' '),
);

/** A criterion name as it reads inside a sentence: "Attention to detail" -> "attention to detail", "Python" stays. */
export function inlineName(name: string): string {
  const n = name.trim().replace(/\s+/g, ' ');
  const first = /^([A-Z][a-z]+)(?=$|[\s-])/.exec(n)?.[1];
  if (first && COMMON_FIRST_WORDS.has(first.toLowerCase()))
    return first.toLowerCase() + n.slice(first.length);
  return n;
}

/**
 * `s.replace(/\s+/g, ' ').trim()`: every run of white space one space, none at either end. A text that has only single
 * spaces inside (most have) is returned as it is, without the replacement making it again space by space.
 */
export function foldSpace(s: string): string {
  return SPACING.test(s) ? s.replace(/\s+/g, ' ').trim() : s;
}
/** White space that `foldSpace` changes: other than a space, two in a row, or at either end. */
const SPACING = /[^\S ]| {2}|^ | $/;

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

/** Without trailing white space and sentence punctuation. */
export function stripEnd(s: string): string {
  return s.trim().replace(/[\s.;:!?,]+$/, '');
}

/** One trimmed line that ends with '.', '!' or '?' (a closing quote or bracket may follow). */
export function ensurePeriod(s: string): string {
  const t = foldSpace(s);
  if (/[.!?]["'”’)\]]*$/.test(t)) return t;
  return `${t.replace(/[,;:]+$/, '')}.`;
}

/** The text cut to about `max` characters at a word boundary, with an ellipsis when cut. */
export function excerpt(s: string, max = 200): string {
  const t = foldSpace(s);
  if (t.length <= max) return t;
  const cut = t.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}

export interface SentenceSpan {
  text: string;
  start: number;
  end: number;
}

/** Words after which a period does not end a sentence. Compared lower-case, without the final period. */
const ABBREVIATIONS = new Set([
  'e.g',
  'i.e',
  'etc',
  'vs',
  'cf',
  'approx',
  'incl',
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'jr',
  'sr',
]);
/** Company suffixes: a period after one ends a sentence only before a capital ("Acme Inc. hiring team" is one). */
const COMPANY_SUFFIXES = new Set(['inc', 'ltd', 'co', 'corp', 'llc', 'plc']);
const CLOSERS = new Set([')', ']', '"', "'", '”', '’', '»']);

/** Whether a UTF-16 code unit is white space as `\s` reads it in a regular expression. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || (c >= 0xa0 && isWideSpace(c));
}
function isWideSpace(c: number): boolean {
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

function endsSentence(line: string, i: number): number {
  // line[i] is '.', '!' or '?'. Returns the exclusive end of the sentence, or -1 if it does not end here.
  let j = i + 1;
  while (
    j < line.length &&
    (CLOSERS.has(line.charAt(j)) || line[j] === '.' || line[j] === '!' || line[j] === '?')
  )
    j++;
  if (j < line.length && !isSpace(line.charCodeAt(j))) return -1;
  if (line[i] === '.') {
    // The word before the period: back to white space or an opening bracket.
    let k = i;
    while (k > 0) {
      const c = line.charCodeAt(k - 1);
      if (c === 40 || isSpace(c)) break;
      k--;
    }
    const word = line.slice(k, i);
    const bare = word.toLowerCase();
    if (ABBREVIATIONS.has(bare)) return -1;
    if (COMPANY_SUFFIXES.has(bare) && !/^\s+["“'‘(]*\p{Lu}/u.test(line.slice(j))) return -1;
    if (/^[A-Z]$/.test(word)) return -1; // an initial: "J. Smith"
    if (/^\d+$/.test(word) && j < line.length && /^\s+\d/.test(line.slice(j))) return -1; // "section 3. 4"
  }
  return j;
}

/** The sentence of `line` from `a` to `b`, without its surrounding white space, when anything is left. */
function pushTrimmed(
  out: SentenceSpan[] | undefined,
  line: string,
  lineStart: number,
  a: number,
  b: number,
): number {
  let s = a;
  let e = b;
  while (s < e && isSpace(line.charCodeAt(s))) s++;
  while (e > s && isSpace(line.charCodeAt(e - 1))) e--;
  if (e <= s) return 0;
  out?.push({ text: line.slice(s, e), start: lineStart + s, end: lineStart + e });
  return 1;
}

/**
 * The sentences of a text, with exact offsets: text.slice(start, end) === text. A line break always ends a
 * sentence (greetings, sign-offs and paragraphs are their own units); within a line, '.', '!' or '?' followed by
 * white space does, except after common abbreviations and initials. Surrounding white space is not part of a
 * sentence; empty lines yield nothing.
 */
export function splitSentences(body: string): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  scanSentences(body, out);
  return out;
}

/** How many sentences `splitSentences` finds, without making them. */
export function countSentences(body: string): number {
  return scanSentences(body, undefined);
}

const END_MARK = /[.!?]/g;

/** The sentences of a text, counted, and each added to `out` when given. */
function scanSentences(body: string, out: SentenceSpan[] | undefined): number {
  let count = 0;
  let lineStart = 0;
  while (lineStart <= body.length) {
    let lineEnd = body.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = body.length;
    const line = body.slice(lineStart, lineEnd);
    let from = 0;
    // Each '.', '!' or '?' in turn, found by the regular expression engine rather than character by character.
    END_MARK.lastIndex = 0;
    for (let m = END_MARK.exec(line); m; m = END_MARK.exec(line)) {
      const end = endsSentence(line, m.index);
      if (end === -1) continue;
      count += pushTrimmed(out, line, lineStart, from, end);
      from = end;
      END_MARK.lastIndex = end;
    }
    count += pushTrimmed(out, line, lineStart, from, line.length);
    lineStart = lineEnd + 1;
  }
  return count;
}

/** An address shown without giving it away: "alex.kim@example.com" -> "a***@example.com". */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '***';
  return `${email.charAt(0)}***${email.slice(at)}`;
}
