// Compiles the checker's rules (src/checker/rules/*.yaml) into src/checker/rules.generated.ts and validates them.
// Fails the build, naming the file and rule, when a rule is malformed: unknown keys, missing fields, a category that
// does not belong to its mode, an unknown severity or jurisdiction, a duplicate id or phrase, a pattern that does not
// compile or has a capturing group, or fewer than one example that must fire and one that must not.
//
// Pattern syntax (see src/checker/rules/README.md): a JavaScript regular expression, case-insensitive, matched at
// word boundaries, where a space means "one or more whitespace characters", `~` means "a space, a hyphen or
// nothing", an apostrophe also matches a curly one, and {NAME} inserts a macro from context.yaml.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import {
  JURISDICTIONS,
  MODES,
  SEVERITIES,
  SIGNAL_CATEGORY,
  CATEGORIES as VOCAB,
} from '../src/checker/vocabulary';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Arguments (for tests): [rulesDir] [outFile]; defaults are the checker's own.
const rulesDir = process.argv[2] ?? join(root, 'src/checker/rules');
const outFile = process.argv[3] ?? join(root, 'src/checker/rules.generated.ts');

const CATEGORIES: Record<string, readonly string[]> = {
  feedback: VOCAB.feedback,
  request: [...VOCAB.request, SIGNAL_CATEGORY],
};
const FILE_KEYS = new Set([
  'mode',
  'category',
  'severity',
  'jurisdictions',
  'thingCheck',
  'negationClears',
  'evidenceClears',
  'rules',
]);
const RULE_KEYS = new Set([
  'id',
  'category',
  'severity',
  'mode',
  'jurisdictions',
  'basis',
  'patterns',
  'signal',
  'document',
  'requireBefore',
  'requireAfter',
  'unlessBefore',
  'unlessAfter',
  'unlessSentence',
  'requireAfterCased',
  'thingCheck',
  'negationClears',
  'evidenceClears',
  'message',
  'suggestion',
  'examples',
]);

const errors: string[] = [];
function fail(where: string, message: string): void {
  errors.push(`${where}: ${message}`);
}

// --- macros and the shared context tests -------------------------------------------------------------------------
const contextPath = join(rulesDir, 'context.yaml');
function load(path: string): unknown {
  try {
    return parse(readFileSync(path, 'utf8'));
  } catch (e) {
    console.error(`compile-rules: ${relative(root, path)}: ${(e as Error).message}`);
    process.exit(1);
  }
}
const contextDoc = load(contextPath) as {
  macros: Record<string, string>;
  context: Record<string, string>;
};
const macros = contextDoc.macros ?? {};

// Lexicons built from data packages (scripts/build-lexicons.mjs): src/checker/lexicons/demonym.txt is {LEX_DEMONYM},
// an alternation of its entries, longest first so "south sudanese" wins over "sudanese".
const lexiconDir = join(root, 'src/checker/lexicons');
for (const file of readdirSync(lexiconDir).filter((f) => f.endsWith('.txt'))) {
  const entries = readFileSync(join(lexiconDir, file), 'utf8')
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .sort((x, y) => y.length - x.length || x.localeCompare(y));
  macros[`LEX_${file.slice(0, -4).toUpperCase()}`] = entries
    .map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
}

function expandMacros(source: string, where: string, depth = 0): string {
  if (depth > 8) {
    fail(where, 'macros nest too deeply (a macro refers to itself?)');
    return source;
  }
  return source.replace(/\{([A-Z][A-Z0-9_]*)\}/g, (_, name: string) => {
    if (!(name in macros)) {
      fail(where, `unknown macro {${name}}`);
      return '';
    }
    return `(?:${expandMacros(macros[name], where, depth + 1)})`;
  });
}

/** Space -> \s+, `~` -> optional space or hyphen, ' -> straight or curly apostrophe (outside character classes). */
function transform(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      out += c + (source[i + 1] ?? '');
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      out += c === "'" ? "'’" : c;
      continue;
    }
    if (c === '[') inClass = true;
    if (c === ' ') {
      while (source[i + 1] === ' ') i++;
      out += '\\s+';
    } else if (c === '~') out += '(?:\\s+|-)?';
    else if (c === "'") out += "['’]";
    else out += c;
  }
  return out;
}

/**
 * Notes are typed fast: a negative contraction is often written without its apostrophe ("didnt", "wasnt", "dont").
 * Every `n't` in a pattern also matches `nt`, for the trigger words and the compiled expression alike.
 */
