// The feedback composer: from the interviewers' structured scorecards to a candidate-facing draft, in plain
// paragraphs, where every sentence keeps its link to the evidence it came from (shown to the reviewer, never to the
// candidate). Pure and deterministic: no I/O, no clock, no randomness; browser-safe.
//
// Aggregation. Per criterion, the panel's view is the MEAN of its ratings across scorecards: a gap is a criterion
// whose mean is below 3 ("meets"), gaps are ordered lowest mean first (ties: the lowest single rating, then the
// order of the job's criteria), and the strength is the highest mean of 3 or more that is not a gap (ties: the
// highest single rating, then criteria order). A single interviewer's low rating does not make a gap the rest of
// the panel disagrees with. The OBSERVATIONS quoted for a gap come from the scorecards that rated it below 3, lowest
// first; for the strength, from those that rated it 3 or 4, highest first; so quoted evidence always agrees with
// the verdict it supports.
//
// Safety. Private notes are never read. An observation that mentions any interviewer's name (any part of it) is
// left out ('names-interviewer'); one whose candidate-facing sentence the checker blocks is left out ('blocked');
// either way the gap falls back to criterion-level text. The whole body is checked again at the end, and any
// observation still involved in a blocking finding is dropped and the draft recomposed.

import { check, type Finding, hasBlocking, type Jurisdiction } from '../checker';
import { pointerFor } from './pointers';
import type { RejectionReason } from './rejection-reasons';
import { toSecondPerson } from './second-person';
import { type Stage, type StagePolicy, stagePolicy } from './stage-policy';
import { capitalize, ensurePeriod, excerpt, inlineName, splitSentences, stripEnd } from './text';

export interface ComposeCriterion {
  id: string;
  name: string;
  description: string | null;
}
export interface ComposeRating {
  criterionId: string;
  rating: 1 | 2 | 3 | 4;
  evidence: string;
}
export interface ComposeScorecard {
  id: string;
  stage: Stage;
  interviewerName: string;
  ratings: ComposeRating[];
  /** Private to the hiring team: never read by the composer. */
  notes?: string | null;
}
export interface EvidenceLink {
  scorecardId: string;
  criterionId: string;
  /** The evidence text used, trimmed to about 200 characters. */
  excerpt: string;
}
/** start/end: offsets in body; body.slice(start, end) === text. */
export interface ComposedSentence {
  text: string;
  start: number;
  end: number;
  evidence: EvidenceLink[];
}
export interface ComposeInput {
  organizationName: string;
  jobTitle: string;
  candidateName: string;
  reason: RejectionReason;
  criteria: ComposeCriterion[];
  scorecards: ComposeScorecard[];
  jurisdictions?: Jurisdiction[];
}
export type OmittedWhy = 'blocked' | 'names-interviewer';
export interface OmittedEvidence {
  scorecardId: string;
  criterionId: string;
  why: OmittedWhy;
}
/** A criterion's aggregate across scorecards, for the reviewer. */
export interface CriterionSummary {
  criterionId: string;
  name: string;
  /** Mean of the ratings, rounded to two decimals. */
  mean: number;
  lowest: number;
  highest: number;
  ratings: number;
}
export interface ComposedFeedback {
  body: string;
  sentences: ComposedSentence[];
  policy: StagePolicy;
  omitted: OmittedEvidence[];
  /** The gaps named in the body, lowest first (none for a reason beyond the candidate's control). */
  gaps: CriterionSummary[];
  /** The strength named in the body, if any. */
  strength: CriterionSummary | null;
  /** The checker's findings on the whole body (feedback mode, the input's jurisdictions). */
  findings: Finding[];
}

interface Rated {
  scorecard: ComposeScorecard;
  scorecardIndex: number;
  rating: ComposeRating;
}
interface Aggregate {
  criterion: ComposeCriterion;
  index: number;
  mean: number;
  lowest: number;
  highest: number;
  rated: Rated[];
}

