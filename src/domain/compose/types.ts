// The composer's data: what it is given (criteria, ratings, scorecards), what it returns (the draft, its sentences and
// their evidence), and the internal shapes between. Pure types.

import type { Finding, Jurisdiction } from '../../checker';
import type { RejectionReason } from '../rejection-reasons';
import type { Stage, StagePolicy } from '../stage-policy';
import type { FeedbackVoice } from './voice';

export interface ComposeCriterion {
  id: string;
  name: string;
  description: string | null;
  /** The organization's own pointer for a gap in this criterion, used instead of the library's. */
  practise?: string | null;
}
export interface ComposeRating {
  criterionId: string;
  rating: 1 | 2 | 3 | 4;
  evidence: string;
  /**
   * Submitted despite a blocking checker finding ('flagged'), or its text removed by an admin ('redacted'): the
   * rating is left out of the draft altogether, its evidence and its weight in the panel's view alike.
   */
  leftOut?: 'flagged' | 'redacted';
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
  /** The organization's greeting, introduction, closing and signature; the default voice when absent. */
  voice?: Partial<FeedbackVoice> | null;
}
export type OmittedWhy = 'blocked' | 'names-interviewer' | 'flagged' | 'redacted';
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
/** One gap of the draft as a section: what the role needs, what we saw, what to practise. */
export interface FeedbackGapSection {
  criterionId: string;
  /** The criterion's name as a heading. */
  criterion: string;
  /** What the role needs, in plain words derived from the name ("The role needs strong statistical reasoning."). */
  needs: string;
  /** What the panel saw, addressed to the candidate; empty when no observation could be used. */
  saw: string[];
  /** What to practise: an exercise specific to the skill's family. */
  practise: string;
  /** The skill family the pointer came from (pointers.ts), or 'organization' for the organization's own; for the reviewer. */
  pointer: string;
  /** The evidence the section's sentences came from. */
  evidence: EvidenceLink[];
}
/** The draft in sections, so the email, the page and the reviewer can each lay it out. */
export interface FeedbackSections {
  /** "Dear Sam," */
  greeting: string;
  /** Thanks, the outcome and the reason, said plainly. */
  opening: string;
  /** The organization's own introduction, after the opening (not after a screen); null for none. */
  intro: string | null;
  /** What went best, with what was seen; null when nothing was rated as meeting the role, or after a screen. */
  strength: { criterionId: string; criterion: string; text: string; evidence: EvidenceLink[] } | null;
  /** One section per gap, largest first; a screen's one gap is part of the opening and has no section. */
  gaps: FeedbackGapSection[];
  /** The close, and the invitation to apply again where the reason allows it. */
  closing: string;
  /** The organization's standard closing paragraph (not after a screen); null for none. */
  standardClosing: string | null;
  /** The sign-off lines: "Kind regards," and who signs (see compose/voice.ts). */
  signOff: string[];
}
export interface ComposedFeedback {
  /** The plain-text rendering of `sections`: what is stored, edited and sent. */
  body: string;
  sections: FeedbackSections;
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

export interface Rated {
  scorecard: ComposeScorecard;
  scorecardIndex: number;
  rating: ComposeRating;
}
export interface Aggregate {
  criterion: ComposeCriterion;
  index: number;
  mean: number;
  lowest: number;
  highest: number;
  rated: Rated[];
}

/** A piece of the body: one or more sentences, with the evidence they came from. */
export interface Segment {
  text: string;
  evidence: EvidenceLink[];
}
export interface Paragraph {
  /** A heading line above the paragraph (a gap's criterion, "What went well"). */
  heading?: string;
  segments: Segment[];
  /** How segments are joined: ' ' inside a paragraph, '\n' for the sign-off's lines. */
  join: ' ' | '\n';
}
