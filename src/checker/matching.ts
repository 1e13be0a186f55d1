// Which phrases can start at a word. The engine does not run one giant regular expression (V8 interprets very large
// ones slowly): the rules come with a word index computed at build time (compile/index-table.ts), by the hashes of
// the words their phrases can start with and by the next word where the compiler knows it. Loading it hashes those
// words into maps; a rule set for fewer jurisdictions is the same index with the other rules' phrases taken out.
// No Node APIs: the browser loads this.

import {
  type ContextSources,
  type ContextTests,
  contextTests,
  type RuntimeRule,
  runtimeRule,
} from './suppression';
import type { Jurisdiction, Mode, RuleData } from './types';
import { hashWord } from './words';

/**
 * A phrase pattern, anchored (sticky) so it is tried only at a word where it can start. The regular expression is
 * built the first time its word occurs: most patterns never meet their word in a given text, and building all of
 * them (the lexicon alternations are long) was most of the command line's start-up.
 */
export class Candidate {
  private built: RegExp | undefined;
  constructor(
    private readonly source: string,
    readonly rule: RuntimeRule,
  ) {}
  get re(): RegExp {
    if (this.built === undefined) this.built = new RegExp(`\\b(?:${this.source})\\b`, 'iy');
    return this.built;
  }
}

/**
 * The phrases that can start at one place, most specific first; with `third`, a long list's phrases by the word
 * they need third (the rest, tried whatever that word, come with every one of them).
 */
export type CandidateList = readonly Candidate[] & { readonly third: ThirdIndex | null };

const EMPTY: CandidateList = Object.assign([], { third: null });

/** Which phrases of a list can match, by the text's third word: read from the table the first time it is needed. */
export class ThirdIndex {
  private byWord: Map<number, CandidateList> | null = null;
  private rest: CandidateList = EMPTY;
  constructor(
    private readonly record: string,
    private readonly ids: (numbers: string) => CandidateList,
    private readonly words: (set: number) => readonly number[],
  ) {}

  /** The phrases to try where the third word has hash `h` (-1: there is none). */
  at(h: number): CandidateList {
    if (this.byWord === null) this.read();
    return this.byWord!.get(h) ?? this.rest;
  }

  private read(): void {
    const byWord = new Map<number, CandidateList>();
    const parts = this.record.split(' ');
    this.rest = this.ids(parts[0] ?? '-');
    for (let k = 1; k < parts.length; k++) {
      const part = parts[k] ?? '';
      const eq = part.indexOf('=');
      const list = this.ids(part.slice(eq + 1));
      for (const h of this.words(Number(part.slice(0, eq)))) byWord.set(h, list);
    }
    this.byWord = byWord;
  }
}

/** What can start at one word: phrases indexed by the word alone, and phrases indexed by the word and the next. */
export interface FirstWord {
  singles: CandidateList | null;
  /** Next word's hash -> the singles and the pairs for that next word, merged, most specific first. */
  bySecond: Map<number, CandidateList> | null;
  /** This word's record in the table until its pairs are read (Compiled.expand), then -1. */
  pairs: number;
}

export interface Compiled {
  byWord: Map<number, FirstWord>;
  /** Phrases that start with any word followed by 's ("Maria's age"). */
  possessive: CandidateList;
  /** Phrases that start with a number ("55-year-old"). */
  numeric: CandidateList;
  documentRules: RuntimeRule[];
  /** Every first word, for the benchmark's ceiling. */
  words: string[];
  /** Reads a first word's pairs the first time the text has that word (most of the index is never needed). */
  expand(entry: FirstWord): void;
}

/**
 * One mode's word index as the build writes it (compile/index-table.ts). `lists`: lists of pattern numbers
 * (counting every pattern of every rule in order), separated by ";", numbers by ",". `words`: one record per first
 * word, records separated by "|": its spellings (joined by "/" when several share a hash), the list of phrases
 * indexed by it alone or "-", then pairs of next word and list ("list/own" where the pair also has a list of its
 * own phrases); a next word written "*N" stands for every word of set N. `sets`: sets of next words shared by many
 * first words, separated by "|", words by " ". `hashes`: each record's hash, written at build time so loading
 * does not compute them. `possessive`, `numeric`: list numbers. The separators need no escape
 * in a string literal, which keeps the generated module quick to parse.
 */