/** A piece of the body: one or more sentences, with the evidence they came from. */
interface Segment {
  text: string;
  evidence: EvidenceLink[];
}
interface Paragraph {
  segments: Segment[];
  /** How segments are joined: ' ' inside a paragraph, '\n' for the sign-off's lines. */
  join: ' ' | '\n';
}

const STAGE_NOTED: Record<Stage, string> = {
  screen: 'In the screening conversation we noted:',
  interview: 'In the interview we noted:',
  final: 'In the final round we noted:',
};
const STAGE_ADDRESSED: Record<Stage, string> = {
  screen: 'In the screening conversation,',
  interview: 'In the interview,',
  final: 'In the final round,',
};

function aggregate(criteria: ComposeCriterion[], scorecards: ComposeScorecard[]): Aggregate[] {
  const byId = new Map<string, Aggregate>();
  criteria.forEach((criterion, index) => {
    if (!byId.has(criterion.id))
      byId.set(criterion.id, { criterion, index, mean: 0, lowest: 5, highest: 0, rated: [] });
  });
  scorecards.forEach((scorecard, scorecardIndex) => {
    for (const rating of scorecard.ratings) {
      const agg = byId.get(rating.criterionId);
      if (!agg || ![1, 2, 3, 4].includes(rating.rating)) continue;
      agg.rated.push({ scorecard, scorecardIndex, rating });
    }
  });
  const out: Aggregate[] = [];
  for (const agg of byId.values()) {
    if (agg.rated.length === 0) continue;
    const values = agg.rated.map((r) => r.rating.rating);
    agg.mean = values.reduce((a, b) => a + b, 0) / values.length;
    agg.lowest = Math.min(...values);
    agg.highest = Math.max(...values);
    out.push(agg);
  }
  return out;
}

function summary(a: Aggregate): CriterionSummary {
  return {
    criterionId: a.criterion.id,
    name: a.criterion.name,
    mean: Math.round(a.mean * 100) / 100,
    lowest: a.lowest,
    highest: a.highest,
    ratings: a.rated.length,
  };
}

function firstName(candidateName: string): string {
  return candidateName.trim().split(/\s+/)[0] ?? '';
}

/** The parts of the interviewers' names that must never appear: full names, and each part of two letters or more. */
function interviewerNameParts(scorecards: ComposeScorecard[]): string[] {
  const parts = new Set<string>();
  for (const s of scorecards) {
    const full = s.interviewerName.replace(/\s+/g, ' ').trim();
    if (!full) continue;
    parts.add(full);
    for (const p of full.split(/[\s,]+/)) {
      const w = p.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
      if (w.length >= 2) parts.add(w);
      for (const h of w.split('-')) if (h.length >= 2) parts.add(h);
    }
  }
  return [...parts].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * Names that are also everyday words ("Will", "Mark"): matched only as written with a capital, so "you will" is not
 * taken for an interviewer. Other names match in any case.
 */
const NAME_WORDS = new Set(
  (
    'will may mark grace hope joy faith rose june april august bill pat rob sue frank max art dawn ray drew chase ' +
    'hunter summer autumn rich sky amber ruby jack carol gene gay lane young long brown white green black king ' +
    'page park hall wood hill'
  ).split(' '),
);

export function mentionsName(text: string, nameParts: readonly string[]): boolean {
  for (const part of nameParts) {
    const escaped = part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const caseSensitive = NAME_WORDS.has(part.toLowerCase());
    const re = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, caseSensitive ? 'u' : 'iu');
    if (re.test(text)) return true;
  }
  return false;
}

/** The opening words a neutral note may start with in lower case after "we noted:". */
const LOWERABLE_OPENERS = /^(?:The|A|An|This|That|When|During|Overall|There|It|Our|We)\b/;

