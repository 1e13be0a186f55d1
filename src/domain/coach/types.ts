// The request coach's data: the application it is given and the plan it returns. Pure types.

export interface CoachInterviewer {
  name: string;
  role?: string;
  email?: string;
  phone?: string;
}
export interface CoachRound {
  stage: string;
  /** YYYY-MM-DD */
  date: string;
  interviewers: CoachInterviewer[];
  rapport?: 1 | 2 | 3 | 4 | 5 | null;
  notes?: string | null;
}
export interface CoachRecruiter {
  name: string;
  email?: string;
  phone?: string;
  agency?: string;
}
export interface CoachApplication {
  company: string;
  role: string;
  candidateName: string;
  /** e.g. 'referral', 'job board', 'recruiter' */
  source?: string | null;
  /** A third-party recruiter, if any. */
  recruiter?: CoachRecruiter | null;
  /** ISO date of the rejection. */
  rejectedAt?: string | null;
  /** Known that someone else was hired / the role is filled. */
  roleFilled?: boolean | null;
  decisionFinal?: boolean | null;
  /** What the employer said, if anything. */
  reason?: string | null;
  rounds: CoachRound[];
  /**
   * Feedback the candidate already has through Debrief for this application: the workspace link where they read it,
   * and the stage the application reached there (counted as a round when none is logged).
   */
  feedbackInHand?: { link: string; stage?: string | null } | null;
  /** Addresses that reach no one at the employer (Debrief's own sending address or domain): never a contact. */
  unreachable?: string[];
}
export type Likelihood = 'low' | 'medium' | 'high';
export type ReasonKind = 'none' | 'substantive' | 'beyond-control' | 'personality' | 'generic';
export interface RequestPlan {
  ask: {
    advice: string;
    /** YYYY-MM-DD */
    earliest: string;
    likelihood: Likelihood;
    reasons: string[];
    /** False while the decision is not final and the role not known to be filled: wait. */
    ready: boolean;
    /** The score behind the likelihood (see the header). */
    score: number;
    screenOnly: boolean;
    reasonKind: ReasonKind;
  };
  contact: {
    name: string;
    why: string;
    kind: 'interviewer' | 'recruiter' | 'hiring-team';
    email?: string;
    phone?: string;
  } | null;
  channel: { kind: 'call' | 'email'; why: string };
  /** With feedback already in hand: read it, say thanks and ask one question on its page, rather than a new request. */
  inHand: { link: string; text: string } | null;
  draft: { subject: string; body: string };
  callSheet: string[];
  followUps: { kind: 'thank-you' | 'connection-request'; when: string; text: string }[];
}
