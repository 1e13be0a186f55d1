// Compiles the improvement themes' vocabulary (themes.yaml, cues.yaml, roles.yaml) into vocabulary.generated.ts, run
// by `npm run build:rules` beside the checker's rules, and validates it: unknown keys, missing fields, duplicate ids,
// a phrase or cue that does not compile, captures or matches nothing, a role family naming an unknown theme or one
// about the past role, fewer than one example that must name the theme and one that must not, or an example that
// does not behave. Pure: no I/O.

import { parseYamlFiles } from '../../checker/compile';
import { type CompileProblem, Problems } from '../../checker/compile/errors';
import { compileCues } from './compile-cues';
import { apostrophes, themeMatcher } from './matcher';
import type { CompiledThemes, RoleFamilyData, RoleThemesData, ThemeData, ThemeExamples } from './types';
import { WORD_ENTRY } from './words';

type Json = Record<string, unknown>;
type Where = Omit<CompileProblem, 'message'>;

const THEME_KEYS = new Set([
  'id',
  'label',
  'pastRole',
  'field',
  'description',
  'suggestedActions',
  'gap',
  'topic',
  'words',
  'examples',
]);
const ROLE_KEYS = new Set(['default', 'leadTitle', 'managerTitle', 'families']);

const isRecord = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (isStrings(v) ? v : []);

/** A phrase as the theme matcher runs it: a space stands for any white space; no capturing group. */
function checkPhrase(source: string, where: Where, problems: Problems): void {
  const expanded = apostrophes(source.replace(/ /g, '\\s+'));
  try {
    const re = new RegExp(expanded, 'iu');
    const groups = (new RegExp(`${expanded}|`, 'u').exec('')?.length ?? 1) - 1;
    if (groups > 0)
      problems.add(where, `phrase ${JSON.stringify(source)} has a capturing group; use (?:...)`);
    if (re.test('')) problems.add(where, `phrase ${JSON.stringify(source)} matches the empty string`);
  } catch (e) {
    problems.add(where, `phrase ${JSON.stringify(source)} does not compile: ${(e as Error).message}`);
  }
}

function checkTitle(source: unknown, where: Where, problems: Problems): string {
  if (typeof source !== 'string' || !source) {
    problems.add(where, 'must be a regular expression');
    return '';
  }
  try {
    new RegExp(source, 'i');
  } catch (e) {
    problems.add(where, `does not compile: ${(e as Error).message}`);
  }
  return source;
}

/**
 * The themes of themes.yaml, the cues of cues.yaml and the role families of roles.yaml. Throws a RuleCompileError
 * listing every problem.
 */
/**
 * The lexicon of words WordNet relates to the themes' words (lexicon.txt, written by `npm run build:lexicons`): a
 * line "theme-id word", "#" comments.
 */
export function parseThemeLexicon(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    const l = line.trim();
    if (!l || l.startsWith('#')) continue;
    const at = l.indexOf(' ');
    const id = l.slice(0, at);
    out.set(id, [...(out.get(id) ?? []), l.slice(at + 1)]);
  }
  return out;
}

