// The body as text, and each of its sentences with the evidence it came from (shown to the reviewer, never to the
// candidate). Pure.

import { splitSentences } from '../text';
import { key } from './aggregate';
import type { ComposedSentence, EvidenceLink, Paragraph, Segment } from './types';

export function render(paragraphs: Paragraph[]): {
  body: string;
  spans: { start: number; end: number; segment: Segment }[];
} {
  let body = '';
  const spans: { start: number; end: number; segment: Segment }[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) body += '\n\n';
    if (p.heading) body += `${p.heading}\n`;
    p.segments.forEach((segment, j) => {
      if (j > 0) body += p.join;
      const start = body.length;
      body += segment.text;
      spans.push({ start, end: body.length, segment });
    });
  });
  return { body, spans };
}

export function sentencesOf(
  body: string,
  spans: { start: number; end: number; segment: Segment }[],
): ComposedSentence[] {
  // Both are in order of position and neither overlaps itself: the spans a sentence overlaps are the run from the
  // first that ends after the sentence starts.
  let first = 0;
  return splitSentences(body).map((s) => {
    const evidence: EvidenceLink[] = [];
    // Most sentences are the letter's own, with no evidence: no set for them.
    let seen: Set<string> | undefined;
    while (first < spans.length && (spans[first] as (typeof spans)[number]).end <= s.start) first++;
    for (let i = first; i < spans.length; i++) {
      const span = spans[i] as (typeof spans)[number];
      if (span.start >= s.end) break;
      if (span.end <= s.start) continue;
      for (const link of span.segment.evidence) {
        const k = key(link.scorecardId, link.criterionId);
        if (seen?.has(k)) continue;
        seen ??= new Set();
        seen.add(k);
        evidence.push({ ...link });
      }
    }
    return { text: s.text, start: s.start, end: s.end, evidence };
  });
}
