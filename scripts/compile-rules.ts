// `npm run build:rules`: compiles the checker's rules (src/checker/rules/*.yaml) into src/checker/rules.generated.ts
// and the improvement themes' vocabulary (src/domain/themes/*.yaml) into src/domain/themes/vocabulary.generated.ts.
// The compilers are pure (src/checker/compile, src/domain/themes/compile.ts: see there for what fails the build);
// this command only reads and writes files. Arguments (for tests): [rulesDir] [outFile]; defaults are the checker's.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildRulesModule, describeProblem, RuleCompileError } from '../src/checker/compile';
import { buildThemesModule } from '../src/domain/themes/compile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = process.argv[2] ?? join(root, 'src/checker/rules');
const outFile = process.argv[3] ?? join(root, 'src/checker/rules.generated.ts');
const themesDir = join(root, 'src/domain/themes');
const lexiconDir = join(root, 'src/checker/lexicons');
const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

/** Writes only when the text changed, so a watcher sees no change for an unchanged rule set. */
function writeIfChanged(file: string, text: string): void {
  let previous = '';
  try {
    previous = readFileSync(file, 'utf8');
  } catch {}
  if (previous !== text) writeFileSync(file, text);
}

try {
  const names = readdirSync(rulesDir).filter((f) => f.endsWith('.yaml'));
  const rules = buildRulesModule(
    names.map((name) => ({ name, text: read(rulesDir, name) })),
    readdirSync(lexiconDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((name) => ({ name, text: read(lexiconDir, name) })),
  );
  const themes = buildThemesModule(
    read(themesDir, 'themes.yaml'),
    read(themesDir, 'roles.yaml'),
    read(themesDir, 'cues.yaml'),
    existsSync(join(themesDir, 'lexicon.txt')) ? read(themesDir, 'lexicon.txt') : '',
  );
  writeIfChanged(outFile, rules.text);
  writeIfChanged(join(themesDir, 'vocabulary.generated.ts'), themes.text);
  const patterns = rules.compiled.rules.reduce((n, r) => n + r.patterns.length, 0);
  console.log(
    `compile-rules: ${rules.compiled.rules.length} rules, ${patterns} patterns -> ${relative(root, outFile)}`,
  );
  console.log(
    `compile-rules: ${themes.compiled.themes.length} themes -> src/domain/themes/vocabulary.generated.ts`,
  );
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  console.error(`compile-rules: ${e.problems.length} problem(s):`);
  for (const p of e.problems) console.error(`  - ${describeProblem(p)}`);
  process.exit(1);
}
