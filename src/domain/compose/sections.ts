// Sections of the draft: the greeting; the thanks, the outcome and the reason; the strength; one section per gap,
// largest first (what the role needs, what we saw, what to practise); and the close, in the depth the stage policy
// allows. Records the evidence it leaves out. Pure.

import { check, type Finding, hasBlocking, type Jurisdiction } from '../../checker';
import { BoundedMemo } from '../bounded-memo';
import { familyFor, ownPointer, pointerFor } from '../pointers';
import { candidateMention } from '../second-person';
import { type Stage, type StagePolicy, stagePolicy } from '../stage-policy';
import { countSentences, ensurePeriod, excerpt, foldSpace, splitSentences } from '../text';
import { aggregate, key } from './aggregate';
import { headingName, inlineCriterion, needsPhrase, tidy } from './phrasing';
import type {
  Aggregate,
  ComposeCriterion,
  ComposeInput,
  FeedbackGapSection,
  FeedbackSections,
  OmittedEvidence,
  OmittedWhy,
  Paragraph,
  Rated,
  Segment,
} from './types';
import { greetingLine, normalizeVoice, signOffLines } from './voice';
import { firstName, interviewerNameParts, nameTest, renderObservation } from './wording';

export interface Plan {
  paragraphs: Paragraph[];
  sections: FeedbackSections;
  gaps: Aggregate[];
  strength: Aggregate | null;
}

/**
 * What the drafts of one batch (one organization, one reason, most often one job) can share: what the checker said of
 * a note, and how a note reads to the candidate when it does not mention them by name. Both are pure functions of
 * what they are kept under, so a draft composed with a memo is the draft composed without one. Made for one batch
 * and dropped with it.
 */
export class ComposeMemo {
  /** Findings by jurisdictions and text. */
  readonly checked = new Map<string, Finding[]>();
  /**
   * A note rendered, by round, sentences a note and text; with the sentences `toSecondPerson` was asked about, none
   * of which mentioned the candidate it was rendered for. Kept only then, and used for another candidate only if
   * none mentions them either: the names made no difference to it, and make none for them.
   */
  readonly rendered = new Map<string, { text: string | null; asked: string[] }>();
}

export class Composer {
  private readonly policy: StagePolicy;
  private readonly aggregates: Aggregate[];
  private readonly nameParts: string[];
  private readonly candidateNames: string[];
  private readonly jurisdictions: Jurisdiction[] | undefined;
  private readonly mentionsInterviewer: (text: string) => boolean;
  private readonly mentionsCandidate: (text: string) => boolean;
  /**
   * What the checker said of a text, and how a note reads to the candidate, as found the first time: a draft is
   * planned more than once (a shorter plan when the first is too long, again after leaving out a blocked
   * observation), each time from the same notes. Both are pure, so the answer is the same.
   */
  private readonly checked = new Map<string, Finding[]>();
  private readonly rendered = new Map<string, string | null>();
  /** Evidence left out, by key, in the order it was decided. */
  readonly omitted = new Map<string, OmittedEvidence>();

  constructor(
    private readonly input: ComposeInput,
    private readonly memo?: ComposeMemo,
  ) {
    this.policy = stagePolicy(input.scorecards.map((s) => s.stage));
    this.aggregates = aggregate(input.criteria, input.scorecards);
    for (const s of input.scorecards)
      for (const r of s.ratings) if (r.leftOut) this.omit(s.id, r.criterionId, r.leftOut);
    this.nameParts = interviewerNameParts(input.scorecards);
    this.mentionsInterviewer = nameTest(this.nameParts);
    const full = foldSpace(input.candidateName);
    this.candidateNames = [full, firstName(full)].filter((n) => n && !this.mentionsInterviewer(n));
    this.mentionsCandidate = candidateMention(this.candidateNames);
    this.jurisdictions = input.jurisdictions?.length ? input.jurisdictions : undefined;
  }

  get stagePolicy(): StagePolicy {
    return this.policy;
  }