export interface IndexTable {
  lists: string;
  words: string;
  /** Each record's first word hashed as the scanner hashes it, in base 36, separated by " ". */
  hashes: string;
  sets: string;
  /** The third level for long lists (compile/index-table.ts, thirdIndex): records separated by "|". */
  thirds: string;
  /** The sets of third words the records refer to by number, separated by "|", words by ",". */
  thirdSets: string;
  possessive: number;
  numeric: number;
}

export const NUMBER_HASH = hashWord('#digit');

const parseLists = (lists: string): number[][] =>
  lists.split(';').map((l) => (l === '' ? [] : l.split(',').map(Number)));

/**
 * The index of the rules whose patterns `candidates` holds (by pattern number; undefined for a rule left out). With
 * every rule of the mode kept, the table is read as it is. Otherwise each list keeps the phrases of the rules kept,
 * and a first word, or a pair, whose own phrases are all left out is dropped, as if the table had been built from
 * those rules alone.
 */
function fromTable(table: IndexTable, candidates: (Candidate | undefined)[], all: boolean): Compiled {
  const ids = parseLists(table.lists);
  const made: (CandidateList | null)[] = ids.map(() => null);
  const thirds = new Map<number, string>();
  if (table.thirds)
    for (const record of table.thirds.split('|')) {
      const sp = record.indexOf(' ');
      thirds.set(Number(record.slice(0, sp)), record.slice(sp + 1));
    }
  const kept = (numbers: Iterable<number>, third: ThirdIndex | null): CandidateList => {
    const l: Candidate[] = [];
    for (const id of numbers) {
      const c = candidates[id];
      if (c) l.push(c);
    }
    return Object.assign(l, { third });
  };
  const sublist = (numbers: string): CandidateList =>
    numbers === '-' ? EMPTY : kept(numbers.split(',').map(Number), null);
  let thirdSets: string[] | undefined;
  const thirdHashes: (number[] | undefined)[] = [];
  const thirdWords = (set: number): readonly number[] => {
    thirdSets ??= table.thirdSets.split('|');
    let hashes = thirdHashes[set];
    if (!hashes) {
      hashes = (thirdSets[set] ?? '').split(',').map(hashWord);
      thirdHashes[set] = hashes;
    }
    return hashes;
  };
  const list = (i: number): CandidateList => {
    let l = made[i];
    if (!l) {
      const record = thirds.get(i);
      l = kept(ids[i] ?? [], record === undefined ? null : new ThirdIndex(record, sublist, thirdWords));
      made[i] = l;
    }
    return l;
  };
  const setWords = table.sets.split('|');
  const setHashes: (number[] | undefined)[] = [];
  const hashesOf = (s: number): number[] => (setHashes[s] ??= (setWords[s] ?? '').split(' ').map(hashWord));
  /** Each first word's pairs as written ("word list word list/own *set list ..."), until expand() reads them. */
  const pending = new Map<FirstWord, string>();
  const singlesOf = new Map<FirstWord, CandidateList | null>();
  const expand = (entry: FirstWord): void => {
    if (entry.pairs < 0) return;
    entry.pairs = -1;
    const text = pending.get(entry) ?? '';
    pending.delete(entry);
    const singles = singlesOf.get(entry) ?? null;
    const parts = text.split(' ');
    for (let k = 0; k + 1 < parts.length; k += 2) {
      const second = parts[k] ?? '';
      const numbers = parts[k + 1] ?? '';
      const slash = numbers.indexOf('/');
      const both = list(Number(slash < 0 ? numbers : numbers.slice(0, slash)));
      const own = slash < 0 ? -1 : Number(numbers.slice(slash + 1));
      if (!all) {
        // The pair stays only if a phrase indexed by the pair itself is kept.
        const mine = own < 0 ? both.filter((c) => !singles?.includes(c)) : list(own);
        if (!mine.length) continue;
      }
      entry.bySecond ??= new Map();
      if (second.charCodeAt(0) !== 42) entry.bySecond.set(hashWord(second), both);
      else for (const h of hashesOf(Number(second.slice(1)))) entry.bySecond.set(h, both);
    }
  };
  // Native splits and the hashes the build computed: loading runs a few built-ins per first word, not a loop over
  // its letters (cold code at start-up runs in V8's interpreter).
  const byWord = new Map<number, FirstWord>();
  const records = table.words.split('|');
  const hashes = table.hashes.split(' ');
  const spelled: string[] = [];
  for (let r = 0; r < records.length; r++) {
    const record = records[r] ?? '';
    const a = record.indexOf(' ');
    const b = record.indexOf(' ', a + 1);
    const first = record.slice(a + 1, b < 0 ? record.length : b);
    const singles = first === '-' ? null : list(Number(first));
    const entry: FirstWord = {
      singles: singles?.length ? singles : null,
      bySecond: null,
      pairs: b < 0 ? -1 : r,
    };
    if (b >= 0) pending.set(entry, record.slice(b + 1));
    if (!all) {
      // With rules left out, a word is kept only if some phrase of the rules kept can start there.
      singlesOf.set(entry, singles);
      expand(entry);
    }
    if (!entry.singles && !entry.bySecond && entry.pairs < 0) continue;
    byWord.set(Number.parseInt(hashes[r] ?? '', 36), entry);
    spelled.push(record.slice(0, a));
  }
  let words: string[] | undefined;
  return {
    byWord,
    possessive: list(table.possessive),
    numeric: list(table.numeric),
    documentRules: [],
    get words() {
      words ??= spelled.flatMap((spellings) => spellings.split('/')).sort();
      return words;
    },
    expand,
  };
}

