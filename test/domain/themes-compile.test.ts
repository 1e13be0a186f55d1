// The themes' vocabulary compiler, in process: malformed data is a RuleCompileError naming the theme and field.
import { describe, expect, it } from 'vitest';
import { RuleCompileError } from '../../src/checker/compile';
import { compileThemes } from '../../src/domain/themes/compile';

const theme = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  label: 'Testing',
  description: 'Testing your own work.',
  suggestedActions: ['Write tests alongside the code'],
  gap: ['(?:no|without) tests'],
  topic: ['test coverage'],
  examples: { fire: ['You wrote no tests.'], pass: ['Great test coverage.'] },
  ...extra,
});
const cues = (extra: Record<string, unknown> = {}) => ({
  shortfall: { words: ['no', 'missed'], endings: ["n't"] },
  noConcern: ['no concerns'],
  requirement: ['required'],
  praise: ['great'],
  negation: { words: ['not'], endings: ["n't"], between: ['seem'] },
  clauseBreaks: { marks: ['[;:]'], words: ['but'] },
  ...extra,
});
const roles = (extra: Record<string, unknown> = {}) => ({
  default: ['testing'],
  leadTitle: '\\blead\\b',
  managerTitle: '\\bmanager\\b',
  families: [{ id: 'qa', title: '\\bqa\\b', themes: ['testing'] }],
  ...extra,
});

function problems(themes: unknown[], r = roles(), c = cues()) {
  try {
    compileThemes({ themes }, r, c);
  } catch (e) {
    expect(e).toBeInstanceOf(RuleCompileError);
    return (e as RuleCompileError).problems;
  }
  throw new Error('expected a RuleCompileError');
}

describe('compileThemes', () => {
  it('compiles valid data', () => {
    const out = compileThemes({ themes: [theme('testing')] }, roles(), cues());
    expect(out.themes[0]).toMatchObject({ id: 'testing', gap: ['(?:no|without) tests'] });
    expect(out.examples.testing?.fire).toEqual(['You wrote no tests.']);
  });

  it.each([
    [
      'a phrase that does not compile',
      theme('testing', { topic: ['test (coverage'] }),
      'topic',
      /does not compile/,
    ],
    ['a capturing group', theme('testing', { gap: ['(no) tests'] }), 'gap', /capturing group/],
    ['missing examples', theme('testing', { examples: { fire: ['x'] } }), 'examples.pass', /at least one/],
    ['an unknown key', theme('testing', { weight: 3 }), 'weight', /unknown key/],
  ])('refuses %s, naming the theme and the field', (_, t, field, message) => {
    const found = problems([t]);
    expect(found.find((p) => p.field === field)).toMatchObject({ file: 'themes.yaml', rule: 'testing' });
    expect(found.find((p) => p.field === field)?.message).toMatch(message);
  });

  it.each([
    [
      'a must-name example that names nothing',
      { fire: ['You wrote many tests.'], pass: ['x'] },
      'examples.fire',
      /does not name it/,
    ],
    [
      'a must-not example that names it',
      { fire: ['You wrote no tests.'], pass: ['There were no tests.'] },
      'examples.pass',
      /names it/,
    ],
  ])('refuses %s', (_, examples, field, message) => {
    const found = problems([theme('testing', { examples })]);
    expect(found.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('merges the lexicon into the words the themes list, a word belonging to the theme that lists it', () => {
    const out = compileThemes(
      { themes: [theme('testing', { words: ['qa', 'unit test'], field: true })] },
      roles(),
      cues(),
      '# lexicon\ntesting tester\ntesting qa\n',
    );
    expect(out.themes[0]).toMatchObject({ words: ['qa', 'unit test', 'tester'], field: true });
  });

  it.each([
    ['a word in capitals', theme('testing', { words: ['QA'] }), 'words', /lower-case words/],
    ['three words', theme('testing', { words: ['unit test suite'] }), 'words', /lower-case words/],
    ['a field flag that is not a boolean', theme('testing', { field: 'yes' }), 'field', /true or false/],
    [
      'a gap example given another theme',
      theme('testing', {
        examples: {
          fire: ['You wrote no tests.'],
          pass: ['x'],
          gaps: [{ criterion: null, evidence: 'Typos.' }],
        },
      }),
      'examples.gaps',
      /is given none/,
    ],
  ])('refuses %s', (_, t, field, message) => {
    const found = problems([t]);
    expect(found.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('refuses a word two themes list', () => {
    const other = theme('qa', { words: ['qa'], examples: { fire: ['You wrote no tests.'], pass: ['x'] } });
    expect(problems([theme('testing', { words: ['qa'] }), other])).toContainEqual(
      expect.objectContaining({ rule: 'qa', field: 'words', message: '"qa" is already a word of testing' }),
    );
  });

  it('refuses a lexicon line for an unknown theme', () => {
    try {
      compileThemes({ themes: [theme('testing')] }, roles(), cues(), 'juggling ball\n');
      throw new Error('expected a RuleCompileError');
    } catch (e) {
      expect((e as RuleCompileError).problems).toContainEqual(
        expect.objectContaining({
          file: 'lexicon.txt',
          rule: 'juggling',
          message: 'unknown theme "juggling"',
        }),
      );
    }
  });

  it('refuses a duplicate id', () => {
    expect(problems([theme('testing'), theme('testing')])).toContainEqual(
      expect.objectContaining({ rule: 'testing', field: 'id', message: 'duplicate id' }),
    );
  });

  it.each([
    ['a cue that does not compile', cues({ praise: ['gre(at'] }), 'praise', /does not compile/],
    ['an empty list of cues', cues({ requirement: [] }), 'requirement', /at least one/],
    [
      'a missing list of cues',
      cues({ negation: { words: ['not'], endings: [] } }),
      'negation.between',
      /must be a list/,
    ],
    [
      'a cue that matches nothing',
      cues({ clauseBreaks: { marks: [';?'], words: ['but'] } }),
      'clauseBreaks.marks',
      /empty string/,
    ],
    ['an unknown cue', cues({ hedging: ['perhaps'] }), 'hedging', /unknown key/],
  ])('refuses %s, naming the field of cues.yaml', (_, c, field, message) => {
    const found = problems([theme('testing')], roles(), c);
    expect(found.find((p) => p.field === field)).toMatchObject({ file: 'cues.yaml' });
    expect(found.find((p) => p.field === field)?.message).toMatch(message);
  });

  it('refuses a theme about the past role in the themes a role tests', () => {
    const past = theme('role-closed', {
      pastRole: true,
      gap: ['filled internally'],
      topic: [],
      examples: { fire: ['The role was filled internally.'], pass: ['Great test coverage.'] },
    });
    const r = roles({ families: [{ id: 'qa', title: '\\bqa\\b', themes: ['testing', 'role-closed'] }] });
    expect(problems([theme('testing'), past], r)).toContainEqual(
      expect.objectContaining({
        file: 'roles.yaml',
        rule: 'qa',
        field: 'themes',
        message: expect.stringMatching(/past role/),
      }),
    );
  });

  it('refuses a role family that names an unknown theme', () => {
    const r = roles({ families: [{ id: 'qa', title: '\\bqa\\b', themes: ['testing', 'juggling'] }] });
    expect(problems([theme('testing')], r)).toContainEqual(
      expect.objectContaining({
        file: 'roles.yaml',
        rule: 'qa',
        field: 'themes',
        message: 'unknown theme "juggling"',
      }),
    );
  });
});
