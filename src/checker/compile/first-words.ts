// First words. The engine does not run one giant regular expression (V8 interprets very large ones, at about
// 0.1 MB/s). It walks the text once, hashing each word, and tries a phrase's anchored regular expression only where
// one of the phrase's possible first words occurs. This mini-parser computes those first words from the pattern
// source (after macro expansion, before the space/~/apostrophe transform). Special triggers: #poss (a word followed
// by 's), #digit.

import type { CompileProblem, Problems } from './errors';

type Item =
  | { t: 'char'; c: string }
  | { t: 'sep'; optional: boolean; apostrophe: boolean }
  | { t: 'zero' }
  /** `letters`: a class of ASCII letters or digits only ("[a-z]"), which stays inside one word. */
  | { t: 'wild'; letters?: boolean }
  | { t: 'digit' }
  | { t: 'alt'; branches: Item[][] }
  | { t: 'rep'; item: Item; min: number; max: number };

function parseRegex(src: string): Item[][] {
  let i = 0;
  const parseAlt = (): Item[][] => {
    const branches: Item[][] = [parseSeq()];
    while (src[i] === '|') {
      i++;
      branches.push(parseSeq());
    }
    return branches;
  };
  const parseClass = (): Item => {
    let body = '';
    i++; // [
    while (i < src.length && src[i] !== ']') {
      if (src[i] === '\\') body += src[i++];
      body += src[i++] ?? '';
    }
    i++; // ]
    if (/^['’]+$/.test(body)) return { t: 'sep', optional: false, apostrophe: true };
    if (body === '0-9' || body === '\\d') return { t: 'digit' };
    if (body.startsWith('^') || /.-./.test(body) || body.includes('\\w'))
      return { t: 'wild', letters: /^(?:a-z|A-Z|0-9)+$/.test(body) };
    if (body.includes('\\s') || body === '-') return { t: 'sep', optional: false, apostrophe: false };
    return {
      t: 'alt',
      branches: [...body.replace(/\\/g, '')].map((c) => [{ t: 'char', c: c.toLowerCase() }]),
    };
  };
  const parseAtom = (): Item => {
    const c = src[i] ?? '';
    if (c === '(') {
      i++;
      let zero = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (/^\?<?[=!]/.test(src.slice(i, i + 3))) {
        i += src[i + 1] === '<' ? 3 : 2;
        zero = true;
      }
      const branches = parseAlt();
      i++; // )
      return zero ? { t: 'zero' } : { t: 'alt', branches };
    }
    if (c === '[') return parseClass();
    i++;
    if (c === '\\') {
      const e = src[i++] ?? '';
      if (e === 'w' || e === 'W' || e === 'S' || e === 'D') return { t: 'wild' };
      if (e === 'd') return { t: 'digit' };
      if (e === 's') return { t: 'sep', optional: false, apostrophe: false };
      if (e === 'b' || e === 'B') return { t: 'zero' };
      return { t: 'char', c: e.toLowerCase() };
    }
    if (c === ' ' || c === '-') return { t: 'sep', optional: false, apostrophe: false };
    if (c === '~') return { t: 'sep', optional: true, apostrophe: false };
    if (c === "'" || c === '’') return { t: 'sep', optional: false, apostrophe: true };
    if (c === '^' || c === '$') return { t: 'zero' };
    if (c === '.') return { t: 'wild' };
    return { t: 'char', c: c.toLowerCase() };
  };
  const parseSeq = (): Item[] => {
    const items: Item[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      let item = parseAtom();
      const q = src[i];
      const braces = q === '{' ? /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i)) : null;
      if (q === '?' || q === '*' || q === '+' || braces) {
        let min = q === '+' ? 1 : 0;
        let max = q === '?' ? 1 : Number.POSITIVE_INFINITY;
        if (braces) {
          min = Number(braces[1]);
          max =
            braces[2] === undefined ? min : braces[2] === '' ? Number.POSITIVE_INFINITY : Number(braces[2]);
          i += braces[0].length;
        } else i++;
        if (src[i] === '?') i++;
        item = { t: 'rep', item, min, max };
      }
      items.push(item);
    }
    return items;
  };
  return parseAlt();
}

const WILD = '\u0000';
const DIGIT = '\u0001';

/**
 * The words a pattern can start with, as "first second" pairs where the second word is known (so a common first
 * word like "the" or "you" only costs a hash lookup unless the next word fits too), or as a single "first" where
 * it is not. #poss: any word followed by 's; #digit: a number.
 */