export function compileThemes(
  themesDoc: unknown,
  rolesDoc: unknown,
  cuesDoc: unknown,
  lexiconText = '',
): CompiledThemes {
  const lexicon = parseThemeLexicon(lexiconText);
  const problems = new Problems();
  const cues = compileCues(cuesDoc, problems);
  const file = 'themes.yaml';
  const list = isRecord(themesDoc) && Array.isArray(themesDoc.themes) ? (themesDoc.themes as unknown[]) : [];
  if (!list.length) problems.add({ file, field: 'themes' }, 'needs a "themes" list');
  const themes: ThemeData[] = [];
  const examples: Record<string, ThemeExamples> = {};
  const ids = new Set<string>();
  const wordOwner = new Map<string, string>();
  for (const [i, item] of list.entries()) {
    const raw = isRecord(item) ? item : {};
    const id = typeof raw.id === 'string' ? raw.id : `#${i + 1}`;
    const at = (field: string): Where => ({ file, rule: id, field });
    for (const key of Object.keys(raw))
      if (!THEME_KEYS.has(key)) problems.add(at(key), `unknown key "${key}"`);
    if (typeof raw.id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(raw.id))
      problems.add(at('id'), 'id must be kebab-case');
    if (ids.has(id)) problems.add(at('id'), 'duplicate id');
    ids.add(id);
    for (const key of ['label', 'description']) {
      if (!text(raw[key]).trim()) problems.add(at(key), `"${key}" is required`);
    }
    if (!isStrings(raw.suggestedActions) || !raw.suggestedActions.length)
      problems.add(at('suggestedActions'), 'needs at least one suggested action');
    for (const kind of ['gap', 'topic'] as const) {
      if (!isStrings(raw[kind])) problems.add(at(kind), `"${kind}" must be a list of phrases`);
      for (const source of strings(raw[kind])) checkPhrase(source, at(kind), problems);
    }
    if (!strings(raw.gap).length && !strings(raw.topic).length)
      problems.add(at('topic'), 'needs at least one gap or topic phrase');
    if (raw.words !== undefined && !isStrings(raw.words))
      problems.add(at('words'), '"words" must be a list of words');
    for (const w of strings(raw.words)) {
      if (!WORD_ENTRY.test(w))
        problems.add(at('words'), `${JSON.stringify(w)} is not one or two lower-case words`);
      else if (wordOwner.has(w))
        problems.add(at('words'), `${JSON.stringify(w)} is already a word of ${wordOwner.get(w)}`);
      else wordOwner.set(w, id);
    }
    for (const key of ['pastRole', 'field'] as const)
      if (raw[key] !== undefined && typeof raw[key] !== 'boolean')
        problems.add(at(key), `"${key}" must be true or false`);
    const ex = isRecord(raw.examples) ? raw.examples : {};
    for (const kind of ['fire', 'pass'] as const) {
      if (!isStrings(ex[kind]) || !strings(ex[kind]).length)
        problems.add(
          at(`examples.${kind}`),
          `examples.${kind} needs at least one text that must ${kind === 'fire' ? '' : 'not '}name the theme`,
        );
    }
    const gaps: ThemeExamples['gaps'] = [];
    if (ex.gaps !== undefined && !Array.isArray(ex.gaps))
      problems.add(at('examples.gaps'), 'examples.gaps must be a list of { criterion, evidence }');
    for (const g of Array.isArray(ex.gaps) ? (ex.gaps as unknown[]) : []) {
      const e = isRecord(g) ? g : {};
      if (typeof e.evidence !== 'string' || (e.criterion != null && typeof e.criterion !== 'string'))
        problems.add(at('examples.gaps'), 'each gap needs "evidence" text and may have a "criterion"');
      else
        gaps.push({ criterion: typeof e.criterion === 'string' ? e.criterion : null, evidence: e.evidence });
    }
    examples[id] = { fire: strings(ex.fire), pass: strings(ex.pass), gaps };
    themes.push({
      id,
      label: text(raw.label),
      description: text(raw.description),
      suggestedActions: strings(raw.suggestedActions),
      gap: strings(raw.gap),
      topic: strings(raw.topic),
      words: strings(raw.words),
      pastRole: raw.pastRole === true,
      field: raw.field === true,
    });
  }
  for (const [id, words] of lexicon) {
    const t = themes.find((x) => x.id === id);
    if (!t) problems.add({ file: 'lexicon.txt', rule: id, field: 'words' }, `unknown theme "${id}"`);
    for (const w of words) {
      if (!WORD_ENTRY.test(w))
        problems.add({ file: 'lexicon.txt', rule: id, field: 'words' }, `${JSON.stringify(w)} is not a word`);
      else if (t && !wordOwner.has(w)) {
        wordOwner.set(w, id);
        t.words.push(w);
      }
    }
  }
  const pastRole = new Set(themes.filter((t) => t.pastRole).map((t) => t.id));

  const rolesFile = 'roles.yaml';
  const r = isRecord(rolesDoc) ? rolesDoc : {};
  for (const key of Object.keys(r))
    if (!ROLE_KEYS.has(key)) problems.add({ file: rolesFile, field: key }, `unknown key "${key}"`);
  const knownThemes = (list: unknown, where: Where): string[] => {
    if (!isStrings(list) || !list.length) problems.add(where, 'must be a non-empty list of theme ids');
    for (const t of strings(list)) {
      if (!ids.has(t)) problems.add(where, `unknown theme "${t}"`);
      else if (pastRole.has(t)) problems.add(where, `"${t}" is about the past role, never one a role tests`);
    }
    return strings(list);
  };
  const families: RoleFamilyData[] = [];
  const familyIds = new Set<string>();
  for (const [i, item] of (Array.isArray(r.families) ? (r.families as unknown[]) : []).entries()) {
    const f = isRecord(item) ? item : {};
    const id = typeof f.id === 'string' ? f.id : `#${i + 1}`;
    const at = (field: string): Where => ({ file: rolesFile, rule: id, field });
    if (familyIds.has(id)) problems.add(at('id'), 'duplicate id');
    familyIds.add(id);
    families.push({
      id,
      title: checkTitle(f.title, at('title'), problems),
      themes: knownThemes(f.themes, at('themes')),
    });
  }
  if (!families.length) problems.add({ file: rolesFile, field: 'families' }, 'needs a "families" list');
  const roles: RoleThemesData = {
    default: knownThemes(r.default, { file: rolesFile, field: 'default' }),
    leadTitle: checkTitle(r.leadTitle, { file: rolesFile, field: 'leadTitle' }, problems),
    managerTitle: checkTitle(r.managerTitle, { file: rolesFile, field: 'managerTitle' }, problems),
    families,
  };
  problems.throwIfAny();
  const { themesOf, themeOfGap } = themeMatcher(themes, cues);
  for (const t of themes) {
    const ex = examples[t.id] ?? { fire: [], pass: [], gaps: [] };
    for (const g of ex.gaps) {
      const got = themeOfGap(g)?.theme ?? 'none';
      if (got !== t.id)
        problems.add(
          { file, rule: t.id, field: 'examples.gaps' },
          `${JSON.stringify(`${g.criterion ? `[${g.criterion}] ` : ''}${g.evidence}`)} is given ${got}`,
        );
    }
    const names = (text: string) => themesOf(text).some((m) => m.theme === t.id);
    for (const text of ex.fire)
      if (!names(text))
        problems.add(
          { file, rule: t.id, field: 'examples.fire' },
          `${JSON.stringify(text)} does not name it`,
        );
    for (const text of ex.pass)
      if (names(text))
        problems.add({ file, rule: t.id, field: 'examples.pass' }, `${JSON.stringify(text)} names it`);
  }
  problems.throwIfAny();
  return { themes, cues, roles, examples };
}