function loosen(source: string): string {
  return source.replace(/n't\b/g, "n'?t");
}

function compilePattern(source: string, where: string, allowCaptures = false): string {
  const expanded = transform(loosen(expandMacros(source, where)));
  let re: RegExp;
  try {
    re = new RegExp(expanded, 'i');
  } catch (e) {
    fail(where, `pattern ${JSON.stringify(source)} does not compile: ${(e as Error).message}`);
    return expanded;
  }
  if (!allowCaptures) {
    const groups = new RegExp(`${expanded}|`).exec('')!.length - 1;
    if (groups > 0) fail(where, `pattern ${JSON.stringify(source)} has a capturing group; use (?:...)`);
    if (re.test('')) fail(where, `pattern ${JSON.stringify(source)} matches the empty string`);
  }
  return expanded;
}

// --- first words ------------------------------------------------------------------------------------------------
// The engine does not run one giant regular expression (V8 interprets very large ones, at about 0.1 MB/s). It walks
// the text once, hashing each word, and tries a phrase's anchored regular expression only where one of the phrase's
// possible first words occurs. This mini-parser computes those first words from the pattern source (after macro
// expansion, before the space/~/apostrophe transform). Special triggers: #poss (a word followed by 's), #digit.
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
      body += src[i++];
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
    const c = src[i];
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
      const e = src[i++];
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
      if (q === '?' || q === '*' || q === '+' || q === '{') {
        let min = q === '+' ? 1 : 0;
        if (q === '{') {
          const m = /^\{(\d+)(?:,(\d*))?\}/.exec(src.slice(i))!;
          min = Number(m[1]);
          i += m[0].length;
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
function firstWords(source: string, where: string): string[] {
  const out = new Set<string>();
  const problems = new Set<string>();
  const plain = (w: string) => w && !w.includes(WILD) && !w.includes(DIGIT);
  let steps = 0;
  const emitFirst = (prefix: string, next?: Item): boolean => {
    // Returns true when the pattern is indexed by its first word alone (a special trigger).
    if (prefix.startsWith(DIGIT)) out.add('#digit');
    else if (prefix.includes(WILD) || prefix.includes(DIGIT)) {
      if (next?.t === 'char' && next.c === 's') out.add('#poss');
      else
        problems.add('starts with a word the engine cannot index (a wildcard); give it a literal first word');
    } else return false;
    return true;
  };
  const emit = (first: string, second: string) => {
    if (!first) problems.add('can match without a first word');
    else if (second.startsWith(DIGIT)) out.add(`${first} #digit`);
    else out.add(plain(second) ? `${first} ${second}` : first);
  };
  type K = (first: string | null, prefix: string) => void;
  const walk = (items: Item[], i: number, first: string | null, prefix: string, k: K): void => {
    if (++steps > 400000) {
      problems.add('has too many possible first words');
      return;
    }
    if (i === items.length) {
      k(first, prefix);
      return;
    }
    const item = items[i];
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
  for (const p of problems) fail(where, `pattern ${JSON.stringify(source.slice(0, 80))} ${p}`);
  return [...out].sort();
}

const context: Record<string, string> = {};
for (const key of [
  'thingAfter',
  'thingBefore',
  'negationBefore',
  'evidence',
  'names',
  'nameBefore',
  'capitalNames',
]) {
  const source = contextDoc.context?.[key];
  if (typeof source !== 'string') fail('context.yaml', `context.${key} is required`);
  else context[key] = compilePattern(source, `context.yaml context.${key}`, true);
}

// --- rules -------------------------------------------------------------------------------------------------------
type Json = Record<string, unknown>;
const rules: Json[] = [];
const examples: Record<string, { fire: string[]; pass: string[] }> = {};
const ids = new Map<string, string>();
const phrases = new Map<string, string>();

const files = readdirSync(rulesDir)
  .filter((f) => f.endsWith('.yaml') && f !== 'context.yaml')
  .sort();
for (const file of files) {
  const doc = load(join(rulesDir, file)) as Json;
  for (const key of Object.keys(doc ?? {})) if (!FILE_KEYS.has(key)) fail(file, `unknown key "${key}"`);
  if (!Array.isArray(doc?.rules)) {
    fail(file, 'needs a "rules" list');
    continue;
  }
  for (const [i, raw] of (doc.rules as Json[]).entries()) {
    const r = { ...doc, ...raw } as Json;
    delete r.rules;
    const id = typeof r.id === 'string' ? r.id : `#${i + 1}`;
    const where = `${file} rule ${id}`;
    for (const key of Object.keys(raw)) if (!RULE_KEYS.has(key)) fail(where, `unknown key "${key}"`);
    if (typeof r.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(r.id)) fail(where, 'id must be kebab-case');
    if (ids.has(id)) fail(where, `duplicate id (also in ${ids.get(id)})`);
    ids.set(id, file);
    const mode = r.mode as string;
    if (!MODES.includes(mode as (typeof MODES)[number]))
      fail(where, `mode must be one of ${MODES.join(', ')}`);
    const category = r.category as string;
    if (!CATEGORIES[mode]?.includes(category)) {
      fail(where, `category "${category}" is not one of ${mode} mode's: ${CATEGORIES[mode]?.join(', ')}`);
    }
    if (!(SEVERITIES as readonly unknown[]).includes(r.severity))
      fail(where, `severity must be one of ${SEVERITIES.join(', ')}`);
    const jur = r.jurisdictions as unknown;
    if (
      !Array.isArray(jur) ||
      jur.length === 0 ||
      jur.some((j) => !(JURISDICTIONS as readonly unknown[]).includes(j))
    ) {
      fail(where, `jurisdictions must be a non-empty list of ${JURISDICTIONS.join(', ')}`);
    }
    const isSignal = typeof r.signal === 'string';
    const doc2 = r.document as Json | undefined;
    for (const key of ['basis', 'message', 'suggestion']) {
      if (!isSignal && (typeof r[key] !== 'string' || !(r[key] as string).trim()))
        fail(where, `"${key}" is required`);
    }
    const patterns = (r.patterns ?? []) as unknown[];
    if (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string')) {
      fail(where, '"patterns" must be a list of strings');
    }
    if (doc2) {
      const ok =
        (doc2.kind === 'absent' && typeof doc2.signal === 'string') ||
        (doc2.kind === 'maxWords' && Number.isInteger(doc2.limit));
      if (!ok) fail(where, 'document must be {kind: absent, signal} or {kind: maxWords, limit}');
      if (patterns.length) fail(where, 'a document rule has no patterns');
    } else if (!patterns.length) fail(where, 'needs at least one pattern');
    const compiled = patterns.map((p) => compilePattern(String(p), where));
    const triggers = patterns.map((p) => firstWords(loosen(expandMacros(String(p), where)), where));
    for (const p of compiled) {
      const key = p.toLowerCase();
      if (phrases.has(key))
        fail(where, `duplicate pattern ${JSON.stringify(p)} (also in ${phrases.get(key)})`);
      phrases.set(key, id);
    }
    const ex = (r.examples ?? {}) as Json;
    const fire = ex.fire as unknown;
    const pass = ex.pass as unknown;
    const strings = (v: unknown) => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
    if (!strings(fire)) fail(where, 'examples.fire needs at least one text that must produce this finding');
    if (!strings(pass)) fail(where, 'examples.pass needs at least one text that must not produce it');
    examples[id] = { fire: (fire as string[]) ?? [], pass: (pass as string[]) ?? [] };
    const ctx: Json = {};
    for (const key of ['requireBefore', 'requireAfter', 'unlessBefore', 'unlessAfter', 'unlessSentence']) {
      if (r[key] !== undefined) ctx[key] = compilePattern(String(r[key]), `${where} ${key}`, true);
    }
    // Case-sensitive, so it can tell a capitalised name ("than Lee") from a word ("than last year").
    if (r.requireAfterCased !== undefined) {
      const source = String(r.requireAfterCased);
      try {
        new RegExp(source);
        ctx.requireAfterCased = source;
      } catch (e) {
        fail(where, `requireAfterCased does not compile: ${(e as Error).message}`);
      }
    }
    if (!isSignal && category === 'protected' && r.negationClears === true) {
      fail(where, 'negation never clears a protected characteristic: it still puts it on the record');
    }
    if (/\{[a-z]+\}/.test(String(r.message ?? '').replace(/\{text\}|\{words\}/g, ''))) {
      fail(where, 'message may only use the {text} and {words} placeholders');
    }
    rules.push({
      id,
      category,
      severity: r.severity,
      mode,
      jurisdictions: jur,
      basis: r.basis ?? '',
      patterns: compiled,
      triggers,
      ...(isSignal ? { signal: r.signal } : {}),
      ...(doc2 ? { document: doc2 } : {}),
      ...ctx,
      thingCheck: r.thingCheck ?? true,
      negationClears: r.negationClears ?? false,
      evidenceClears: r.evidenceClears ?? false,
      message: typeof r.message === 'string' ? r.message.trim().replace(/\s+/g, ' ') : '',
      suggestion: typeof r.suggestion === 'string' ? r.suggestion.trim().replace(/\s+/g, ' ') : '',
    });
  }
}

for (const rule of rules) {
  const d = rule.document as { kind: string; signal?: string } | undefined;
  if (d?.kind === 'absent' && !rules.some((r) => r.signal === d.signal && r.mode === rule.mode)) {
    fail(`rule ${rule.id}`, `no signal rule provides "${d.signal}"`);
  }
}

if (errors.length) {
  console.error(`compile-rules: ${errors.length} problem(s) in ${relative(root, rulesDir)}:`);
  for (const e of errors) console.error(`  - ${e}`);
  process.exit(1);
}

const body = `// Generated by scripts/compile-rules.ts from src/checker/rules/*.yaml. Do not edit; run \`npm run build:rules\`.
import type { RuleData, RuleExamples } from './types';

export const CONTEXT: Record<'thingAfter' | 'thingBefore' | 'negationBefore' | 'evidence' | 'names' | 'nameBefore' | 'capitalNames', string> = ${JSON.stringify(context, null, 2)};

export const RULES: RuleData[] = ${JSON.stringify(rules, null, 2)};

export const RULE_EXAMPLES: Record<string, RuleExamples> = ${JSON.stringify(examples, null, 2)};
`;
let previous = '';
try {
  previous = readFileSync(outFile, 'utf8');
} catch {}
if (previous !== body) writeFileSync(outFile, body);
const patternCount = rules.reduce((n, r) => n + (r.patterns as string[]).length, 0);
console.log(`compile-rules: ${rules.length} rules, ${patternCount} patterns -> ${relative(root, outFile)}`);
