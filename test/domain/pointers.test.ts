import { describe, expect, it } from 'vitest';
import { check } from '../../src/checker';
import { GENERIC_FAMILY, POINTER_RULES, pointerFor, SKILL_FAMILIES } from '../../src/domain';

describe('pointerFor', () => {
  it.each([
    ['Attention to detail', null, 'attention-to-detail'],
    ['Written communication', null, 'writing'],
    ['Communication', 'Explains ideas to non-engineers', 'presenting'],
    ['System design', null, 'system-design'],
    ['Testing', null, 'testing'],
    ['Stakeholder management', null, 'stakeholder-work'],
    ['Leadership', null, 'leadership'],
    ['Problem solving', null, 'problem-solving'],
    ['Coding', null, 'programming'],
    ['Domain knowledge', null, 'domain-knowledge'],
    ['Nursing registration', 'A current licence to practise', 'qualification'],
    ['Craft', 'Writes idiomatic code', 'programming'],
    ['SQL', 'Writes correct queries over large tables', 'data-and-sql'],
    [
      'Statistical reasoning',
      'Chooses and explains appropriate tests; reasons about uncertainty.',
      'statistics',
    ],
    ['Medication administration', null, 'clinical-care'],
    ['Lesson planning', null, 'teaching'],
    ['Subject knowledge', 'Deep knowledge of the secondary maths curriculum', 'teaching'],
    ['Discovery calls', null, 'sales'],
    ['Negotiation', 'Agrees terms with carriers', 'sales'],
    ['Financial modelling', null, 'finance'],
    ['Budgeting and forecasting', null, 'finance'],
    ['UX research', null, 'design'],
    ['Customer service', null, 'customer-work'],
    ['Account management', null, 'customer-work'],
  ])('%s (%s) -> %s', (name, description, id) => {
    expect(pointerFor(name, description).ruleId).toBe(id);
  });

  it('names the tool for "experience with X", keeping its spelling', () => {
    const p = pointerFor('Experience with Kubernetes', null);
    expect(p.ruleId).toBe('experience-with');
    expect(p.text).toContain('with Kubernetes');
  });

  it('falls back to practice built around the criterion, by name', () => {
    const p = pointerFor('Beekeeping', 'Keeps the bees calm', 'beekeeping');
    expect(p.ruleId).toBe('generic');
    expect(p.text).toContain('beekeeping');
    expect(p.text).not.toContain('Keeps the bees calm');
  });

  it('picks the exercise for the part of the skill the criterion names, and another one the second time', () => {
    const used = new Set<string>();
    const handover = pointerFor('Handover', 'Structured handovers using SBAR', 'handover', used);
    expect(handover.text).toMatch(/SBAR/);
    const judgement = pointerFor('Clinical judgement', null, 'clinical judgement', used);
    const triage = pointerFor('Triage', null, 'triage', used);
    expect(new Set([handover.text, judgement.text, triage.text]).size).toBe(3);
    expect([judgement.ruleId, triage.ruleId]).toEqual(['clinical-care', 'clinical-care']);
  });

  it('never repeats an exercise in one letter, however many gaps share a family', () => {
    const used = new Set<string>();
    const texts = Array.from({ length: 9 }, (_, i) => pointerFor('Python', null, `Python ${i}`, used).text);
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('are concrete actions in short sentences, never personality, and draw no checker finding', () => {
    const texts = [...SKILL_FAMILIES, GENERIC_FAMILY].flatMap((f) => [
      ...f.practise.map((x) => (typeof x === 'string' ? x : x.text)),
      f.short,
      ...f.practise.flatMap((x) => (typeof x === 'string' ? [] : [x.short])),
    ]);
    for (const raw of texts) {
      const t = raw.replaceAll('{x}', 'Terraform').replaceAll('{name}', 'negotiation');
      expect(check(`To practise, ${t}`)).toEqual([]);
      expect(t).not.toMatch(/\b(personality|attitude|confiden|energy|culture|fit)\b/i);
      for (const sentence of t.split(/(?<=\.) /)) expect(sentence.split(' ').length).toBeLessThanOrEqual(32);
    }
    for (const f of SKILL_FAMILIES)
      for (const x of f.practise) expect(typeof x === 'string' ? x : x.text, f.id).toMatch(f.marks);
    expect(POINTER_RULES.map((r) => r.id)).toEqual(SKILL_FAMILIES.map((f) => f.id));
  });
});
