// Compiles the checker's rule data (the documents of src/checker/rules/*.yaml) into the rules the engine runs, and
// validates them: unknown keys, missing fields, a category that does not belong to its mode, an unknown severity or
// jurisdiction, a duplicate id or phrase, a pattern that does not compile or has a capturing group, fewer than one
// example that must fire and one that must not, or an example that does not behave. Pure: no I/O.

import type { ContextSources } from '../suppression';
import type { RuleData, RuleExamples } from '../types';
import { JURISDICTIONS, MODES, SEVERITIES, SIGNAL_CATEGORY, CATEGORIES as VOCAB } from '../vocabulary';
import { weight } from '../words';
import { Problems } from './errors';
import { checkRuleExamples } from './examples';
import { firstWords, wordTriples } from './first-words';
import type { IndexedRule } from './index-table';
import { trieAlternation } from './lexicons';
import { compilePattern, expandMacros, loosen, transform } from './patterns';

export interface RuleFile {
  /** The file's name, e.g. "protected.yaml"; files are compiled in the order of their names. */
  name: string;
  /** The parsed YAML document. */
  doc: unknown;
}

export interface CompiledRules {
  context: ContextSources;
  /** The rules, each pattern with the words it can start with (the engine gets them as its word index). */
  rules: IndexedRule[];
  examples: Record<string, RuleExamples>;
}

