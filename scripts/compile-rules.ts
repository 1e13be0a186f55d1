// `npm run build:rules`: compiles the checker's rules (src/checker/rules/*.yaml) into src/checker/rules.generated.ts
// and the improvement themes' vocabulary (src/domain/themes/*.yaml) into src/domain/themes/vocabulary.generated.ts,
// validated by src/checker/compile and src/domain/themes/compile.ts (see there for what fails the build). This
// command only reads and writes files. Arguments (for tests): [rulesDir] [outFile]; defaults are the checker's own.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  compileRules,
  describeProblem,
  parseYamlFiles,
  RuleCompileError,
  renderRulesModule,
} from '../src/checker/compile';
import { compileThemes, renderThemesModule } from '../src/domain/themes/compile';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const rulesDir = process.argv[2] ?? join(root, 'src/checker/rules');
const outFile = process.argv[3] ?? join(root, 'src/checker/rules.generated.ts');
const themesDir = join(root, 'src/domain/themes');

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
  const files = parseYamlFiles(
    names.map((name) => ({ name, text: readFileSync(join(rulesDir, name), 'utf8') })),
  );
  const context = files.find((f) => f.name === 'context.yaml')?.doc;
  const compiled = compileRules(
    context,
    files.filter((f) => f.name !== 'context.yaml'),
  );
  writeIfChanged(outFile, renderRulesModule(compiled));
  const patternCount = compiled.rules.reduce((n, r) => n + r.patterns.length, 0);
  console.log(
    `compile-rules: ${compiled.rules.length} rules, ${patternCount} patterns -> ${relative(root, outFile)}`,
  );
  const [themes, roles] = parseYamlFiles(
    ['themes.yaml', 'roles.yaml'].map((name) => ({
      name,
      text: readFileSync(join(themesDir, name), 'utf8'),
    })),
  );
  const vocabulary = compileThemes(themes?.doc, roles?.doc);
  writeIfChanged(join(themesDir, 'vocabulary.generated.ts'), renderThemesModule(vocabulary));
  console.log(
    `compile-rules: ${vocabulary.themes.length} themes -> src/domain/themes/vocabulary.generated.ts`,
  );
} catch (e) {
  if (!(e instanceof RuleCompileError)) throw e;
  console.error(`compile-rules: ${e.problems.length} problem(s):`);
  for (const p of e.problems) console.error(`  - ${describeProblem(p)}`);
  process.exit(1);
}
