// Compiles cues.yaml, the words that decide clause by clause whether a theme's phrase counts (for compile.ts).
// Refused: unknown keys, a missing or empty list (only word endings may be left out), an entry that does not compile,
// has a capturing group or matches the empty string. Pure: no I/O.

import type { Problems } from '../../checker/compile/errors';
import type { ThemeCues } from './types';

type Json = Record<string, unknown>;

const FILE = 'cues.yaml';
const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One cue: a regular expression as written, matched case-insensitively. */
function checkCue(source: string, field: string, problems: Problems): void {
  const where = { file: FILE, field };
  try {
    const re = new RegExp(source, 'i');
    const groups = (new RegExp(`${source}|`).exec('')?.length ?? 1) - 1;
    if (groups > 0) problems.add(where, `${JSON.stringify(source)} has a capturing group; use (?:...)`);
    if (re.test('')) problems.add(where, `${JSON.stringify(source)} matches the empty string`);
  } catch (e) {
    problems.add(where, `${JSON.stringify(source)} does not compile: ${(e as Error).message}`);
  }
}

/** A list of cues; `optional` may be left out or empty. */
function list(value: unknown, field: string, problems: Problems, optional = false): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    if (!(optional && value === undefined))
      problems.add({ file: FILE, field }, `"${field}" must be a list of regular expressions`);
    return [];
  }
  if (!value.length && !optional) problems.add({ file: FILE, field }, `"${field}" needs at least one entry`);
  for (const source of value) checkCue(source, field, problems);
  return value;
}

/** A mapping with these keys and no other (the document itself when `name` is empty). */
function mapping(value: unknown, name: string, keys: readonly string[], problems: Problems): Json {
  const field = (key: string) => (name ? `${name}.${key}` : key);
  if (!isRecord(value)) {
    problems.add({ file: FILE, ...(name ? { field: name } : {}) }, `needs ${keys.join(', ')}`);
    return {};
  }
  for (const key of Object.keys(value))
    if (!keys.includes(key)) problems.add({ file: FILE, field: field(key) }, `unknown key "${key}"`);
  return value;
}

/** The cues of cues.yaml; what is wrong is added to `problems`. */
export function compileCues(doc: unknown, problems: Problems): ThemeCues {
  const top = mapping(
    doc,
    '',
    ['shortfall', 'noConcern', 'requirement', 'praise', 'negation', 'clauseBreaks'],
    problems,
  );
  const shortfall = mapping(top.shortfall, 'shortfall', ['words', 'endings'], problems);
  const negation = mapping(top.negation, 'negation', ['words', 'endings', 'between'], problems);
  const clauseBreaks = mapping(top.clauseBreaks, 'clauseBreaks', ['marks', 'words'], problems);
  return {
    shortfall: {
      words: list(shortfall.words, 'shortfall.words', problems),
      endings: list(shortfall.endings, 'shortfall.endings', problems, true),
    },
    noConcern: list(top.noConcern, 'noConcern', problems),
    requirement: list(top.requirement, 'requirement', problems),
    praise: list(top.praise, 'praise', problems),
    negation: {
      words: list(negation.words, 'negation.words', problems),
      endings: list(negation.endings, 'negation.endings', problems, true),
      between: list(negation.between, 'negation.between', problems),
    },
    clauseBreaks: {
      marks: list(clauseBreaks.marks, 'clauseBreaks.marks', problems),
      words: list(clauseBreaks.words, 'clauseBreaks.words', problems),
    },
  };
}