/** A rule file may use its mode's categories, and signal rules (which feed a document rule) in any mode. */
const CATEGORIES: Record<string, readonly string[]> = {
  feedback: [...VOCAB.feedback, SIGNAL_CATEGORY],
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
const CONTEXT_KEYS = [
  'thingSkip',
  'thingWord',
  'thingBefore',
  'negationBefore',
  'evidence',
  'names',
  'nameBefore',
  'capitalNames',
] as const;
const CONTEXT_TESTS = [
  'requireBefore',
  'requireAfter',
  'unlessBefore',
  'unlessAfter',
  'unlessSentence',
] as const;

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The rules of the given files, with the macros and shared context tests of context.yaml (`context`). Throws a
 * RuleCompileError listing every problem.
 */
export function compileRules(
  contextDoc: unknown,
  files: readonly RuleFile[],
  lexicons: Record<string, string> = {},
): CompiledRules {
  const problems = new Problems();
  const ctxDoc = isRecord(contextDoc) ? contextDoc : {};
  const plain = { ...lexicons, ...(isRecord(ctxDoc.macros) ? ctxDoc.macros : {}) } as Record<string, string>;
  // The expressions the engine runs take each lexicon as a trie; first words and specificity are read from the plain
  // alternation, so the two forms index and order phrases alike.
  const macros = { ...plain };
  for (const name of Object.keys(lexicons))
    if (plain[name] !== undefined) macros[name] = trieAlternation(plain[name]);
  const contextSources = isRecord(ctxDoc.context) ? ctxDoc.context : {};

  const context = {} as ContextSources;
  for (const key of CONTEXT_KEYS) {
    const source = contextSources[key];
    const where = { file: 'context.yaml', field: `context.${key}` };
    if (typeof source !== 'string') problems.add(where, `context.${key} is required`);
    else context[key] = compilePattern(source, macros, where, problems, true);
  }

  const rules: IndexedRule[] = [];
  const examples: Record<string, RuleExamples> = {};
  const ids = new Map<string, string>();
  const phrases = new Map<string, string>();

  for (const { name: file, doc } of [...files].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const fileDoc = isRecord(doc) ? doc : {};
    for (const key of Object.keys(fileDoc))
      if (!FILE_KEYS.has(key)) problems.add({ file, field: key }, `unknown key "${key}"`);
    if (!Array.isArray(fileDoc.rules)) {
      problems.add({ file, field: 'rules' }, 'needs a "rules" list');
      continue;
    }
    for (const [i, item] of (fileDoc.rules as unknown[]).entries()) {
      const raw = isRecord(item) ? item : {};
      const r: Json = { ...fileDoc, ...raw };
      delete r.rules;
      const id = typeof r.id === 'string' ? r.id : `#${i + 1}`;
      const at = (field?: string) => ({ file, rule: id, ...(field ? { field } : {}) });
      for (const key of Object.keys(raw))
        if (!RULE_KEYS.has(key)) problems.add(at(key), `unknown key "${key}"`);
      if (typeof r.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(r.id))
        problems.add(at('id'), 'id must be kebab-case');
      const seenIn = ids.get(id);
      if (seenIn !== undefined) problems.add(at('id'), `duplicate id (also in ${seenIn})`);
      ids.set(id, file);
      const mode = r.mode as RuleData['mode'];
      if (!MODES.includes(mode)) problems.add(at('mode'), `mode must be one of ${MODES.join(', ')}`);
      const category = r.category as string;
      if (!CATEGORIES[mode]?.includes(category)) {
        problems.add(
          at('category'),
          `category "${category}" is not one of ${mode} mode's: ${CATEGORIES[mode]?.join(', ')}`,
        );
      }
      if (!(SEVERITIES as readonly unknown[]).includes(r.severity))
        problems.add(at('severity'), `severity must be one of ${SEVERITIES.join(', ')}`);
      const jur = r.jurisdictions as unknown;
      if (
        !Array.isArray(jur) ||
        jur.length === 0 ||
        jur.some((j) => !(JURISDICTIONS as readonly unknown[]).includes(j))
      ) {
        problems.add(
          at('jurisdictions'),
          `jurisdictions must be a non-empty list of ${JURISDICTIONS.join(', ')}`,
        );
      }
      const isSignal = typeof r.signal === 'string';
      const document = r.document as Json | undefined;
      for (const key of ['basis', 'message', 'suggestion']) {
        const value = r[key];
        if (!isSignal && (typeof value !== 'string' || !value.trim()))
          problems.add(at(key), `"${key}" is required`);
      }
      const patterns = (r.patterns ?? []) as unknown[];
      if (!Array.isArray(patterns) || patterns.some((p) => typeof p !== 'string')) {
        problems.add(at('patterns'), '"patterns" must be a list of strings');
      }
      if (document) {
        const ok =
          (document.kind === 'absent' &&
            typeof document.signal === 'string' &&
            (document.when === undefined ||
              (Array.isArray(document.when) && document.when.every((w) => typeof w === 'string')))) ||
          (document.kind === 'maxWords' && Number.isInteger(document.limit));
        if (!ok)
          problems.add(
            at('document'),
            'document must be {kind: absent, signal, when?: [signals]} or {kind: maxWords, limit}',
          );
        if (patterns.length) problems.add(at('patterns'), 'a document rule has no patterns');
      } else if (!patterns.length) problems.add(at('patterns'), 'needs at least one pattern');
      const compiled = patterns.map((p) => compilePattern(String(p), macros, at('patterns'), problems));
      const weights = patterns.map((p) =>
        weight(transform(loosen(expandMacros(String(p), plain, at('patterns'), problems)))),
      );
      const readable = patterns.map((p) => loosen(expandMacros(String(p), plain, at('patterns'), problems)));
      const triggers = readable.map((p) => firstWords(p, at('patterns'), problems));
      const thirds = readable.map(wordTriples);
      for (const p of compiled) {
        const key = p.toLowerCase();
        const owner = phrases.get(key);
        if (owner !== undefined)
          problems.add(at('patterns'), `duplicate pattern ${JSON.stringify(p)} (also in ${owner})`);
        phrases.set(key, id);
      }
      const ex = (r.examples ?? {}) as Json;
      const fire = ex.fire as unknown;
      const pass = ex.pass as unknown;
      const strings = (v: unknown): v is string[] =>
        Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string');
      if (!strings(fire))
        problems.add(
          at('examples.fire'),
          'examples.fire needs at least one text that must produce this finding',
        );
      if (!strings(pass))
        problems.add(at('examples.pass'), 'examples.pass needs at least one text that must not produce it');
      examples[id] = { fire: (fire as string[]) ?? [], pass: (pass as string[]) ?? [] };
      const ctx: Json = {};
      for (const key of CONTEXT_TESTS) {
        if (r[key] !== undefined) ctx[key] = compilePattern(String(r[key]), macros, at(key), problems, true);
      }
      // Case-sensitive, so it can tell a capitalised name ("than Lee") from a word ("than last year").
      if (r.requireAfterCased !== undefined) {
        const source = String(r.requireAfterCased);
        try {
          new RegExp(source);
          ctx.requireAfterCased = source;
        } catch (e) {
          problems.add(
            at('requireAfterCased'),
            `requireAfterCased does not compile: ${(e as Error).message}`,
          );
        }
      }
      if (!isSignal && category === 'protected' && r.negationClears === true) {
        problems.add(
          at('negationClears'),
          'negation never clears a protected characteristic: it still puts it on the record',
        );
      }
      if (/\{[a-z]+\}/.test(String(r.message ?? '').replace(/\{text\}|\{words\}/g, ''))) {
        problems.add(at('message'), 'message may only use the {text} and {words} placeholders');
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
        thirds,
        weights,
        ...(isSignal ? { signal: r.signal } : {}),
        ...(document ? { document } : {}),
        ...ctx,
        thingCheck: r.thingCheck ?? true,
        negationClears: r.negationClears ?? false,
        evidenceClears: r.evidenceClears ?? false,
        message: typeof r.message === 'string' ? r.message.trim().replace(/\s+/g, ' ') : '',
        suggestion: typeof r.suggestion === 'string' ? r.suggestion.trim().replace(/\s+/g, ' ') : '',
      } as unknown as IndexedRule);
    }
  }

  for (const rule of rules) {
    const d = rule.document;
    if (d?.kind !== 'absent') continue;
    for (const signal of [d.signal, ...(d.when ?? [])])
      if (!rules.some((r) => r.signal === signal && r.mode === rule.mode))
        problems.add(
          { file: fileOf(ids, rule.id), rule: rule.id, field: 'document' },
          `no signal rule provides "${signal}"`,
        );
  }
  problems.throwIfAny();

  const result = { context, rules, examples };
  for (const p of checkRuleExamples(result, (id) => fileOf(ids, id))) problems.add(p, p.message);
  problems.throwIfAny();
  return result;
}

function fileOf(ids: Map<string, string>, id: string): string {
  return ids.get(id) ?? '?';
}
