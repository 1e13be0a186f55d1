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

interface TrieNode {
  end: boolean;
  next: Map<string, TrieNode>;
}

/**
 * The same alternation as a trie ("afghan|albanian|algerian" -> "a(?:fghan|l(?:banian|gerian))"), so the regular
 * expression branches on each letter instead of trying every entry in turn. It matches what the plain alternation
 * matches, in the same order of preference: at one place only entries that are prefixes of one another can match, and
 * both forms try the longer first.
 */
export function trieAlternation(alternation: string): string {
  const root: TrieNode = { end: false, next: new Map() };
  for (const escaped of alternation.split(/(?<!\\)\|/)) {
    let node = root;
    // One unit per character, an escaped character with its backslash.
    for (const unit of escaped.match(/\\.|[^\\]/gsu) ?? []) {
      let child = node.next.get(unit);
      if (!child) {
        child = { end: false, next: new Map() };
        node.next.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  const render = (node: TrieNode): string => {
    const branches = [...node.next].map(([unit, child]) => unit + render(child));
    if (!branches.length) return '';
    const body = branches.length === 1 ? (branches[0] ?? '') : `(?:${branches.join('|')})`;
    return node.end ? `(?:${body})?` : body;
  };
  return render(root);
}
