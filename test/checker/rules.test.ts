// Every rule's own examples, run from the compiled rule data: each "fire" example must produce a finding of that
// rule, each "pass" example must produce no finding of that rule's category.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, listRules } from '../../src/checker';
import { RULE_EXAMPLES } from '../../src/checker/rules.generated';

const rules = listRules();

describe('rule data', () => {
  it('has rules for every required category, with unique ids', () => {
    const ids = rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    const categories = new Set(rules.map((r) => r.category));
    for (const c of [
      'protected',
      'proxy',
      'personality',
      'comparison',
      'vague',
      'defensive',
      'entitled',
      'hostile',
      'missing-thanks',
      'missing-ask',
      'too-long',
    ]) {
      expect(categories, c).toContain(c);
    }
  });

  it('blocks protected and proxy findings and warns on the rest', () => {
    for (const r of rules) {
      if (r.signal) continue;
      expect(r.severity, r.id).toBe(r.category === 'protected' || r.category === 'proxy' ? 'block' : 'warn');
    }
  });

  it('links every rule to the section of docs/ that explains it, and the section exists', () => {
    const anchors = (file: string) =>
      new Set(
        readFileSync(join(import.meta.dirname, '../..', file), 'utf8')
          .split('\n')
          .filter((line) => /^#{1,4} /.test(line))
          .map((line) =>
            line
              .replace(/^#+ /, '')
              .toLowerCase()
              .replace(/[^a-z0-9 -]/g, '')
              .replace(/ /g, '-'),
          ),
      );
    for (const r of rules) {
      if (r.signal) continue;
      const link = /(docs\/[a-z-]+\.md)#([a-z0-9-]+)/.exec(r.basis);
      expect(link, `${r.id} links to docs/`).not.toBeNull();
      expect(anchors(link![1]!), `${r.id}: ${link![0]}`).toContain(link![2]);
    }
  });

  it('cites a legal or research basis in every message', () => {
    for (const r of rules) {
      if (r.signal) continue;
      expect(r.basis.length, r.id).toBeGreaterThan(10);
      expect(r.message, r.id).toMatch(/\(|Act|Art\.|CFR|Snyder|Textio|Title|GDPR/);
      expect(r.suggestion.length, r.id).toBeGreaterThan(20);
    }
  });
});

for (const rule of rules) {
  const examples = RULE_EXAMPLES[rule.id];
  describe(`rule ${rule.id}`, () => {
    it('carries examples that must fire and examples that must not', () => {
      expect(examples.fire.length).toBeGreaterThan(0);
      expect(examples.pass.length).toBeGreaterThan(0);
    });
    if (rule.signal) {
      const signal = rule.signal;
      const ids = (text: string) => check(text, { mode: rule.mode }).map((f) => f.ruleId);
      // A signal marks something present (a thank-you, an ask); the document rule it feeds must then stay quiet.
      const fed = rules.find((r) => r.document?.kind === 'absent' && r.document.signal === signal);
      if (fed) {
        it.each(examples.fire)('is present in: %s', (text) => expect(ids(text)).not.toContain(fed.id));
        it.each(examples.pass)('is absent from: %s', (text) => expect(ids(text)).toContain(fed.id));
        return;
      }
      // Or it is a condition of one (a letter that states an outcome): without it, that rule stays quiet.
      const gated = rules.find((r) => r.document?.kind === 'absent' && r.document.when?.includes(signal))!;
      it.each(examples.fire)('is present in: %s', (text) => expect(ids(text)).toContain(gated.id));
      it.each(examples.pass)('is absent from: %s', (text) => expect(ids(text)).not.toContain(gated.id));
      return;
    }
    it.each(examples.fire)('fires on: %s', (text) => {
      const findings = check(text, { mode: rule.mode });
      expect(findings.map((f) => f.ruleId)).toContain(rule.id);
      for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    });
    it.each(examples.pass)('does not fire on: %s', (text) => {
      const findings = check(text, { mode: rule.mode });
      expect(findings.filter((f) => f.category === rule.category)).toEqual([]);
    });
  });
}