/** One observation as the candidate reads it: addressed to them where reliable, otherwise neutral. */
function renderObservation(evidence: string, stage: Stage, candidateNames: string[]): string {
  const note = evidence.replace(/\s+/g, ' ').trim();
  const addressed = toSecondPerson(note, candidateNames);
  if (addressed) {
    const body = ensurePeriod(addressed);
    // "In the interview, you missed ..."; not before a present tense ("You have not used dbt.").
    const present = /^You (?:have|are|do|haven['’]t|aren['’]t|don['’]t)\b/.test(body);
    if (/^You\b/.test(body) && !present) return `${STAGE_ADDRESSED[stage]} y${body.slice(1)}`;
    return body;
  }
  const neutral = ensurePeriod(LOWERABLE_OPENERS.test(note) ? note[0]!.toLowerCase() + note.slice(1) : note);
  return `${STAGE_NOTED[stage]} ${neutral}`;
}

function key(scorecardId: string, criterionId: string): string {
  return `${scorecardId}\u0000${criterionId}`;
}

interface Plan {
  paragraphs: Paragraph[];
  gaps: Aggregate[];
  strength: Aggregate | null;
}

class Composer {
  private readonly policy: StagePolicy;
  private readonly aggregates: Aggregate[];
  private readonly nameParts: string[];
  private readonly candidateNames: string[];
  private readonly jurisdictions: Jurisdiction[] | undefined;
  /** Evidence left out, by key, in the order it was decided. */
  readonly omitted = new Map<string, OmittedEvidence>();

  constructor(private readonly input: ComposeInput) {
    this.policy = stagePolicy(input.scorecards.map((s) => s.stage));
    this.aggregates = aggregate(input.criteria, input.scorecards);
    this.nameParts = interviewerNameParts(input.scorecards);
    const full = input.candidateName.replace(/\s+/g, ' ').trim();
    this.candidateNames = [full, firstName(full)].filter((n) => n && !mentionsName(n, this.nameParts));
    this.jurisdictions = input.jurisdictions?.length ? input.jurisdictions : undefined;
  }

  get stagePolicy(): StagePolicy {
    return this.policy;
  }

  findings(text: string): Finding[] {
    return check(text, { mode: 'feedback', jurisdictions: this.jurisdictions });
  }

  blocks(text: string): boolean {
    return hasBlocking(this.findings(text));
  }

  omit(scorecardId: string, criterionId: string, why: OmittedWhy): void {
    const k = key(scorecardId, criterionId);
    if (!this.omitted.has(k)) this.omitted.set(k, { scorecardId, criterionId, why });
  }

  private gaps(): Aggregate[] {
    if (this.input.reason.beyondControl) return [];
    return this.aggregates
      .filter((a) => a.mean < 3)
      .sort((a, b) => a.mean - b.mean || a.lowest - b.lowest || a.index - b.index)
      .slice(0, this.policy.maxGaps);
  }

  private strength(gaps: Aggregate[]): Aggregate | null {
    if (!this.policy.includeStrength) return null;
    const candidates = this.aggregates
      .filter((a) => a.mean >= 3 && !gaps.includes(a))
      .sort((a, b) => b.mean - a.mean || b.highest - a.highest || a.index - b.index);
    return candidates[0] ?? null;
  }

  /**
   * Up to `max` usable observations for a criterion, each a rendered segment; records what it leaves out. Among
   * the usable ones, those the checker has nothing to say about come first (a warning is for the reviewer, but a
   * clean observation is the better one to send), then the most telling rating, then scorecard order.
   */
  private observations(agg: Aggregate, kind: 'gap' | 'strength', max: number): Segment[] {
    if (max <= 0) return [];
    const usable: { r: Rated; text: string; evidence: string; warned: boolean }[] = [];
    const used = new Set<string>();
    for (const r of agg.rated) {
      if (kind === 'gap' ? r.rating.rating >= 3 : r.rating.rating < 3) continue;
      const evidence = r.rating.evidence?.replace(/\s+/g, ' ').trim() ?? '';
      if (!evidence) continue;
      const k = key(r.scorecard.id, agg.criterion.id);
      if (used.has(k) || this.omitted.has(k)) continue;
      if (mentionsName(evidence, this.nameParts)) {
        this.omit(r.scorecard.id, agg.criterion.id, 'names-interviewer');
        continue;
      }
      const text = renderObservation(evidence, r.scorecard.stage, this.candidateNames);
      const findings = [...this.findings(evidence), ...this.findings(text)];
      if (hasBlocking(findings)) {
        this.omit(r.scorecard.id, agg.criterion.id, 'blocked');
        continue;
      }
      used.add(k);
      usable.push({ r, text, evidence, warned: findings.length > 0 });
    }
    const telling = (a: Rated, b: Rated) =>
      kind === 'gap' ? a.rating.rating - b.rating.rating : b.rating.rating - a.rating.rating;
    return usable
      .sort(
        (a, b) =>
          Number(a.warned) - Number(b.warned) || telling(a.r, b.r) || a.r.scorecardIndex - b.r.scorecardIndex,
      )
      .slice(0, max)
      .map(({ r, text, evidence }) => ({
        text,
        evidence: [
          { scorecardId: r.scorecard.id, criterionId: agg.criterion.id, excerpt: excerpt(evidence) },
        ],
      }));
  }

  /** The criterion's description, if it may be shown (an organization's own text can still trip the checker). */
  private description(c: ComposeCriterion): string | null {
    const d = c.description ? stripEnd(c.description.replace(/\s+/g, ' ')) : '';
    if (!d) return null;
    return this.blocks(d) ? null : d;
  }

  plan(): Plan {
    const { input, policy } = this;
    const org = input.organizationName.trim();
    const job = input.jobTitle.trim();
    const first = firstName(input.candidateName);
    const gaps = this.gaps();
    const strength = this.strength(gaps);
    const reached = new Set(input.scorecards.map((s) => s.stage));
    const t = (text: string): Segment => ({ text, evidence: [] });
    const paragraphs: Paragraph[] = [];
    const para = (segments: Segment[], join: ' ' | '\n' = ' ') => {
      if (segments.length) paragraphs.push({ segments, join });
    };

    para([t(first ? `Dear ${first},` : 'Hello,')]);

    // Thanks and the decision, said plainly.
    if (policy.depth === 'short') {
      para([
        t(
          `Thank you for applying for the ${job} role at ${org}; we have decided not to move forward with your application.`,
        ),
        t(ensurePeriod(input.reason.candidateText)),
        ...(input.reason.beyondControl ? [t('This reason was outside your control.')] : []),
      ]);
    } else {
      const thanks = reached.has('final')
        ? `Thank you for the time and effort you put into the interviews for the ${job} role at ${org}, all the way to the final round.`
        : policy.depth === 'detailed'
          ? `Thank you for the time and effort you put into several rounds of interviews for the ${job} role at ${org}.`
          : `Thank you for the time you gave to interviewing for the ${job} role at ${org}.`;
      para([t(thanks), t('We have decided not to offer you the role.')]);
      para([
        t(ensurePeriod(input.reason.candidateText)),
        ...(input.reason.beyondControl
          ? [t('This reason was outside your control, and it is not a judgment of your interviews.')]
          : []),
      ]);
    }

    // Gaps.
    if (policy.depth === 'short') {
      const gap = gaps[0];
      if (gap) {
        const pointer = pointerFor(gap.criterion.name, gap.criterion.description);
        const desc = this.description(gap.criterion);
        const last = paragraphs[paragraphs.length - 1]!;
        last.segments.push(
          t(
            `The main gap we saw against the role's requirements was ${inlineName(gap.criterion.name)}` +
              `${desc ? ` (${inlineName(desc)})` : ''}; to prepare for a similar role, ${pointer.text}.`,
          ),
        );
      }
    } else if (gaps.length) {
      para([
        t(
          gaps.length === 1
            ? 'Here is the area where we saw a gap against what the role requires.'
            : 'Here are the areas where we saw a gap against what the role requires, starting with the largest.',
        ),
      ]);
      for (const gap of gaps) {
        const c = gap.criterion;
        const desc = this.description(c);
        const segments: Segment[] = [
          t(
            `${capitalize(c.name.trim().replace(/\s+/g, ' '))} is a requirement of this role${desc ? `: ${desc}` : ''}.`,
          ),
        ];
        const level = gap.mean <= 1.5 ? 'well below' : 'below';
        const observed = policy.includeEvidence
          ? this.observations(gap, 'gap', policy.maxEvidencePerGap)
          : [];
        if (policy.includeRatingLevel || observed.length === 0) {
          segments.push(t(`We assessed this as ${level} the level the role needs.`));
        }
        segments.push(...observed);
        segments.push(t(`To prepare for a similar role, ${pointerFor(c.name, c.description).text}.`));
        para(segments);
      }
    }

    // The one thing they did best.
    if (strength) {
      const c = strength.criterion;
      const how =
        strength.mean >= 3.5
          ? 'where you exceeded what the role requires'
          : 'where you met what the role requires';
      const observed = policy.includeEvidence ? this.observations(strength, 'strength', 1) : [];
      para([t(`The one thing you did best was ${inlineName(c.name)}, ${how}.`), ...observed]);
    }

    // A warm close, and the invitation to apply again.
    if (policy.depth === 'short') {
      para([
        t(
          'We wish you every success in your search and would welcome an application from you for a future role.',
        ),
      ]);
    } else if (input.reason.beyondControl) {
      para([
        t(
          `We appreciated getting to know you, and we would be glad to see your application for a future role at ${org}.`,
        ),
      ]);
    } else {
      para([
        t(
          gaps.length
            ? 'We hope these points are useful, and we would welcome an application from you for a future role.'
            : 'We hope this is useful, and we would welcome an application from you for a future role.',
        ),
      ]);
    }
    para([t('Kind regards,'), t(`The ${org} hiring team`)], '\n');
    return { paragraphs, gaps, strength };
  }
}

function render(paragraphs: Paragraph[]): {
  body: string;
  spans: { start: number; end: number; segment: Segment }[];
} {
  let body = '';
  const spans: { start: number; end: number; segment: Segment }[] = [];
  paragraphs.forEach((p, i) => {
    if (i > 0) body += '\n\n';
    p.segments.forEach((segment, j) => {
      if (j > 0) body += p.join;
      const start = body.length;
      body += segment.text;
      spans.push({ start, end: body.length, segment });
    });
  });
  return { body, spans };
}

function sentencesOf(
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

/**
 * Drafts the candidate-facing feedback for a rejected application. Deterministic: the same input gives the same
 * output. The body never contains an interviewer's name or private notes, and no observation in it has a blocking
 * checker finding; `findings` holds what the checker still says about the whole body (for the reviewer).
 */
export function composeFeedback(input: ComposeInput): ComposedFeedback {
  const composer = new Composer(input);
  const jurisdictions = input.jurisdictions?.length ? input.jurisdictions : undefined;
  // Each round drops at least one more observation, so this ends; the bound is a guard.
  for (let round = 0; round < 50; round++) {
    const plan = composer.plan();
    const { body, spans } = render(plan.paragraphs);
    const findings = check(body, { mode: 'feedback', jurisdictions });
    let dropped = false;
    for (const f of findings) {
      if (f.severity !== 'block') continue;
      for (const span of spans) {
        const overlaps =
          f.end > f.start
            ? span.start < f.end && f.start < span.end
            : f.start >= span.start && f.start < span.end;
        if (!overlaps) continue;
        for (const link of span.segment.evidence) {
          if (!composer.omitted.has(key(link.scorecardId, link.criterionId))) {
            composer.omit(link.scorecardId, link.criterionId, 'blocked');
            dropped = true;
          }
        }
      }
    }
    if (dropped) continue;
    return {
      body,
      sentences: sentencesOf(body, spans),
      policy: composer.stagePolicy,
      omitted: [...composer.omitted.values()],
      gaps: plan.gaps.map(summary),
      strength: plan.strength ? summary(plan.strength) : null,
      findings,
    };
  }
  throw new Error('composeFeedback: could not settle on a draft without blocking findings');
}
