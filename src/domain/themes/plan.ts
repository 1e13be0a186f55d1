// The improvement plan's themes: every piece of feedback a candidate has (Debrief feedback, feedback they logged, the
// reasons they noted) read as gaps, each gap given one theme from what fell short (its criterion and what was
// observed, never the employer's advice), merged across sources and ranked by how many rejections name it. Pure and
// deterministic: no I/O, no clock; browser-safe.

import { splitSentences } from '../text';
import { findTheme } from './catalogue';
import { themeOfGap, themesOf } from './match';

/** A Debrief feedback sentence with the evidence it quotes (the composer's links), as stored with the feedback. */
export interface LinkedSentence {
  start: number;
  end: number;
  evidence: readonly unknown[];
}

/** One gap read from a piece of feedback: the theme, the criterion it was assessed against, what was observed. */
export interface FeedbackGap {
  theme: string;
  criterion: string | null;
  /** What was observed, as written (never the criterion's description or advice); null when nothing was quoted. */
  evidence: string | null;
}

/** Sentences that give advice rather than say what fell short: the composer's pointer, tips, recommendations. */
const ADVICE =
  /^(?:to prepare for a similar role\b|to practise\b|to practice\b|(?:our |a )?(?:tip|advice|suggestion)s?\s*:|we (?:would )?(?:recommend|suggest)\b)/i;
