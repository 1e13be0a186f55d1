// Lexicons built from data packages (scripts/build-lexicons.mjs writes src/checker/lexicons/*.txt) become macros:
// demonym.txt is {LEX_DEMONYM}, an alternation of its entries, longest first so "south sudanese" wins over
// "sudanese". Pure: the texts come in, the macros go out.

const escapeRegExp = (entry: string) => entry.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function lexiconMacros(files: readonly { name: string; text: string }[]): Record<string, string> {
  const macros: Record<string, string> = {};
  for (const { name, text } of files) {
    const entries = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
      .sort((x, y) => y.length - x.length || x.localeCompare(y));
    macros[`LEX_${name.replace(/\.txt$/, '').toUpperCase()}`] = entries.map(escapeRegExp).join('|');
  }
  return macros;
}
