import { describe, expect, it } from 'vitest';
import { composeFeedback } from '../../src/domain';
import { draftSections } from '../../src/domain/draft-sections';
import { CRITERIA, FINAL, INTERVIEW, input, SCREEN } from './fixtures';

const ALL = [SCREEN, INTERVIEW, FINAL];

function composed() {
  const out = composeFeedback(input({ scorecards: ALL }));
  return {
    out,
    sections: draftSections({ body: out.body, sentences: out.sentences, outline: out.sections }),
  };
}

describe('draftSections', () => {
  it('lays a composed letter out as opening, strength, one section per gap and closing, covering the text', () => {
    const { out, sections } = composed();
    expect(sections.map((s) => s.kind)).toEqual(['opening', 'strength', 'gap', 'gap', 'gap', 'closing']);
    expect(sections.filter((s) => s.kind === 'gap').map((s) => s.criterionId)).toEqual([
      'detail',
      'design',
      'testing',
    ]);
    expect(sections.filter((s) => s.kind === 'gap').map((s) => s.heading)).toEqual([
      'Attention to detail',
      'System design',
      'Testing',
    ]);
    for (const s of sections) expect(out.body.slice(s.start, s.end)).toBe(s.text);
    expect(sections[0]?.text).toMatch(/^Dear Sam,/);
    expect(sections.at(-1)?.text).toContain(out.sections.closing);
    expect(sections.at(-1)?.text).toContain(out.sections.signOff.at(-1));
    // Nothing of the letter is lost between sections but the blank lines.
    expect(sections.map((s) => s.text).join('\n\n')).toBe(out.body);
  });

  it('puts beside each gap the evidence of that criterion only, and the pointer it came from', () => {
    const { out, sections } = composed();
    for (const s of sections.filter((x) => x.kind === 'gap')) {
      expect(s.evidence.length).toBeGreaterThan(0);
      expect(s.evidence.every((e) => e.criterionId === s.criterionId)).toBe(true);
      expect(s.pointer).toBe(out.sections.gaps.find((g) => g.criterionId === s.criterionId)?.pointer);
    }
    const design = sections.find((s) => s.criterionId === 'design');
    expect(design?.evidence.map((e) => e.excerpt).join(' ')).toMatch(/queue would scale|worker fails/);
    const strength = sections.find((s) => s.kind === 'strength');
    expect(strength?.criterionId).toBe('writing');
    expect(sections.find((s) => s.kind === 'opening')?.evidence).toEqual([]);
  });

  it('keeps the sections of an edited letter by its headings; edited sentences lose their evidence', () => {
    const { out } = composed();
    const design = out.sections.gaps.find((g) => g.criterionId === 'design');
    const saw = design?.saw[0] ?? '';
    expect(saw).not.toBe('');
    const edited = out.body
      .replace(saw, 'We would have liked to hear more about scaling.')
      .replace(out.sections.closing, `A word from the team.\n\n${out.sections.closing}`);
    const sections = draftSections({ body: edited, sentences: out.sentences, outline: out.sections });
    expect(sections.map((s) => s.kind)).toEqual(['opening', 'strength', 'gap', 'gap', 'gap', 'closing']);
    const gap = sections.find((s) => s.criterionId === 'design');
    expect(gap?.text).toContain('We would have liked to hear more about scaling.');
    expect(gap?.evidence.some((e) => saw.includes(e.excerpt.slice(0, 10)))).toBe(false);
    // The paragraph added before the closing stays with the last gap; the closing starts at its own sentence.
    expect(sections.find((s) => s.criterionId === 'testing')?.text).toContain('A word from the team.');
    expect(sections.at(-1)?.text.startsWith(out.sections.closing)).toBe(true);
  });

  it('matches a heading to a criterion without an outline, and names a heading no criterion has', () => {
    const body =
      'Dear Sam,\n\nThank you for interviewing.\n\nSystem design\nThe role needs strong system design.\n\n' +
      'A note on timing\nWe took longer than we said.\n\nKind regards,\nThe Acme hiring team';
    const sections = draftSections({ body, criteria: CRITERIA });
    expect(sections.map((s) => [s.kind, s.criterionId, s.heading])).toEqual([
      ['opening', null, null],
      ['gap', 'design', 'System design'],
      ['other', null, 'A note on timing'],
      ['closing', null, null],
    ]);
    expect(sections[1]?.pointer).toBeNull();
  });

  it('shows a letter with no heading left as one block with all its evidence', () => {
    const { out } = composed();
    const flat = out.body.replace(
      /\n\n(?:What went well|Attention to detail|System design|Testing)\n/g,
      '\n\n',
    );
    const sections = draftSections({ body: flat, sentences: out.sentences, outline: out.sections });
    expect(sections).toHaveLength(1);
    expect(sections[0]?.kind).toBe('letter');
    expect(sections[0]?.text).toBe(flat.trim());
    expect(new Set(sections[0]?.evidence.map((e) => e.criterionId))).toEqual(
      new Set(['detail', 'design', 'testing', 'writing']),
    );
  });

  it("a screen's short letter is one block; an empty text has no sections", () => {
    const out = composeFeedback(input({ scorecards: [SCREEN] }));
    const sections = draftSections({ body: out.body, sentences: out.sentences, outline: out.sections });
    expect(sections.map((s) => s.kind)).toEqual(['letter']);
    expect(draftSections({ body: '  \n\n ' })).toEqual([]);
  });
});

