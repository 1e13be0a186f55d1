// The engine's word index, computed at build time: for each mode, which phrases can start at each first word, and
// at each pair of first and second word, as lists of pattern numbers already merged, ordered and shared. The engine
// only reads the table back (matching.ts), so loading the checker builds no index and hashes only the words. Pure.

import { type IndexTable, TABLE_MODES, type TableMode } from '../matching';
import type { Mode, RuleData } from '../types';
import { hashWord, weight } from '../words';
import { ANY_WORD, type WordTriples } from './first-words';

/** A rule as the compiler produces it: with, for each pattern, the words it can start with (first-words.ts). */
export type IndexedRule = RuleData & {
  triggers: readonly (readonly string[])[];
  /** Each pattern's first three words where known (first-words.ts, wordTriples); none: nothing is known. */
  thirds?: readonly WordTriples[];
  /** Each pattern's specificity (words.ts, weight), when the compiler computed it from another form of the source. */
  weights?: readonly number[];
};

/**
 * The table of one mode over all its rules. Pattern numbers count every pattern of every rule in order (both modes),
 * so a list keeps the order the engine tries phrases in: more specific first (words.ts, weight), then rule order.
 * Words are keyed by the scanner's hash, as the engine keys them; words that share a hash share an entry.
 */
export function indexTable(rules: readonly IndexedRule[], mode: Mode): IndexTable {
  const weights = new Map<number, number>();
  const singles = new Map<number, Set<number>>();
  const pairs = new Map<number, Map<number, Set<number>>>();
  const firstSpelling = new Map<number, Set<string>>();
  const secondSpelling = new Map<number, string>();
  const possessive = new Set<number>();
  const numeric = new Set<number>();
  const into = <K>(map: Map<K, Set<number>>, key: K, id: number) => {
    const set = map.get(key) ?? new Set<number>();
    set.add(id);
    map.set(key, set);
  };
  const triples = new Map<number, WordTriples>();
  let id = -1;
  for (const rule of rules) {
    rule.patterns.forEach((source, i) => {
      id++;
      if (rule.mode !== mode) return;
      const t = rule.thirds?.[i];
      if (t) triples.set(id, t);
      weights.set(id, rule.weights?.[i] ?? weight(source));
      for (const trigger of rule.triggers[i] ?? []) {
        if (trigger === '#poss') possessive.add(id);
        else if (trigger === '#digit') numeric.add(id);
        else {
          const [first = '', second] = trigger.split(' ');
          const h = hashWord(first);
          firstSpelling.set(h, (firstSpelling.get(h) ?? new Set()).add(first));
          if (second === undefined) into(singles, h, id);
          else {
            const h2 = hashWord(second);
            if (!secondSpelling.has(h2)) secondSpelling.set(h2, second);
            const byNext = pairs.get(h) ?? new Map<number, Set<number>>();
            into(byNext, h2, id);
            pairs.set(h, byNext);
          }
        }
      }
    });
  }
  const lists: number[][] = [];
  const listIndex = new Map<string, number>();
  const listOf = (ids: Iterable<number>): number => {
    const list = [...new Set(ids)].sort((a, b) => (weights.get(b) ?? 0) - (weights.get(a) ?? 0) || a - b);
    const key = list.join(',');
    let at = listIndex.get(key);
    if (at === undefined) {
      at = lists.length;
      lists.push(list);
      listIndex.set(key, at);
    }
    return at;
  };
  const possessiveList = listOf(possessive);
  const numericList = listOf(numeric);
  /** Where each list is tried: [first word's hash, next word's hash, or undefined for any next word]. */
  const contexts = new Map<number, [number, number | undefined][]>();
  const usedAt = (list: number, h: number, h2: number | undefined) => {
    const at = contexts.get(list) ?? [];
    at.push([h, h2]);
    contexts.set(list, at);
  };
  const sets: string[] = [];
  const setIndex = new Map<string, number>();
  const setOf = (words: string[]): number => {
    const key = words.sort().join(' ');
    let at = setIndex.get(key);
    if (at === undefined) {
      at = sets.length;
      sets.push(key);
      setIndex.set(key, at);
    }
    return at;
  };
  const records: string[] = [];
  const hashes: string[] = [];
  const firsts = [...new Set([...singles.keys(), ...pairs.keys()])].sort((a, b) => a - b);
  for (const h of firsts) {
    const alone = singles.get(h) ?? new Set<number>();
    const record = [
      [...(firstSpelling.get(h) ?? [])].sort().join('/'),
      alone.size ? String(listOf(alone)) : '-',
    ];
    if (alone.size) usedAt(listOf(alone), h, undefined);
    // Next words that lead to the same list (a lexicon after a verb, "speaks <language>") are written once as a
    // shared set, so the many first words before one lexicon do not each repeat it.
    const byList = new Map<number, string[]>();
    for (const [h2, ids] of [...(pairs.get(h) ?? [])].sort((a, b) => a[0] - b[0])) {
      const merged = listOf([...alone, ...ids]);
      usedAt(merged, h, h2);
      const second = secondSpelling.get(h2) ?? '';
      if (/[\s|/*]/.test(second) || /[\s|/]/.test([...(firstSpelling.get(h) ?? [])].join('')))
        throw new Error(`a word of the index holds a separator: ${JSON.stringify(second)}`);
      // A pattern indexed both by the word alone and by the pair: the pair's own list is kept for rule subsets.
      const overlap = [...ids].some((x) => alone.has(x));
      if (overlap) record.push(second, `${merged}/${listOf(ids)}`);
      else byList.set(merged, [...(byList.get(merged) ?? []), second]);
    }
    for (const [merged, seconds] of byList) {
      if (seconds.length >= SET_MIN) record.push(`*${setOf(seconds)}`, String(merged));
      else for (const second of seconds) record.push(second, String(merged));
    }
    records.push(record.join(' '));
    hashes.push(h.toString(36));
  }
  return {
    lists: lists.map((l) => l.join(',')).join(';'),
    words: records.join('|'),
    hashes: hashes.join(' '),
    sets: sets.join('|'),
    ...thirdIndex(lists, contexts, triples, [possessiveList, numericList]),
    possessive: possessiveList,
    numeric: numericList,
  };
}

/** Lists shorter than this are tried whole: a regular expression that fails at once costs about a lookup. */
const THIRD_MIN = 2;
/** A list whose phrases can go on with more third words than this is tried whole (the record would be long). */
const THIRD_MAX = 1000;

/**
 * The third level of the word index: for each list of THIRD_MIN phrases or more where the third word of some of
 * them is known (first-words.ts, wordTriples), which of its phrases can match with each third word, and which with
 * any (the rest). `thirds`: a record per list, records separated by "|": the list's number, the rest (pattern
 * numbers, or "-"), then "set=numbers" for each set of third words that leads to the same phrases, separated by
 * spaces. `thirdSets`: those sets of words, shared by all records (many lists go on with the same words), separated
 * by "|", words by ",". The third word of a phrase tried at a list must be one its pattern allows after any first
 * and next word the list is tried at (`contexts`); where that is not known, the phrase is in the rest, tried
 * whatever the third word.
 */
function thirdIndex(
  lists: readonly number[][],
  contexts: Map<number, [number, number | undefined][]>,
  triples: Map<number, WordTriples>,
  special: readonly number[],
): { thirds: string; thirdSets: string } {
  const sets: string[] = [];
  const setIndex = new Map<string, number>();
  const setOf = (words: string[]): number => {
    const key = words.join(',');
    let at = setIndex.get(key);
    if (at === undefined) {
      at = sets.length;
      sets.push(key);
      setIndex.set(key, at);
    }
    return at;
  };
  const hashed = new Map<
    WordTriples,
    Map<number, { unknown: boolean; second: Map<number, Set<string> | null> }>
  >();
  /** Words by the scanner's hash; any one word ("*") by -1, which no word hashes to. */
  const keyOf = (w: string) => (w === ANY_WORD ? -1 : hashWord(w));
  const byHash = (t: WordTriples) => {
    let m = hashed.get(t);
    if (!m) {
      m = new Map();
      for (const w1 of t.unknownSecond) m.set(keyOf(w1), { unknown: true, second: new Map() });
      for (const [w1, seconds] of t.thirds) {
        const h1 = keyOf(w1);
        const entry = m.get(h1) ?? { unknown: false, second: new Map() };
        for (const [w2, thirds] of seconds) {
          const h2 = keyOf(w2);
          const had = entry.second.get(h2);
          entry.second.set(h2, had === null || thirds === null ? null : new Set([...(had ?? []), ...thirds]));
        }
        m.set(h1, entry);
      }
      hashed.set(t, m);
    }
    return m;
  };
  /** The third words a pattern allows where a list is tried, or null for any. */
  const allowed = (id: number, at: [number, number | undefined][]): Set<string> | null => {
    const t = triples.get(id);
    if (!t || t.any) return null;
    const out = new Set<string>();
    const words = byHash(t);
    for (const [h1, h2] of at) {
      // The phrase's paths whose first word is this one or any word, and second the same.
      let known = false;
      for (const entry of [words.get(h1), words.get(-1)]) {
        if (!entry) continue;
        if (entry.unknown) return null;
        const seconds =
          h2 === undefined ? [...entry.second.values()] : [entry.second.get(h2), entry.second.get(-1)];
        for (const thirds of seconds) {
          if (thirds === undefined) continue;
          if (thirds === null) return null;
          known = true;
          for (const w of thirds) out.add(w);
        }
      }
      // A list tried where none of the phrase's paths lead (not expected): tried whatever the third word.
      if (!known) return null;
    }
    return out;
  };
  const records: string[] = [];
  lists.forEach((list, n) => {
    const at = contexts.get(n);
    if (!at || list.length < THIRD_MIN || special.includes(n)) return;
    const allows = list.map((id) => allowed(id, at));
    if (allows.every((s) => s === null)) return;
    const words = new Set<string>();
    for (const s of allows) for (const w of s ?? []) words.add(w);
    if (words.size > THIRD_MAX) return;
    const rest = list.filter((_, k) => allows[k] === null);
    const groups = new Map<string, string[]>();
    for (const w of [...words].sort()) {
      const ids = list.filter((_, k) => allows[k]?.has(w) ?? true).join(',');
      groups.set(ids, [...(groups.get(ids) ?? []), w]);
    }
    const parts = [String(n), rest.length ? rest.join(',') : '-'];
    for (const [ids, ws] of groups) parts.push(`${setOf(ws)}=${ids}`);
    records.push(parts.join(' '));
  });
  return { thirds: records.join('|'), thirdSets: sets.join('|') };
}

/** How many next words sharing a list make a set of their own. */
const SET_MIN = 4;

/** The tables of the modes rules are written for (a question reads with the request table). */
export function indexTables(rules: readonly IndexedRule[]): Record<TableMode, IndexTable> {
  return Object.fromEntries(TABLE_MODES.map((mode) => [mode, indexTable(rules, mode)])) as Record<
    TableMode,
    IndexTable
  >;
}
