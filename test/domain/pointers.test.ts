import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';
import { POINTER_RULES, pointerFor } from '../../src/domain';

describe('pointerFor', () => {
  it.each([
    ['Attention to detail', null, 'attention-to-detail'],
    ['Written communication', null, 'written-communication'],
    ['Communication', 'Explains ideas to non-engineers', 'verbal-communication'],
    ['System design', null, 'system-design'],
    ['Testing', null, 'testing'],
    ['Stakeholder management', null, 'stakeholder-management'],
    ['Leadership', null, 'leadership'],
    ['Problem solving', null, 'problem-solving'],
    ['Coding', null, 'coding'],
    ['Domain knowledge', null, 'domain-knowledge'],
    ['Nursing registration', 'A current licence to practise', 'qualification'],
    ['Craft', 'Writes idiomatic code', 'coding'],
    ['SQL', 'Writes correct queries over large tables', 'data-and-sql'],
  ])('%s -> %s', (name, description, id) => {
    expect(pointerFor(name, description).ruleId).toBe(id);
  });

  it('names the tool for "experience with X", keeping its spelling', () => {
    const p = pointerFor('Experience with Kubernetes', null);
    expect(p.ruleId).toBe('experience-with');
    expect(p.text).toContain('hands-on experience with Kubernetes');
  });

  it('falls back to a pointer that names the criterion and its requirement', () => {
    const p = pointerFor('Negotiation', 'Agrees terms with carriers');
    expect(p.ruleId).toBe('generic');
    expect(p.text).toContain('negotiation');
    expect(p.text).toContain('agrees terms with carriers');
  });

  it('are concrete actions, never personality, and draw no checker finding', () => {
    const texts = [
      ...POINTER_RULES.map((r) => r.pointer('Terraform')),
      pointerFor('Negotiation', 'Agrees terms with carriers').text,
    ];
    for (const t of texts) {
      expect(check(`To prepare for a similar role, ${t}.`)).toEqual([]);
      expect(t).toMatch(/^(practise|prepare|write|check|study|build|look)\b/);
      expect(t).not.toMatch(/\b(personality|attitude|confiden|energy|culture|fit)\b/i);
    }
  });
});
