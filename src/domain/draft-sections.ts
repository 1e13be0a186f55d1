// A letter's sections as the reviewer sees them: the opening, the strength, one section per gap (its criterion and
// the pointer's source), and the closing, each with the scorecard evidence its sentences came from. Read from the
// text as it stands, so an edited letter still falls into sections by its headings; the composer's outline (kept
// with the draft) names the criterion behind each heading and where its pointer came from. A letter with no heading
// left is one block. Pure: no I/O, browser-safe.

import type { EvidenceLink, FeedbackSections } from './compose/types';
import { paragraphHeading } from './feedback-html';

export type DraftSectionKind = 'opening' | 'strength' | 'gap' | 'other' | 'closing' | 'letter';

export interface DraftSection {
  /** 'gap' for a heading that names a criterion, 'other' for one that does not, 'letter' for a letter in one block. */
  kind: DraftSectionKind;
  /** The heading line as written; null for the opening, the closing and a letter in one block. */
  heading: string | null;
  /** The criterion a strength or a gap is about; null when no criterion matches. */
  criterionId: string | null;
  /** Where a gap's pointer came from: a skill family's id, 'organization', or null when not known. */
  pointer: string | null;
  /** body.slice(start, end) === text. */
  text: string;
  start: number;
  end: number;
  /** The evidence behind the section's sentences, each scorecard and criterion once, in the order they appear. */
  evidence: EvidenceLink[];
}

export interface DraftSentence {
  text: string;
  start: number;
  end: number;
  evidence: EvidenceLink[];
}

export interface DraftSectionsInput {
  /** The letter as it stands (saved or being edited). */
  body: string;
  /** The saved sentences and their evidence; a sentence no longer in the text brings no evidence. */
  sentences?: readonly DraftSentence[];
  /** The composer's outline, when the draft was composed with one. */
  outline?: FeedbackSections | null;
  /** The job's criteria, to match a heading when there is no outline or the outline does not name it. */
  criteria?: readonly { id: string; name: string }[];
}

interface Para {
  start: number;
  end: number;
  heading: string | null;
}

const norm = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** The paragraphs of a text (separated by blank lines), each trimmed, with its heading if it opens with one. */
function paragraphs(body: string): Para[] {
  const out: Para[] = [];
  const gap = /\n[ \t]*(?:\r?\n[ \t]*)+/g;
  let from = 0;
  const push = (start: number, end: number) => {
    const raw = body.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!text) return;
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    out.push({ start: start + lead, end: start + lead + text.length, heading: paragraphHeading(lines) });
  };
  for (let m = gap.exec(body); m; m = gap.exec(body)) {
    push(from, m.index);
    from = m.index + m[0].length;
  }
  push(from, body.length);
  return out;
}

/** Where each saved sentence now sits in the text: at its old place if unchanged, else where it is found, else gone. */
function locate(body: string, sentences: readonly DraftSentence[]) {
  const located: { at: number; evidence: EvidenceLink[] }[] = [];
  for (const s of sentences) {
    if (s.evidence.length === 0) continue;
    const at = body.slice(s.start, s.end) === s.text ? s.start : body.indexOf(s.text);
    if (at >= 0 && s.text) located.push({ at, evidence: s.evidence });
  }
  return located;
}

/** The letter in sections, each with its evidence. Never empty for a text with words in it. */
export function draftSections(input: DraftSectionsInput): DraftSection[] {
  const { body, outline } = input;
  const paras = paragraphs(body);
  if (paras.length === 0) return [];
  const located = locate(body, input.sentences ?? []);
  const section = (
    kind: DraftSectionKind,
    from: Para[],
    extra: Pick<DraftSection, 'heading' | 'criterionId' | 'pointer'>,
  ): DraftSection => {
    const start = from[0]?.start ?? 0;
    const end = from.at(-1)?.end ?? start;
    const seen = new Set<string>();
    const evidence: EvidenceLink[] = [];
    for (const s of located.filter((x) => x.at >= start && x.at < end).sort((a, b) => a.at - b.at)) {
      for (const e of s.evidence) {
        const k = `${e.scorecardId}:${e.criterionId}`;
        if (seen.has(k)) continue;
        seen.add(k);
        evidence.push(e);
      }
    }
    return { kind, text: body.slice(start, end), start, end, evidence, ...extra };
  };

  const headed = paras.map((p, i) => (p.heading === null ? -1 : i)).filter((i) => i >= 0);
  const firstHeaded = headed[0];
  const lastHeaded = headed.at(-1);
  if (firstHeaded === undefined || lastHeaded === undefined)
    return [section('letter', paras, { heading: null, criterionId: null, pointer: null })];

  // The closing starts after the last headed section: at the paragraph holding the composer's closing sentence when
  // it is still there (paragraphs the reviewer added before it stay with that section), else right after it.
  const closingKey = outline?.closing ? norm(outline.closing) : '';
  let closingFrom = lastHeaded + 1;
  if (closingKey) {
    const found = paras.findIndex(
      (p, i) => i > lastHeaded && norm(body.slice(p.start, p.end)).includes(closingKey),
    );
    if (found > 0) closingFrom = found;
  }

  const out: DraftSection[] = [];
  if (firstHeaded > 0)
    out.push(
      section('opening', paras.slice(0, firstHeaded), { heading: null, criterionId: null, pointer: null }),
    );
  for (const [n, i] of headed.entries()) {
    const next = headed[n + 1] ?? closingFrom;
    const heading = paras[i]?.heading ?? '';
    const [kind, extra] = classify(heading, input);
    out.push(section(kind, paras.slice(i, Math.max(next, i + 1)), extra));
  }
  if (closingFrom < paras.length)
    out.push(
      section('closing', paras.slice(closingFrom), { heading: null, criterionId: null, pointer: null }),
    );
  return out;
}

/** What a heading stands for: the strength, a gap of a criterion (by the outline, then by the job's criteria), or neither. */
function classify(
  heading: string,
  input: DraftSectionsInput,
): [DraftSectionKind, Pick<DraftSection, 'heading' | 'criterionId' | 'pointer'>] {
  const h = norm(heading);
  const { outline, criteria = [] } = input;
  if (h === 'what went well')
    return ['strength', { heading, criterionId: outline?.strength?.criterionId ?? null, pointer: null }];
  const gap = outline?.gaps.find((g) => norm(g.criterion) === h);
  if (gap) return ['gap', { heading, criterionId: gap.criterionId, pointer: gap.pointer }];
  const criterion = criteria.find((c) => norm(c.name) === h);
  if (criterion) return ['gap', { heading, criterionId: criterion.id, pointer: null }];
  return ['other', { heading, criterionId: null, pointer: null }];
}

/** The outline without its links to one rating's evidence (redacted by an admin): the same outline if it had none. */
export function outlineWithout(
  outline: FeedbackSections,
  scorecardId: string,
  criterionId: string,
): { outline: FeedbackSections; removed: number } {
  let removed = 0;
  const keep = (links: EvidenceLink[]) =>
    links.filter((e) => {
      const hit = e.scorecardId === scorecardId && e.criterionId === criterionId;
      if (hit) removed++;
      return !hit;
    });
  const next: FeedbackSections = {
    ...outline,
    strength: outline.strength ? { ...outline.strength, evidence: keep(outline.strength.evidence) } : null,
    gaps: outline.gaps.map((g) => ({ ...g, evidence: keep(g.evidence) })),
  };
  return { outline: removed ? next : outline, removed };
}
