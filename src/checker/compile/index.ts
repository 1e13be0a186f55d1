// The rule compiler: YAML rule data in, the generated module's text out. Pure (no file system): scripts/
// compile-rules.ts reads the files and writes the result.

import { parse } from 'yaml';
import { renderRulesModule } from './emit';
import { type CompileProblem, RuleCompileError } from './errors';
import { lexiconMacros } from './lexicons';
import { type CompiledRules, compileRules, type RuleFile } from './rules';

export { renderRulesModule } from './emit';
export { type CompileProblem, describeProblem, RuleCompileError } from './errors';
export { checkRuleExamples } from './examples';
export { lexiconMacros } from './lexicons';
export { type CompiledRules, compileRules, type RuleFile } from './rules';

/** Parses YAML texts; a text that is not YAML is a RuleCompileError naming its file. */
export function parseYamlFiles(files: readonly { name: string; text: string }[]): RuleFile[] {
  const problems: CompileProblem[] = [];
  const out = files.map(({ name, text }) => {
    try {
      return { name, doc: parse(text) as unknown };
    } catch (e) {
      problems.push({ file: name, message: (e as Error).message });
      return { name, doc: undefined };
    }
  });
  if (problems.length) throw new RuleCompileError(problems);
  return out;
}

/**
 * The generated module of the rules in these YAML texts (context.yaml among them), with the lexicons' texts as
 * macros, and the compiled rules.
 */
export function buildRulesModule(
  files: readonly { name: string; text: string }[],
  lexicons: readonly { name: string; text: string }[] = [],
): {
  text: string;
  compiled: CompiledRules;
} {
  const parsed = parseYamlFiles(files);
  const context = parsed.find((f) => f.name === 'context.yaml')?.doc;
  const compiled = compileRules(
    context,
    parsed.filter((f) => f.name !== 'context.yaml'),
    lexiconMacros(lexicons),
  );
  return { text: renderRulesModule(compiled), compiled };
}
