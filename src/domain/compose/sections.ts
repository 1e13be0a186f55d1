// Sections of the draft: the greeting, the thanks and the decision, the gaps with their evidence, the one strength,
// and the close, in the depth the stage policy allows. Records the evidence it leaves out. Pure.

import { check, type Finding, hasBlocking, type Jurisdiction } from '../../checker';
import { pointerFor } from '../pointers';
import { type StagePolicy, stagePolicy } from '../stage-policy';
import { capitalize, ensurePeriod, excerpt, inlineName, stripEnd } from '../text';
import { aggregate, key } from './aggregate';
import type {
  Aggregate,
  ComposeCriterion,
  ComposeInput,
  OmittedEvidence,
  OmittedWhy,
  Paragraph,
  Rated,
  Segment,
} from './types';
import { firstName, interviewerNameParts, mentionsName, renderObservation } from './wording';

export interface Plan {
  paragraphs: Paragraph[];
  gaps: Aggregate[];
  strength: Aggregate | null;
}

export class Composer {
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
    for (const s of input.scorecards)
      for (const r of s.ratings) if (r.leftOut) this.omit(s.id, r.criterionId, r.leftOut);
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
      // The gap joins the paragraph of the decision.
      const last = paragraphs.at(-1);
      if (gap && last) {
        const pointer = pointerFor(gap.criterion.name, gap.criterion.description);
        const desc = this.description(gap.criterion);
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