  findings(text: string): Finding[] {
    let found = this.checked.get(text);
    if (!found) {
      const shared = this.memo && `${this.jurisdictions?.join(',') ?? '*'}\u0000${text}`;
      found = shared === undefined ? undefined : this.memo?.checked.get(shared);
      if (!found) {
        found = check(text, { mode: 'feedback', jurisdictions: this.jurisdictions });
        if (shared !== undefined) this.memo?.checked.set(shared, found);
      }
      this.checked.set(text, found);
    }
    return found;
  }

  private render(evidence: string, stage: Stage, sentencesPerNote: number): string | null {
    const k = `${stage}\u0000${sentencesPerNote}\u0000${evidence}`;
    let text = this.rendered.get(k);
    if (text === undefined) {
      const shared = this.memo?.rendered.get(k);
      if (shared && !shared.asked.some(this.mentionsCandidate)) text = shared.text;
      else {
        const asked: string[] | undefined = this.memo ? [] : undefined;
        text = renderObservation(evidence, stage, this.candidateNames, sentencesPerNote, asked);
        if (asked && !asked.some(this.mentionsCandidate)) this.memo?.rendered.set(k, { text, asked });
      }
      this.rendered.set(k, text);
    }
    return text;
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
   * clean observation is the better one to send), then the most telling rating, then scorecard order. An
   * observation that says what the letter already says is not repeated.
   */
  private observations(
    agg: Aggregate,
    kind: 'gap' | 'strength',
    max: number,
    said: Set<string>,
    sentencesPerNote: number,
  ): Segment[] {
    if (max <= 0) return [];
    const usable: { r: Rated; text: string; evidence: string; warned: boolean }[] = [];
    const used = new Set<string>();
    for (const r of agg.rated) {
      if (kind === 'gap' ? r.rating.rating >= 3 : r.rating.rating < 3) continue;
      const evidence = r.rating.evidence == null ? '' : foldSpace(r.rating.evidence);
      if (!evidence) continue;
      const k = key(r.scorecard.id, agg.criterion.id);
      if (used.has(k) || this.omitted.has(k)) continue;
      if (this.mentionsInterviewer(evidence)) {
        this.omit(r.scorecard.id, agg.criterion.id, 'names-interviewer');
        continue;
      }
      const findingsOnNote = this.findings(evidence);
      if (hasBlocking(findingsOnNote)) {
        this.omit(r.scorecard.id, agg.criterion.id, 'blocked');
        continue;
      }
      const text = this.render(r.rating.evidence, r.scorecard.stage, sentencesPerNote);
      if (!text) continue;
      const findings = [...findingsOnNote, ...this.findings(text)];
      if (hasBlocking(findings)) {
        this.omit(r.scorecard.id, agg.criterion.id, 'blocked');
        continue;
      }
      used.add(k);
      usable.push({ r, text, evidence, warned: findings.length > 0 });
    }
    const telling = (a: Rated, b: Rated) =>
      kind === 'gap' ? a.rating.rating - b.rating.rating : b.rating.rating - a.rating.rating;
    const out: Segment[] = [];
    for (const { r, text, evidence } of usable.sort(
      (a, b) =>
        Number(a.warned) - Number(b.warned) || telling(a.r, b.r) || a.r.scorecardIndex - b.r.scorecardIndex,
    )) {
      if (out.length >= max) break;
      // Each sentence's key made once: compared with what was said before this note, then added.
      const fresh: string[] = [];
      const keys: string[] = [];
      for (const x of splitSentences(text)) {
        const k = sentenceKey(x.text);
        if (said.has(k)) continue;
        fresh.push(x.text);
        keys.push(k);
      }
      if (fresh.length === 0) continue;
      for (const k of keys) said.add(k);
      out.push({
        text: fresh.join(' '),
        evidence: [
          { scorecardId: r.scorecard.id, criterionId: agg.criterion.id, excerpt: excerpt(evidence) },
        ],
      });
    }
    return out;
  }

  plan(): Plan {
    const first = this.planWith(2);
    return countContent(first.paragraphs) > this.policy.maxSentences ? this.planWith(1) : first;
  }

