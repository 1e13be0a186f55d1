// The engine's word index, computed at build time: for each mode, which phrases can start at each first word, and
// at each pair of first and second word, as lists of pattern numbers already merged, ordered and shared. The engine
// only reads the table back (matching.ts), so loading the checker builds no index and hashes only the words. Pure.

import { type IndexTable, TABLE_MODES, type TableMode } from '../matching';
import type { Mode, RuleData } from '../types';
import { hashWord, weight } from '../words';

/** A rule as the compiler produces it: with, for each pattern, the words it can start with (first-words.ts). */
export type IndexedRule = RuleData & {
  triggers: readonly (readonly string[])[];
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
  let id = -1;
  for (const rule of rules) {
    rule.patterns.forEach((source, i) => {
      id++;
      if (rule.mode !== mode) return;
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
    // Next words that lead to the same list (a lexicon after a verb, "speaks <language>") are written once as a
    // shared set, so the many first words before one lexicon do not each repeat it.
    const byList = new Map<number, string[]>();
    for (const [h2, ids] of [...(pairs.get(h) ?? [])].sort((a, b) => a[0] - b[0])) {
      const merged = listOf([...alone, ...ids]);
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
    possessive: possessiveList,
    numeric: numericList,
  };
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
