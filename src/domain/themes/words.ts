// The words of a theme's area ("patient", "lesson", "care plan"), found in a gap's text a word at a time. Phrases
// decide a gap's theme where they are found; words settle what phrases leave open, and lean a generic theme toward
// the field the gap is about ("abnormal labs not identified" under "interprets data" is patient care). Pure and
// deterministic: no I/O; browser-safe.

/** One or two lower-case words: letters, digits and inner apostrophes, hyphens or slashes. */
export const WORD_ENTRY = /^[a-z0-9]+(?:['/-][a-z0-9]+)*(?: [a-z0-9]+(?:['/-][a-z0-9]+)*)?$/;

const TOKEN = /[\p{L}\p{N}]+(?:['’/-][\p{L}\p{N}]+)*/gu;

/**
 * The forms a token may stand for in a word list: itself and its stem without a plural, possessive, past or -ing
 * ending ("patients", "patient's", "cooperating", "prioritized"). Over-generating is harmless: only listed words count.
 */
export function lookupForms(token: string): string[] {
  const t = token.toLowerCase().replace(/’/g, "'");
  const out = [t];
  const add = (s: string) => {
    if (s.length >= 3 && !out.includes(s)) out.push(s);
  };
  const base = t.endsWith("'s") ? t.slice(0, -2) : t;
  add(base);
  if (base.endsWith('ies')) add(`${base.slice(0, -3)}y`);
  if (base.endsWith('es')) add(base.slice(0, -2));
  if (base.endsWith('s') && !base.endsWith('ss')) add(base.slice(0, -1));
  if (base.endsWith('ing')) {
    add(base.slice(0, -3));
    add(`${base.slice(0, -3)}e`);
  }
  if (base.endsWith('ied')) add(`${base.slice(0, -3)}y`);
  if (base.endsWith('ed')) {
    add(base.slice(0, -2));
    add(base.slice(0, -1));
  }
  return out;
}

export interface FoundWord {
  theme: string;
  /** The listed word it matched. */
  word: string;
  /** Where the token (the first of a pair) starts in the text. */
  start: number;
  /** Where the token (the second of a pair) ends. */
  end: number;
}

export interface WordIndex {
  /** Each listed word or word pair of the text once, left to right, with its theme; a pair before its first word. */
  wordsIn(text: string): FoundWord[];
}

/** The index of the themes' words; a word listed under two themes belongs to the first. */
export function wordIndex(themes: readonly { id: string; words: readonly string[] }[]): WordIndex {
  const byWord = new Map<string, string>();
  for (const t of themes) for (const w of t.words) if (!byWord.has(w)) byWord.set(w, t.id);
  const lookup = (forms: string[]) => {
    for (const f of forms) {
      const theme = byWord.get(f);
      if (theme) return { theme, word: f };
    }
    return null;
  };
  return {
    wordsIn(text) {
      const tokens = [...text.matchAll(TOKEN)].map((m) => ({ text: m[0], start: m.index ?? 0 }));
      const out: FoundWord[] = [];
      const seen = new Set<string>();
      const push = (found: { theme: string; word: string } | null, start: number, end: number) => {
        if (!found || seen.has(found.word)) return false;
        seen.add(found.word);
        out.push({ ...found, start, end });
        return true;
      };
      for (let i = 0; i < tokens.length; i++) {
        const tok = tokens[i];
        const next = tokens[i + 1];
        if (!tok) continue;
        const first = tok.text.toLowerCase().replace(/’/g, "'");
        if (
          next &&
          push(
            lookup(lookupForms(next.text).map((f) => `${first} ${f}`)),
            tok.start,
            next.start + next.text.length,
          )
        ) {
          i++;
          continue;
        }
        push(lookup(lookupForms(tok.text)), tok.start, tok.start + tok.text.length);
      }
      return out;
    },
  };
}