  private planWith(sentencesPerNote: number): Plan {
    const { input, policy } = this;
    const org = foldSpace(input.organizationName);
    const job = foldSpace(input.jobTitle);
    const first = firstName(input.candidateName);
    const gaps = this.gaps();
    const strength = this.strength(gaps);
    const reached = new Set(input.scorecards.map((s) => s.stage));
    const beyond = input.reason.beyondControl;
    const said = new Set<string>();
    const t = (text: string): Segment => {
      const { tidied, keys } = template(text);
      for (const k of keys) said.add(k);
      return { text: tidied, evidence: [] };
    };
    const paragraphs: Paragraph[] = [];
    const para = (segments: Segment[], heading?: string) => {
      if (segments.length)
        paragraphs.push(heading ? { heading, segments, join: ' ' } : { segments, join: ' ' });
    };
    const reasonText = ensurePeriod(input.reason.candidateText);
    // Exercises already given: a second gap of the same family gets another one.
    const used = new Set<string>();
    // The organization's own pointer for a criterion comes first; the library's otherwise.
    const pointer = (c: ComposeCriterion) => {
      const { inline, family } = criterionWords(c);
      const own = c.practise?.trim() ? ownPointer(c.practise) : null;
      if (own)
        return { inline, family, ruleId: 'organization', practise: own.text, screen: own.screen(inline) };
      const p = pointerFor(c.name, c.description, inline, used);
      return {
        inline,
        family,
        ruleId: p.ruleId,
        practise: `To practise, ${p.text.charAt(0).toLowerCase()}${p.text.slice(1)}`,
        screen: `The main gap was ${inline}; before you apply again, try ${p.short}.`,
      };
    };

    const voice = normalizeVoice(input.voice);
    const greeting = greetingLine(voice, first);
    para([t(greeting)]);

    const gapSections: FeedbackGapSection[] = [];
    let strengthSection: FeedbackSections['strength'] = null;
    let closing: string;

    if (policy.depth === 'short') {
      // Two or three sentences: the thanks and the outcome, the reason, and either the one gap with a next step,
      // or the kind word and the invitation.
      const segments = [
        t(`Thank you for applying to ${org} for the ${job} role; we will not be moving forward.`),
        t(reasonText),
      ];
      const gap = gaps[0];
      if (gap) {
        closing = pointer(gap.criterion).screen;
      } else if (beyond) {
        closing =
          'This was outside your control, and we would welcome an application from you for a future role.';
      } else {
        closing = 'We would welcome an application from you for a future role.';
      }
      segments.push(t(closing));
      para(segments);
    } else {
      const thanks = reached.has('final')
        ? `Thank you for the time and effort you put into our interviews for the ${job} role, all the way to the final round at ${org}.`
        : policy.depth === 'detailed'
          ? `Thank you for the time and effort you put into several rounds of interviews at ${org} for the ${job} role.`
          : `Thank you for the time you gave to interviewing at ${org} for the ${job} role.`;
      const opening = [t(thanks), t('We have decided not to offer you the role.'), t(reasonText)];
      if (beyond)
        opening.push(t('This was outside your control, and it is not a judgment of your interviews.'));
      if (gaps.length === 1)
        opening.push(t('Below is the one area to work on, with what we saw and what to practise.'));
      if (gaps.length > 1)
        opening.push(
          t('Below are the areas to work on, largest first, with what we saw and what to practise for each.'),
        );
      para(opening);
      if (voice.intro) para([t(voice.intro)]);

      if (strength) {
        const c = strength.criterion;
        const { inline } = criterionWords(c);
        const how =
          strength.mean >= 3.5
            ? 'where you went beyond what the role needs'
            : 'where you met what the role needs';
        const lead = t(`Your strongest area was ${inline}, ${how}.`);
        const observed = policy.includeEvidence
          ? this.observations(
              strength,
              'strength',
              1,
              said,
              policy.depth === 'detailed' ? sentencesPerNote : 1,
            )
          : [];
        para([lead, ...observed], 'What went well');
        strengthSection = {
          criterionId: c.id,
          criterion: criterionWords(c).heading,
          text: [lead, ...observed].map((x) => x.text).join(' '),
          evidence: observed.flatMap((x) => x.evidence),
        };
      }

      for (const gap of gaps) {
        const c = gap.criterion;
        const p = pointer(c);
        const observed = policy.includeEvidence
          ? this.observations(gap, 'gap', policy.maxEvidencePerGap, said, sentencesPerNote)
          : [];
        const level = gap.mean <= 1.5 ? 'well below' : 'below';
        const needs = t(
          policy.includeRatingLevel || observed.length === 0
            ? `${criterionWords(c).needs}, and we rated this ${level} that level.`
            : `${criterionWords(c).needs}.`,
        );
        const practise = t(p.practise);
        const heading = criterionWords(c).heading;
        para([needs, ...observed, practise], heading);
        gapSections.push({
          criterionId: c.id,
          criterion: heading,
          needs: needs.text,
          saw: observed.map((x) => x.text),
          practise: practise.text,
          pointer: p.ruleId,
          evidence: observed.flatMap((x) => x.evidence),
        });
      }

      closing = beyond
        ? `We enjoyed getting to know you, and we would be glad to see your application for a future role at ${org}.`
        : gaps.length
          ? 'We hope these points help, and we would welcome an application from you for a future role.'
          : 'We hope this helps, and we would welcome an application from you for a future role.';
      para([t(closing)]);
      if (voice.closing) para([t(voice.closing)]);
    }

    const signOff = signOffLines(voice, org);
    paragraphs.push({ segments: signOff.map((x) => ({ text: x, evidence: [] })), join: '\n' });
    const opening = paragraphs[1]?.segments
      .map((x) => x.text)
      .filter((x) => policy.depth !== 'short' || x !== template(closing).tidied)
      .join(' ');
    return {
      paragraphs,
      gaps,
      strength,
      sections: {
        greeting,
        opening: opening ?? '',
        intro: policy.depth === 'short' ? null : voice.intro,
        strength: strengthSection,
        gaps: gapSections,
        closing: template(closing).tidied,
        standardClosing: policy.depth === 'short' ? null : voice.closing,
        signOff,
      },
    };
  }
}