/** The composer's sentence naming a gap's criterion in a detailed draft ("X is a requirement of this role: ..."). */
const REQUIREMENT = /^(.+?) is a requirement of this role(?:[:.]|$)/;
/** The composer's one gap of a short draft ("The main gap we saw ... was X (desc); to prepare for a similar role, ..."). */
const MAIN_GAP =
  /The main gap we saw against the role['’]s requirements was (.+?)(?: \(.*?\))?; to prepare for a similar role,/;
/**
 * The composer's gap section: the criterion's name as a heading line, then "The role needs ..., and we rated this
 * ..." and what was seen. The strength's section is headed "What went well".
 */
const SECTION = /^([^\n]{1,120})\n(The role needs\b[\s\S]*)$/;
const NEEDS = /^The role needs\b/;
const STRENGTH = /^What went well\n/;
/** The composer's rating sentence, the strength and the letter's frame: never a gap. */
const NOT_OBSERVED = /^(?:we assessed this as\b|here (?:is|are) the areas?\b|the one thing you did best\b)/i;

function withoutAdvice(text: string): string {
  return splitSentences(text)
    .filter((s) => !ADVICE.test(s.text.trim()))
    .map((s) => s.text)
    .join(' ');
}

/** Free text (a logged note, a reason, a paragraph an employer wrote): every theme it names, advice left out. */
function freeTextGaps(text: string): FeedbackGap[] {
  return themesOf(withoutAdvice(text)).map((m) => ({
    theme: m.theme,
    criterion: null,
    evidence: m.evidence,
  }));
}

/**
 * The gaps of one piece of feedback. A Debrief draft's gap paragraphs give their criterion and the observations
 * quoted under it (the sentences linked to evidence when `linked` is given, else the sentences that are neither the
 * rating, the description nor the advice); its strength is skipped; any other paragraph, and any text not in the
 * composer's form (a logged call, an edited letter), is read as free text with its advice left out.
 */
export function gapsOfFeedback(body: string, linked?: readonly LinkedSentence[]): FeedbackGap[] {
  const out: FeedbackGap[] = [];
  let offset = 0;
  for (const paragraph of body.split(/\n[ \t]*\n/)) {
    const start = body.indexOf(paragraph, offset);
    offset = start + paragraph.length;
    if (STRENGTH.test(paragraph)) continue;
    const section = SECTION.exec(paragraph);
    if (section?.[1] && section[2]) {
      const criterion = section[1].trim();
      const bodyAt = start + section[1].length + 1;
      const observed = splitSentences(section[2]).filter((s) => {
        const text = s.text.trim();
        if (NEEDS.test(text) || ADVICE.test(text)) return false;
        if (!linked?.length) return true;
        const at = bodyAt + s.start;
        return linked.some((l) => l.evidence.length > 0 && l.start < at + s.text.length && at < l.end);
      });
      const evidence = observed.map((s) => s.text.trim()).join(' ') || null;
      const found = themeOfGap({ criterion, evidence: evidence ?? '' });
      if (found) out.push({ theme: found.theme, criterion, evidence });
      continue;
    }
    const sentences = splitSentences(paragraph);
    const first = sentences[0]?.text.trim() ?? '';
    const requirement = REQUIREMENT.exec(first);
    const main = MAIN_GAP.exec(paragraph);
    if (requirement?.[1] || main?.[1]) {
      const criterion = (requirement?.[1] ?? main?.[1] ?? '').trim();
      const rest = requirement ? sentences.slice(1) : [];
      const observed = rest.filter((s) => {
        const text = s.text.trim();
        if (ADVICE.test(text) || NOT_OBSERVED.test(text)) return false;
        if (!linked?.length) return true;
        const at = start + s.start;
        return linked.some((l) => l.evidence.length > 0 && l.start < at + s.text.length && at < l.end);
      });
      const evidence = observed.map((s) => s.text.trim()).join(' ') || null;
      const found = themeOfGap({ criterion, evidence: evidence ?? '' });
      if (found) out.push({ theme: found.theme, criterion, evidence });
      continue;
    }
    if (NOT_OBSERVED.test(first)) continue;
    out.push(...freeTextGaps(paragraph));
  }
  // One gap per theme and observation: a paragraph that names a theme twice counts once.
  const seen = new Set<string>();
  return out.filter((g) => {
    const k = `${g.theme}\u0000${g.criterion ?? ''}\u0000${g.evidence ?? ''}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** One piece of feedback for the plan. */
export interface PlanSource {
  id: string;
  kind: 'debrief' | 'logged' | 'reason';
  /**
   * The rejection it is about (the tracker application), or null when it is linked to none: feedback about the same
   * rejection (Debrief's letter and a call logged about it) counts as one source.
   */
  applicationId: string | null;
  company: string | null;
  gaps: FeedbackGap[];
}

export interface PlanQuote {
  sourceId: string;
  kind: PlanSource['kind'];
  applicationId: string | null;
  company: string | null;
  criterion: string | null;
  evidence: string | null;
}

export interface PlanTheme {
  theme: string;
  label: string;
  /** How many distinct rejections (sources) name the theme. */
  count: number;
  /** Named by two or more rejections. */
  recurring: boolean;
  /** "Came up in 2 of your 3 rejections". */
  summary: string;
  suggestedActions: string[];
  quotes: PlanQuote[];
}

const sourceKey = (s: PlanSource) => s.applicationId ?? `${s.kind}:${s.id}`;

/**
 * The plan's themes across every source: a theme's count is the number of distinct rejections naming it; themes two
 * or more rejections name come first (most rejections first) and are marked recurring; then the rest; ties by label.
 * Each theme quotes what was observed, with its source.
 */
export function planThemes(sources: readonly PlanSource[]): PlanTheme[] {
  const total = new Set(sources.filter((s) => s.gaps.length).map(sourceKey)).size;
  const byTheme = new Map<string, { keys: Set<string>; quotes: PlanQuote[] }>();
  for (const source of sources) {
    for (const gap of source.gaps) {
      let t = byTheme.get(gap.theme);
      if (!t) {
        t = { keys: new Set(), quotes: [] };
        byTheme.set(gap.theme, t);
      }
      t.keys.add(sourceKey(source));
      t.quotes.push({
        sourceId: source.id,
        kind: source.kind,
        applicationId: source.applicationId,
        company: source.company,
        criterion: gap.criterion,
        evidence: gap.evidence,
      });
    }
  }
  const rejections = (n: number) => `${n} rejection${n === 1 ? '' : 's'}`;
  return [...byTheme.entries()]
    .map(([id, t]) => {
      const theme = findTheme(id);
      const count = t.keys.size;
      return {
        theme: id,
        label: theme?.label ?? id,
        count,
        recurring: count >= 2,
        summary:
          total > 1 ? `Came up in ${count} of your ${rejections(total)}` : `Came up in ${rejections(count)}`,
        suggestedActions: theme?.suggestedActions ?? [],
        // Observed evidence first, so a theme shows what was seen before a bare criterion.
        quotes: t.quotes
          .map((q, i) => ({ q, i }))
          .sort((a, b) => Number(b.q.evidence !== null) - Number(a.q.evidence !== null) || a.i - b.i)
          .map(({ q }) => q),
      };
    })
    .sort((a, b) => b.count - a.count || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}
