// Every rule's own examples, run on the compiled rules: each "fire" example must produce a finding of that rule,
// each "pass" example no finding of that rule's category. For a signal rule (a thank-you, an ask), "fire" examples
// must silence the document rule it feeds and "pass" examples must not; for a signal a document rule needs (`when`),
// "fire" examples must let that rule fire and "pass" examples must not. Pure: no I/O.

import { RuleSet } from '../matching';
import { checkWith } from '../scanner';
import type { ContextSources } from '../suppression';
import type { RuleExamples } from '../types';
import type { CompileProblem } from './errors';
import { type IndexedRule, indexTables } from './index-table';

export function checkRuleExamples(
  compiled: {
    context: ContextSources;
    rules: readonly IndexedRule[];
    examples: Record<string, RuleExamples>;
  },
  fileOf: (ruleId: string) => string,
): CompileProblem[] {
  const ruleSet = new RuleSet(compiled.rules, compiled.context, indexTables(compiled.rules));
  const problems: CompileProblem[] = [];
  for (const rule of compiled.rules) {
    const examples = compiled.examples[rule.id] ?? { fire: [], pass: [] };
    const at = (field: string, message: string) =>
      problems.push({ file: fileOf(rule.id), rule: rule.id, field, message });
    const run = (text: string) => checkWith(ruleSet, text, { mode: rule.mode });
    if (rule.signal) {
      const signal = rule.signal;
      const fed = compiled.rules.find((r) => r.document?.kind === 'absent' && r.document.signal === signal);
      const gated = compiled.rules.find(
        (r) => r.document?.kind === 'absent' && r.document.when?.includes(signal),
      );
      if (!fed && gated) {
        // A condition of a document rule: with it (and no reason), the rule fires; without it, it stays quiet.
        for (const text of examples.fire)
          if (!run(text).some((f) => f.ruleId === gated.id))
            at('examples.fire', `${JSON.stringify(text)} does not let ${gated.id} fire`);
        for (const text of examples.pass)
          if (run(text).some((f) => f.ruleId === gated.id))
            at('examples.pass', `${JSON.stringify(text)} lets ${gated.id} fire`);
        continue;
      }
      if (!fed) continue;
      for (const text of examples.fire)
        if (run(text).some((f) => f.ruleId === fed.id))
          at('examples.fire', `${JSON.stringify(text)} does not give the signal "${rule.signal}"`);
      for (const text of examples.pass)
        if (!run(text).some((f) => f.ruleId === fed.id))
          at('examples.pass', `${JSON.stringify(text)} gives the signal "${rule.signal}"`);
      continue;
    }
    for (const text of examples.fire)
      if (!run(text).some((f) => f.ruleId === rule.id))
        at('examples.fire', `${JSON.stringify(text)} does not fire`);
    for (const text of examples.pass) {
      const hit = run(text).find((f) => f.category === rule.category);
      if (hit)
        at('examples.pass', `${JSON.stringify(text)} fires (${hit.ruleId} on ${JSON.stringify(hit.text)})`);
    }
  }
  return problems;
}