export function renderThemesModule({ themes, cues, roles, examples }: CompiledThemes): string {
  return `// Generated by scripts/compile-rules.ts from src/domain/themes/*.yaml. Do not edit; run \`npm run build:rules\`.
import type { RoleThemesData, ThemeCues, ThemeData, ThemeExamples } from './types';

export const THEME_DATA: readonly ThemeData[] = ${JSON.stringify(themes, null, 2)};

export const THEME_CUES: ThemeCues = ${JSON.stringify(cues, null, 2)};

export const ROLE_THEMES: RoleThemesData = ${JSON.stringify(roles, null, 2)};

export const THEME_EXAMPLES: Record<string, ThemeExamples> = ${JSON.stringify(examples, null, 2)};
`;
}

/** The generated module of the vocabulary in these YAML texts, and the compiled vocabulary. */
export function buildThemesModule(
  themesYaml: string,
  rolesYaml: string,
  cuesYaml: string,
  lexiconText = '',
): { text: string; compiled: CompiledThemes } {
  const [themes, roles, cues] = parseYamlFiles([
    { name: 'themes.yaml', text: themesYaml },
    { name: 'roles.yaml', text: rolesYaml },
    { name: 'cues.yaml', text: cuesYaml },
  ]);
  const compiled = compileThemes(themes?.doc, roles?.doc, cues?.doc, lexiconText);
  return { text: renderThemesModule(compiled), compiled };
}