describe("the organization's own pointer", () => {
  const own = (practise: string) => CRITERIA.map((c) => (c.id === 'design' ? { ...c, practise } : c));

  it('replaces the library pointer for that gap only, reading on after "To practise,"', () => {
    const out = composeFeedback(
      input({
        scorecards: ALL,
        criteria: own('Work through the capacity planning chapter of our engineering handbook.'),
      }),
    );
    const design = out.sections.gaps.find((g) => g.criterionId === 'design');
    expect(design?.pointer).toBe('organization');
    expect(design?.practise).toBe(
      'To practise, work through the capacity planning chapter of our engineering handbook.',
    );
    expect(out.body).toContain(design?.practise);
    expect(out.sections.gaps.filter((g) => g.pointer === 'organization')).toHaveLength(1);
    const sections = draftSections({ body: out.body, sentences: out.sentences, outline: out.sections });
    expect(sections.find((s) => s.criterionId === 'design')?.pointer).toBe('organization');
  });

  it('keeps a pointer that opens with a name as written, and a screen gets its first sentence', () => {
    const detailed = composeFeedback(
      input({ scorecards: ALL, criteria: own('Acme Academy runs a free course on queues. It takes a week') }),
    );
    expect(detailed.body).toContain(
      'To practise: Acme Academy runs a free course on queues. It takes a week.',
    );
    const screen = composeFeedback(
      input({
        scorecards: [
          { ...SCREEN, ratings: [{ criterionId: 'design', rating: 1, evidence: 'Could not sketch it.' }] },
        ],
        criteria: own('Read our design primer. Then sketch one service.'),
      }),
    );
    expect(screen.body).toContain(
      'The main gap was system design; before you apply again, read our design primer.',
    );
    expect(screen.body).not.toContain('sketch one service');
  });
});

describe('outlineWithout', () => {
  it("drops the links to one rating's evidence from the strength and the gaps, and nothing else", async () => {
    const { outlineWithout } = await import('../../src/domain/draft-sections');
    const out = composeFeedback(input({ scorecards: ALL }));
    const count = (o: typeof out.sections) =>
      [...(o.strength?.evidence ?? []), ...o.gaps.flatMap((g) => g.evidence)].length;
    const r = outlineWithout(out.sections, INTERVIEW.id, 'design');
    expect(r.removed).toBe(1);
    expect(count(r.outline)).toBe(count(out.sections) - 1);
    expect(r.outline.gaps.find((g) => g.criterionId === 'design')?.saw).toEqual(
      out.sections.gaps.find((g) => g.criterionId === 'design')?.saw,
    );
    expect(outlineWithout(out.sections, 'nobody', 'design')).toEqual({ outline: out.sections, removed: 0 });
  });
});
