// The checker's own rules, compiled from the repository's YAML and lexicons as the build compiles them
// (scripts/compile-rules.ts), for tests that need the compiled form rather than the generated module.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { compileRules, lexiconMacros, parseYamlFiles } from '../../src/checker/compile';

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const rulesDir = join(repoRoot, 'src/checker/rules');
const lexiconDir = join(repoRoot, 'src/checker/lexicons');
const filesIn = (dir: string, ext: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(ext))
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }));

/** The rule context (context.yaml), the rule files and the lexicon macros, each parsed. */
export function repoRuleSources() {
  return {
    context: parse(readFileSync(join(rulesDir, 'context.yaml'), 'utf8')),
    files: parseYamlFiles(filesIn(rulesDir, '.yaml').filter((f) => f.name !== 'context.yaml')),
    lexicons: lexiconMacros(filesIn(lexiconDir, '.txt')),
  };
}

/** The repository's rules, compiled. */
export function compileRepoRules() {
  const { context, files, lexicons } = repoRuleSources();
  return compileRules(context, files, lexicons);
}
