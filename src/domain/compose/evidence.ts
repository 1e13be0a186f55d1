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
  return splitSentences(body).map((s) => {
    const evidence: EvidenceLink[] = [];
    const seen = new Set<string>();
    for (const span of spans) {
      if (span.end <= s.start || span.start >= s.end) continue;
      for (const link of span.segment.evidence) {
        const k = key(link.scorecardId, link.criterionId);
        if (seen.has(k)) continue;
        seen.add(k);
        evidence.push({ ...link });
      }
    }
    return { ...s, evidence };
  });
}
