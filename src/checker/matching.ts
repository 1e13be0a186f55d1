// Which phrases can start at a word. The engine does not run one giant regular expression (V8 interprets very large
// ones slowly): a rule set is indexed, once per (mode, jurisdictions) and cached, by the hashes of the words its
// phrases can start with, and by the next word where the compiler knows it. No Node APIs: the browser loads this.

import {
  type ContextSources,
  type ContextTests,
  contextTests,
  type RuntimeRule,
  runtimeRule,
} from './suppression';
import type { Jurisdiction, Mode, RuleData } from './types';
import { hashWord, weight } from './words';

/** A phrase pattern, anchored (sticky) so it is tried only at a word where it can start. */
export interface Candidate {
  id: number;
  re: RegExp;
  source: string;
  rule: RuntimeRule;
  weight: number;
}

/** The phrases that can start at one word, with one combined test that rules them all out in a single call. */
export interface CandidateList {
  any: RegExp | null;
  list: Candidate[];
}

/** What can start at one word: phrases indexed by the word alone, and phrases indexed by the word and the next. */
export interface FirstWord {
  singles: CandidateList | null;
  /** Next word's hash -> the singles and the pairs for that next word, merged, longest first. */
  bySecond: Map<number, CandidateList> | null;
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
}

export const NUMBER_HASH = hashWord('#digit');

/** Lists are shared between the words that lead to the same phrases ("she was", "he is" ...). */
function candidateList(list: Candidate[], shared: Map<string, CandidateList>): CandidateList {
  list.sort((a, b) => b.weight - a.weight || a.id - b.id);
  const key = list.map((c) => c.id).join(',');
  const hit = shared.get(key);
  if (hit) return hit;
  const any = list.length > 1 ? new RegExp(`\\b(?:${list.map((c) => c.source).join('|')})\\b`, 'iy') : null;
  const made = { any, list };
  shared.set(key, made);
  return made;
}

function index(chosen: RuntimeRule[]): Compiled {
  let nextId = 0;
  const shared = new Map<string, CandidateList>();
  const singles = new Map<number, Candidate[]>();
  const pairs = new Map<number, Map<number, Candidate[]>>();
  const possessive: Candidate[] = [];
  const numeric: Candidate[] = [];
  const words = new Set<string>();
  const add = <K>(map: Map<K, Candidate[]>, key: K, cand: Candidate) => {
    const list = map.get(key) ?? [];
    if (!list.includes(cand)) list.push(cand);
    map.set(key, list);
  };
  for (const rule of chosen) {
    rule.data.patterns.forEach((source, i) => {
      const re = new RegExp(`\\b(?:${source})\\b`, 'iy');
      const cand: Candidate = { id: nextId++, re, source: `(?:${source})`, rule, weight: weight(source) };
      for (const trigger of rule.data.triggers[i] ?? []) {
        if (trigger === '#poss') possessive.push(cand);
        else if (trigger === '#digit') numeric.push(cand);
        else {
          const [first = '', second] = trigger.split(' ');
          words.add(first);
          if (second === undefined) add(singles, hashWord(first), cand);
          else {
            const h = hashWord(first);
            let byNext = pairs.get(h);
            if (!byNext) {
              byNext = new Map();
              pairs.set(h, byNext);
            }
            add(byNext, hashWord(second), cand);
          }
        }
      }
    });
  }
  const byWord = new Map<number, FirstWord>();
  for (const h of new Set([...singles.keys(), ...pairs.keys()])) {
    const alone = singles.get(h) ?? [];
    const second = pairs.get(h);
    let bySecond: Map<number, CandidateList> | null = null;
    if (second) {
      bySecond = new Map();
      for (const [h2, list] of second)
        bySecond.set(h2, candidateList([...new Set([...alone, ...list])], shared));
    }
    byWord.set(h, { singles: alone.length ? candidateList([...alone], shared) : null, bySecond });
  }
  return {
    byWord,
    possessive: candidateList(possessive, shared),
    numeric: candidateList(numeric, shared),
    documentRules: chosen.filter((r) => r.data.document),
    words: [...words].sort(),
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

/** Compiled rules and the shared context tests, with their word index per (mode, jurisdictions). */
export class RuleSet {
  readonly context: ContextTests;
  private readonly runtime: RuntimeRule[];
  private readonly cache = new Map<string, Compiled>();

  constructor(
    readonly rules: readonly RuleData[],
    context: ContextSources,
  ) {
    this.context = contextTests(context);
    this.runtime = rules.map(runtimeRule);
  }

  compiled(mode: Mode, jurisdictions: readonly Jurisdiction[]): Compiled {
    const key = `${mode}|${[...jurisdictions].sort().join(',')}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const made = index(
      this.runtime.filter(
        (r) => appliesIn(r.data, mode) && r.data.jurisdictions.some((j) => jurisdictions.includes(j)),
      ),
    );
    this.cache.set(key, made);
    return made;
  }
}