export function firstWords(
  source: string,
  where: Omit<CompileProblem, 'message'>,
  problems: Problems,
): string[] {
  const out = new Set<string>();
  const found = new Set<string>();
  const plain = (w: string) => w && !w.includes(WILD) && !w.includes(DIGIT);
  let steps = 0;
  const emitFirst = (prefix: string, next?: Item): boolean => {
    // Returns true when the pattern is indexed by its first word alone (a special trigger).
    if (prefix.startsWith(DIGIT)) out.add('#digit');
    else if (prefix.includes(WILD) || prefix.includes(DIGIT)) {
      if (next?.t === 'char' && next.c === 's') out.add('#poss');
      else found.add('starts with a word the engine cannot index (a wildcard); give it a literal first word');
    } else return false;
    return true;
  };
  const emit = (first: string, second: string) => {
    if (!first) found.add('can match without a first word');
    else if (second.startsWith(DIGIT)) out.add(`${first} #digit`);
    else out.add(plain(second) ? `${first} ${second}` : first);
  };
  type K = (first: string | null, prefix: string) => void;
  const walk = (items: Item[], i: number, first: string | null, prefix: string, k: K): void => {
    if (++steps > 400000) {
      found.add('has too many possible first words');
      return;
    }
    const item = items[i];
    if (item === undefined) {
      k(first, prefix);
      return;
    }
    const next = () => walk(items, i + 1, first, prefix, k);
    switch (item.t) {
      case 'char':
        walk(items, i + 1, first, prefix + item.c, k);
        break;
      case 'zero':
        next();
        break;
      case 'wild':
        walk(items, i + 1, first, prefix.includes(WILD) ? prefix : prefix + WILD, k);
        break;
      case 'digit':
        walk(items, i + 1, first, prefix.includes(DIGIT) ? prefix : prefix + DIGIT, k);
        break;
      case 'sep':
        if (!prefix) next();
        else {
          if (first === null) {
            if (!emitFirst(prefix, item.apostrophe ? items[i + 1] : undefined)) {
              walk(items, i + 1, prefix, '', k);
            }
          } else emit(first, prefix);
          if (item.optional) next();
        }
        break;
      case 'alt':
        for (const b of item.branches) walk(b, 0, first, prefix, (f, p) => walk(items, i + 1, f, p, k));
        break;
      case 'rep':
        if (item.min === 0) next();
        walk([item.item], 0, first, prefix, (f, p) => walk(items, i + 1, f, p, k));
        break;
    }
  };
  for (const branch of parseRegex(source)) {
    walk(branch, 0, null, '', (first, prefix) => {
      if (first === null) {
        if (!emitFirst(prefix)) emit(prefix, '');
      } else emit(first, prefix);
    });
  }
  // A pattern indexed by a first word alone makes its pairs with that word redundant.
  for (const w of [...out]) {
    const sp = w.indexOf(' ');
    if (sp > 0 && out.has(w.slice(0, sp))) out.delete(w);
  }
  for (const p of found) problems.add(where, `pattern ${JSON.stringify(source.slice(0, 80))} ${p}`);
  return [...out].sort();
}

/**
 * A pattern's first three words as far as they can be known: for each first word, for each second word, the words
 * the third can be (null: any). `any`: nothing is known (the first word is not a plain word, the walk was too long);
 * `unknownSecond` lists first words after which the rest is not known. Words are as the scanner reads them (letters
 * and digits, lower case, punctuation at a word's ends read as a separator); a word that would read otherwise (a
 * full stop inside it, a letter outside ASCII), a wildcard, a number, a repeat that cannot be unrolled or a match
 * of fewer than three words makes the answer "any" from there on, never a narrower set. The word index uses it to
 * try, at a long list's pair of words, only the phrases whose third word the text has (index-table.ts).
 */
/** A word the pattern leaves open ("[a-z]+'s"): any one word. */
export const ANY_WORD = '*';

export interface WordTriples {
  any: boolean;
  unknownSecond: Set<string>;
  thirds: Map<string, Map<string, Set<string> | null>>;
}

