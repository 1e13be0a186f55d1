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
  | { t: 'wild' }
  | { t: 'digit' }
  | { t: 'alt'; branches: Item[][] }
  | { t: 'rep'; item: Item; min: number };

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
    if (body.startsWith('^') || /.-./.test(body) || body.includes('\\w')) return { t: 'wild' };
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
        if (braces) {
          min = Number(braces[1]);
          i += braces[0].length;
        } else i++;
        if (src[i] === '?') i++;
        item = { t: 'rep', item, min };
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