/**
 * A sentence of the letter's own (not an observation) tidied, and its sentences as compared for repeats. The same
 * sentences open and close every draft of a job, so they are kept (a pure function of the text; the store is emptied
 * when it grows past a thousand).
 */
const templates = new BoundedMemo<{ tidied: string; keys: string[] }>();
function template(text: string): { tidied: string; keys: string[] } {
  return templates.get(text, () => {
    const tidied = tidy(text);
    return { tidied, keys: splitSentences(tidied).map((x) => sentenceKey(x.text)) };
  });
}

/**
 * How a criterion reads in a letter: inside a sentence, as a heading, its family of skills and what the role needs.
 * Pure functions of its name and description, the same for every draft of a job, so kept (emptied past a thousand).
 */
const criterionPhrasings = new BoundedMemo<{
  inline: string;
  heading: string;
  family: string;
  needs: string;
}>();
function criterionWords(c: ComposeCriterion) {
  const k = c.description === null ? `n${c.name}` : `d${c.name}\u0000${c.description}`;
  return criterionPhrasings.get(k, () => {
    const family = familyFor(c.name, c.description).family.id;
    return {
      inline: inlineCriterion(c.name),
      heading: headingName(c.name),
      family,
      needs: needsPhrase(c.name, family),
    };
  });
}

/** A sentence as compared for repeats: case and spacing aside. */
function sentenceKey(s: string): string {
  return foldSpace(s.toLowerCase());
}

/** The sentences of the letter's content: without the greeting, the headings and the sign-off. */
export function countContent(paragraphs: Paragraph[]): number {
  return paragraphs
    .slice(1, -1)
    .reduce((n, p) => n + p.segments.reduce((m, s) => m + countSentences(s.text), 0), 0);
}
