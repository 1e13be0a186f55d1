import { describe, expect, it } from 'vitest';
import { composeFeedback, relinkEvidence, splitSentences } from '../../src/domain';
import { FINAL, INTERVIEW, input, SCREEN } from './fixtures';

describe('splitSentences', () => {
  it('cuts at sentence ends and line breaks, with exact offsets', () => {
    const body =
      'Dear Sam,\n\nThank you. We noted it, e.g. the typos! Was it clear? Yes.\nKind regards,\nThe team';
    const spans = splitSentences(body);
    expect(spans.map((s) => s.text)).toEqual([
      'Dear Sam,',
      'Thank you.',
      'We noted it, e.g. the typos!',
      'Was it clear?',
      'Yes.',
      'Kind regards,',
      'The team',
    ]);
    for (const s of spans) expect(body.slice(s.start, s.end)).toBe(s.text);
  });

  it('does not cut after initials, decimals or a quoted ending', () => {
    const spans = splitSentences('J. Smith rated it 3.5 overall. She said “done.” Then left.');
    expect(spans.map((s) => s.text)).toEqual([
      'J. Smith rated it 3.5 overall.',
      'She said “done.”',
      'Then left.',
    ]);
  });

  it('yields nothing for blank text', () => {
    expect(splitSentences('  \n\n ')).toEqual([]);
  });
});

describe('relinkEvidence', () => {
  const draft = composeFeedback(input({ scorecards: [SCREEN, INTERVIEW, FINAL] }));
  const observed = draft.sentences.find((s) => s.text.includes('three errors'))!;

  it('keeps the links of sentences that survive an edit, at their new offsets', () => {
    const edited = `Dear Sam,\n\nA new opening line from the reviewer.\n\n${draft.body.slice(draft.sentences[1]!.start)}`;
    const relinked = relinkEvidence(edited, draft.sentences);
    const moved = relinked.find((s) => s.text === observed.text)!;
    expect(moved.evidence).toEqual(observed.evidence);
    expect(moved.start).not.toBe(observed.start);
    expect(edited.slice(moved.start, moved.end)).toBe(moved.text);
    expect(relinked.find((s) => s.text.startsWith('A new opening'))!.evidence).toEqual([]);
    expect(relinked.filter((s) => s.evidence.length).length).toBe(
      draft.sentences.filter((s) => s.evidence.length).length,
    );
  });

  it('drops the links of a rewritten sentence', () => {
    const edited = draft.body.replace(
      observed.text,
      'In the interview, the data exercise had three errors you did not catch.',
    );
    const relinked = relinkEvidence(edited, draft.sentences);
    expect(relinked.find((s) => s.text.includes('three errors'))!.evidence).toEqual([]);
    const before = draft.sentences.filter((s) => s.evidence.length).length;
    expect(relinked.filter((s) => s.evidence.length).length).toBe(before - 1);
  });

  it('keeps links when only white space changed, and not for a deleted sentence', () => {
    const edited = draft.body
      .replace(observed.text, observed.text.replace(/ /g, '  '))
      .replace(/\n\n/g, '\n\n\n');
    const relinked = relinkEvidence(edited, draft.sentences);
    expect(relinked.find((s) => /three\s+errors/.test(s.text))!.evidence).toEqual(observed.evidence);
    const removed = relinkEvidence(draft.body.replace(observed.text, ''), draft.sentences);
    expect(removed.some((s) => s.text.includes('three errors'))).toBe(false);
  });

  it('returns the draft’s own sentences for an unedited body', () => {
    expect(relinkEvidence(draft.body, draft.sentences)).toEqual(draft.sentences);
  });
});
