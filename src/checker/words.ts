// Words as the checker reads them: which characters make a word, the hash the scanner computes over one, and the
// specificity weight that orders phrases starting at the same word (the improvement themes use it too).
// No Node APIs: the browser loads this.

/**
 * Letters and digits (ASCII and Latin-1/Extended-A letters) make words; everything else separates them. The table
 * maps a word character to its lower-case code (0 for a separator), so the scanner does one lookup a character.
 */
export const LOWER = new Uint16Array(0x250);
for (let c = 0; c < 0x250; c++) {
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7)) LOWER[c] = c;
  else if (c >= 65 && c <= 90) LOWER[c] = c | 32;
}

export function isWordCode(c: number): boolean {
  return c < 0x250 && LOWER[c] !== 0;
}

/** The same hash the scanner computes over a word's characters, lower-cased. */
export function hashWord(word: string): number {
  let h = 0;
  for (let i = 0; i < word.length; i++) {
    let c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) c |= 32;
    h = (Math.imul(h, 31) + c) & 0x3fffffff;
  }
  return h;
}

/**
 * Rough specificity of a regular-expression source whose word gaps are written `\s+`: more words and more literal
 * characters first, so the longer phrase wins where two start at the same place.
 */
export function weight(source: string): number {
  const literal = source.replace(/\\.|\[[^\]]*\]|[()?:|*+{}^$]/g, '');
  const words = (source.match(/\\s\+/g) ?? []).length;
  return words * 1000 + literal.length;
}