/**
 * Whether a rule runs in a mode. A follow-up question runs the request rules except the ones that look for what a
 * whole email should hold (thanks, an ask): the question is the ask, and one line needs no thanks paragraph.
 */
function appliesIn(rule: RuleData, mode: Mode): boolean {
  if (mode !== 'question') return rule.mode === mode;
  return rule.mode === 'request' && rule.document?.kind !== 'absent';
}

/** The modes rules are written for, each with its word index; a question reads with the request rules' index. */
export type TableMode = Exclude<Mode, 'question'>;
export const TABLE_MODES: readonly TableMode[] = ['feedback', 'request'];
const tableOf = (mode: Mode): TableMode => (mode === 'question' ? 'request' : mode);

/** Compiled rules and the shared context tests, with their word index per (mode, jurisdictions). */
export class RuleSet {
  readonly context: ContextTests;
  private readonly runtime: RuntimeRule[];
  private readonly cache = new Map<string, Compiled>();
  /** The last list asked for (a copy) and its answer. */
  private last: { mode: Mode; jurisdictions: readonly Jurisdiction[]; made: Compiled } | undefined;

  constructor(
    readonly rules: readonly RuleData[],
    context: ContextSources,
    private readonly tables: Record<TableMode, IndexTable>,
  ) {
    this.context = contextTests(context);
    this.runtime = rules.map(runtimeRule);
  }

  compiled(mode: Mode, jurisdictions: readonly Jurisdiction[]): Compiled {
    // Every check asks again, most often with the same list as the check before: that answer, without the key.
    const last = this.last;
    if (last && last.mode === mode && sameList(last.jurisdictions, jurisdictions)) return last.made;
    const key = `${mode}|${[...jurisdictions].sort().join(',')}`;
    const hit = this.cache.get(key);
    if (hit) {
      this.last = { mode, jurisdictions: [...jurisdictions], made: hit };
      return hit;
    }
    const chosen = this.runtime.filter(
      (r) => appliesIn(r.data, mode) && r.data.jurisdictions.some((j) => jurisdictions.includes(j)),
    );
    const table = tableOf(mode);
    const all = chosen.length === this.runtime.filter((r) => r.data.mode === table).length;
    const candidates: (Candidate | undefined)[] = [];
    for (const rule of this.runtime) {
      const kept = chosen.includes(rule);
      for (const source of rule.data.patterns)
        candidates.push(kept ? new Candidate(source, rule) : undefined);
    }
    const made = fromTable(this.tables[table], candidates, all);
    made.documentRules = chosen.filter((r) => r.data.document);
    this.cache.set(key, made);
    this.last = { mode, jurisdictions: [...jurisdictions], made };
    return made;
  }
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