export function wordTriples(source: string): WordTriples {
  const result: WordTriples = { any: false, unknownSecond: new Set(), thirds: new Map() };
  // Escapes the parser does not read as what they match (back-references, code points) and classes mixing
  // whitespace with letters: nothing is known rather than something wrong.
  const unreadable =
    /\\(?:[1-9]|k<|[uxcpP0nrtfv])/.test(source) ||
    [...source.matchAll(/\[((?:\\.|[^\]\\])*)\]/g)].some(
      (m) => (m[1] ?? '').includes('\\s') && /[a-z0-9]/i.test((m[1] ?? '').replace(/\\./g, '')),
    );
  if (unreadable) return { ...result, any: true };
  let steps = 0;
  /**
   * A word as the scanner reads it, with the punctuation at its ends taken as separators; "*" for any one word (a
   * run of "[a-z]"); null if it reads otherwise.
   */
  const word = (w: string): string | null => {
    if (w.includes(ANY_WORD)) return /^\**$/.test(w) ? ANY_WORD : null;
    const t = w.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
    return /^[a-z0-9]+$/.test(t) ? t : null;
  };
  const letters = (item: Item): boolean => item.t === 'wild' && item.letters === true;
  const sepOnly = (item: Item): boolean =>
    item.t === 'sep' ||
    item.t === 'zero' ||
    (item.t === 'alt' && item.branches.every((b) => b.every(sepOnly))) ||
    (item.t === 'rep' && sepOnly(item.item));
  /** Nothing more is known after `words` (the words read so far). */
  const unknown = (words: readonly string[]): void => {
    const [w1, w2] = words;
    if (w1 === undefined) result.any = true;
    else if (w2 === undefined) result.unknownSecond.add(w1);
    else {
      const byFirst = result.thirds.get(w1) ?? new Map<string, Set<string> | null>();
      byFirst.set(w2, null);
      result.thirds.set(w1, byFirst);
    }
  };
  const found = (w1: string, w2: string, w3: string): void => {
    const byFirst = result.thirds.get(w1) ?? new Map<string, Set<string> | null>();
    const set = byFirst.get(w2);
    if (w3 === ANY_WORD) byFirst.set(w2, null);
    else if (set === undefined) byFirst.set(w2, new Set([w3]));
    else set?.add(w3);
    result.thirds.set(w1, byFirst);
  };
  type K = (words: readonly string[], prefix: string) => void;
  /** Walks from items[i] with `words` read and `prefix` of the next; a path stops at its third word. */
  const walk = (items: Item[], i: number, words: readonly string[], prefix: string, k: K): void => {
    if (result.any) return;
    if (++steps > 4000000) {
      result.any = true;
      return;
    }
    const item = items[i];
    if (item === undefined) {
      k(words, prefix);
      return;
    }
    const next = () => walk(items, i + 1, words, prefix, k);
    switch (item.t) {
      case 'char':
        walk(items, i + 1, words, prefix + item.c, k);
        break;
      case 'zero':
        next();
        break;
      case 'wild':
        if (letters(item))
          walk(items, i + 1, words, prefix.endsWith(ANY_WORD) ? prefix : prefix + ANY_WORD, k);
        else unknown(words);
        break;
      case 'digit':
        unknown(words);
        break;
      case 'sep':
        if (!prefix) next();
        else {
          const w = word(prefix);
          if (w === null) unknown(words);
          else if (words.length === 2) found(words[0]!, words[1]!, w);
          else walk(items, i + 1, [...words, w], '', k);
          if (item.optional) next();
        }
        break;
      case 'alt':
        for (const b of item.branches) walk(b, 0, words, prefix, (ws, p) => walk(items, i + 1, ws, p, k));
        break;
      case 'rep': {
        if (sepOnly(item.item) || letters(item.item)) {
          // Repeated separators read as one, and a run of letters as one word.
          if (item.min === 0) next();
          walk([item.item], 0, words, prefix, (ws, p) => walk(items, i + 1, ws, p, k));
          break;
        }
        const rep = (n: number, ws: readonly string[], p: string): void => {
          if (n >= item.min) walk(items, i + 1, ws, p, k);
          if (n < item.max) {
            if (n >= 4) unknown(ws);
            else walk([item.item], 0, ws, p, (ws2, p2) => rep(n + 1, ws2, p2));
          }
        };
        rep(0, words, prefix);
        break;
      }
    }
  };
  for (const branch of parseRegex(source)) {
    walk(branch, 0, [], '', (words, prefix) => {
      // The end of the pattern: a third word ends here, or the match can have fewer than three words.
      const w = prefix ? word(prefix) : null;
      if (words.length === 2 && w !== null) found(words[0]!, words[1]!, w);
      else unknown(w === null || words.length > 2 ? words : [...words, w]);
    });
    if (result.any) break;
  }
  return result;
}
