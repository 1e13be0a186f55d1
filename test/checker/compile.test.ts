// The rule compiler, in process: valid rule data compiles to the engine's rules; malformed data is a
// RuleCompileError whose problems name the file, the rule and the field.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  type CompileProblem,
  compileRules,
  parseYamlFiles,
  RuleCompileError,
  renderRulesModule,
} from '../../src/checker/compile';
import { compileRepoRules } from '../support/rules';
import { examples, header, rule } from './compile-fixtures';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const context = parse(readFileSync(join(root, 'src/checker/rules/context.yaml'), 'utf8'));

function compile(yaml: string) {
  return compileRules(context, parseYamlFiles([{ name: 'test.yaml', text: yaml }]));
}

function problemsOf(yaml: string): CompileProblem[] {
  try {
    compile(yaml);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleCompileError);
    return (e as RuleCompileError).problems;
  }
  throw new Error('expected a RuleCompileError');
}

describe('compileRules', () => {
  it('compiles valid rules, with their first words and examples', () => {
    const out = compile(header + rule('a', examples));
    expect(out.rules).toHaveLength(1);
    expect(out.rules[0]).toMatchObject({ id: 'a', patterns: ['too\\s+old'], triggers: [['too old']] });
    expect(out.examples.a).toEqual({ fire: ['Too old.'], pass: ['The library is old.'] });
    expect(renderRulesModule(out)).toContain('export const RULES: RuleData[] = [');
  });

  it.each([
    [
      'a pattern that does not compile',
      rule('a', examples).replace('"too old"', '"too (old"'),
      'patterns',
      /does not compile/,
    ],
    [
      'a capturing group',
      rule('a', examples).replace('"too old"', '"(too) old"'),
      'patterns',
      /capturing group/,
    ],
    [
      'a wildcard first word',
      rule('a', examples).replace('"too old"', '"\\\\w+ old"'),
      'patterns',
      /first word/,
    ],
    [
      'an unknown macro',
      rule('a', examples).replace('"too old"', '"too {NOPE}"'),
      'patterns',
      /unknown macro/,
    ],
    ['missing examples', rule('a'), 'examples.fire', /examples\.fire needs at least one/],
    [
      'a must-fire example that does not fire',
      rule('a', examples.replace('"Too old."', '"Too young."')),
      'examples.fire',
      /"Too young\." does not fire/,
    ],
    [
      'a must-not example that fires',
      rule('a', examples.replace('"The library is old."', '"She is too old."')),
      'examples.pass',
      /"She is too old\." fires \(a on "too old"\)/,
    ],
    [
      'negation clearing a protected rule',
      rule('a', `${examples}\n    negationClears: true`),
      'negationClears',
      /negation/,
    ],
    ['an unknown key', rule('a', `${examples}\n    colour: red`), 'colour', /unknown key "colour"/],
    [
      'a bad message placeholder',
      rule('a', examples).replace('"Age."', '"Age {name}."'),
      'message',
      /placeholders/,
    ],
  ])('refuses %s, naming the rule and the field', (_, rules, field, message) => {
    const problems = problemsOf(header + rules);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'test.yaml', rule: 'a', field }));
    expect(problems.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('refuses a duplicate id', () => {
    const problems = problemsOf(header + rule('a', examples) + rule('a', examples));
    expect(problems).toContainEqual({
      file: 'test.yaml',
      rule: 'a',
      field: 'id',
      message: 'duplicate id (also in test.yaml)',
    });
  });

  it.each([
    ['an unknown category', header.replace('protected', 'rude'), 'category', /category "rude"/],
    ['an unknown jurisdiction', header.replace('[us]', '[fr]'), 'jurisdictions', /jurisdictions must be/],
    ['a bad severity', header.replace('block', 'fatal'), 'severity', /severity must be/],
  ])('refuses %s from the file header', (_, head, field, message) => {
    const problems = problemsOf(head + rule('a', examples));
    expect(problems.find((p) => p.field === field)).toMatchObject({
      rule: 'a',
      message: expect.stringMatching(message),
    });
  });

  it('refuses a document rule whose signal no rule provides', () => {
    const yaml = `mode: request\ncategory: missing-thanks\nseverity: warn\njurisdictions: [us]\nrules:
  - id: no-thanks
    document: { kind: absent, signal: thanks }
    basis: "Research on tone."
    message: "No thanks."
    suggestion: "Thank the interviewers for their time."
    examples: { fire: ["Send me feedback."], pass: ["Thank you."] }`;
    expect(problemsOf(yaml)).toContainEqual(
      expect.objectContaining({
        rule: 'no-thanks',
        field: 'document',
        message: 'no signal rule provides "thanks"',
      }),
    );
  });

  it('names the file of YAML that does not parse', () => {
    try {
      parseYamlFiles([{ name: 'broken.yaml', text: 'rules: [' }]);
      throw new Error('expected a RuleCompileError');
    } catch (e) {
      expect(e).toBeInstanceOf(RuleCompileError);
      expect((e as RuleCompileError).problems[0]?.file).toBe('broken.yaml');
    }
  });

  it('compiles the checker’s own rules to the module the build wrote', () => {
    expect(renderRulesModule(compileRepoRules())).toBe(
      readFileSync(join(root, 'src/checker/rules.generated.ts'), 'utf8'),
    );
  });
});
