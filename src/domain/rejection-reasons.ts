// The documented default rejection reasons, and the rules for an organization's own. A reason's candidateText is
// the one sentence about it that reaches the candidate: plain and honest, about the role's requirements or about
// the role itself, never a comparison with (or a disclosure about) other candidates, never personality.
// Pure: no I/O, browser-safe.

export interface RejectionReason {
  code: string;
  label: string;
  /**
   * The reason lies with the role or the organization: the draft says so and invents no gaps
   * (docs/domain.md#personality-and-vague-verdicts).
   */
  beyondControl: boolean;
  /** One candidate-facing sentence, plain and honest. */
  candidateText: string;
  /** Guidance for the reviewer. */
  description: string;
}

export const DEFAULT_REJECTION_REASONS: readonly RejectionReason[] = Object.freeze([
  {
    code: 'skills-gap',
    label: 'Skills gap',
    beyondControl: false,
    candidateText: 'Some of the skills this role requires were not yet at the level we need.',
    description:
      'The scorecards rate one or more skills the job requires below 3. The draft names them, lowest first, ' +
      'with what was observed and a concrete next step for each.',
  },
  {
    code: 'experience-gap',
    label: 'Experience gap',
    beyondControl: false,
    candidateText:
      'The role requires hands-on experience in some areas that your background does not yet cover.',
    description:
      'The job requires practical experience (a kind of work, a tool, a domain) that the candidate has not had. ' +
      'Name the experience, not a number of years: years of experience can stand in for age.',
  },
  {
    code: 'qualification-missing',
    label: 'Qualification missing',
    beyondControl: false,
    candidateText: 'The role requires a qualification that your application did not show.',
    description:
      'A stated requirement of the job (a licence, a certification, a degree the role legally needs) is missing. ' +
      'Use it only for requirements written in the job description before applications opened.',
  },
  {
    code: 'interview-performance',
    label: 'Interview performance',
    beyondControl: false,
    candidateText:
      'In some areas, your answers during our interviews were below the level this role requires.',
    description:
      'What the candidate showed in the interviews fell below the requirements. Point to answers and exercises ' +
      '(what was asked, what was observed), never to manner or personality.',
  },
  {
    code: 'role-filled',
    label: 'Role filled',
    beyondControl: true,
    candidateText: 'We have now filled this role.',
    description:
      'The position was filled before this application completed. Say no more about who filled it: anything ' +
      'about another person discloses third-party information and invites comparison.',
  },
  {
    code: 'internal-candidate',
    label: 'Filled internally',
    beyondControl: true,
    candidateText: 'We decided to fill this role from within the company.',
    description:
      'Someone already working at the organization was chosen. Never describe that person or compare the ' +
      'candidate with them.',
  },
  {
    code: 'role-changed',
    label: 'Role changed',
    beyondControl: true,
    candidateText:
      'The requirements of this role changed during the process, so we are no longer recruiting for it as advertised.',
    description:
      'The job specification changed (scope, level, location or skills) after the candidate applied. If the new ' +
      'role would suit them, invite them to apply for it.',
  },
  {
    code: 'role-cancelled',
    label: 'Role cancelled',
    beyondControl: true,
    candidateText: 'We have decided not to fill this role at this time.',
    description: 'The organization stopped hiring for the position (budget, restructuring, a changed plan).',
  },
] satisfies RejectionReason[]);

export const REASON_CODE_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** What is wrong with an organization's reason, as sentences for the person defining it; empty when valid. */
export function reasonProblems(reason: RejectionReason): string[] {
  const problems: string[] = [];
  if (!REASON_CODE_PATTERN.test(reason.code)) {
    problems.push('The code must be lower-case words joined by hyphens, e.g. "visa-sponsorship".');
  }
  if (!reason.label.trim()) problems.push('The label must not be empty.');
  const text = reason.candidateText.trim();
  if (!text) problems.push('The candidate-facing text must not be empty.');
  else if (!/[.!?]$/.test(text)) problems.push('The candidate-facing text must be one full sentence.');
  else if (/[.!?]\s+\S/.test(text)) problems.push('The candidate-facing text must be a single sentence.');
  return problems;
}

/**
 * The defaults followed by an organization's own reasons. An organization may add reasons, not redefine the
 * documented ones: a code that repeats a default or another extension, or an invalid reason, throws.
 */
export function extendRejectionReasons(extensions: readonly RejectionReason[]): RejectionReason[] {
  const seen = new Set(DEFAULT_REJECTION_REASONS.map((r) => r.code));
  const out = [...DEFAULT_REJECTION_REASONS];
  for (const reason of extensions) {
    const problems = reasonProblems(reason);
    if (problems.length) throw new Error(`Rejection reason "${reason.code}": ${problems.join(' ')}`);
    if (seen.has(reason.code)) throw new Error(`Rejection reason "${reason.code}" already exists.`);
    seen.add(reason.code);
    out.push(reason);
  }
  return out;
}

export function findRejectionReason(
  code: string,
  reasons: readonly RejectionReason[] = DEFAULT_REJECTION_REASONS,
): RejectionReason | undefined {
  return reasons.find((r) => r.code === code);
}
