import {
  type ComposeCriterion,
  type ComposeInput,
  type ComposeScorecard,
  DEFAULT_REJECTION_REASONS,
  type RejectionReason,
} from '../../src/domain';

export function reason(code: string): RejectionReason {
  const r = DEFAULT_REJECTION_REASONS.find((x) => x.code === code);
  if (!r) throw new Error(`no reason ${code}`);
  return r;
}

export const CRITERIA: ComposeCriterion[] = [
  { id: 'detail', name: 'Attention to detail', description: 'Accurate, error-free written work for clients' },
  {
    id: 'design',
    name: 'System design',
    description: 'Designs services that stay reliable as traffic grows',
  },
  { id: 'writing', name: 'Written communication', description: null },
  { id: 'python', name: 'Python experience', description: 'Experience with Python in production' },
  { id: 'testing', name: 'Testing', description: 'Writes automated tests for the code they ship' },
];

export const SCREEN: ComposeScorecard = {
  id: 'sc-screen',
  stage: 'screen',
  interviewerName: 'Priya Natarajan',
  ratings: [
    { criterionId: 'detail', rating: 2, evidence: 'The candidate missed two typos in the cover letter.' },
    { criterionId: 'python', rating: 3, evidence: 'Has used Python at work for two years.' },
  ],
  notes: 'PRIVATE: recruiter thinks the salary ask is high',
};

export const INTERVIEW: ComposeScorecard = {
  id: 'sc-interview',
  stage: 'interview',
  interviewerName: 'Marcus Olsen',
  ratings: [
    { criterionId: 'detail', rating: 1, evidence: 'The candidate missed three errors in the data exercise.' },
    {
      criterionId: 'design',
      rating: 2,
      evidence: 'The candidate could not explain how the queue would scale.',
    },
    { criterionId: 'writing', rating: 4, evidence: 'The candidate wrote a clear, well structured summary.' },
    { criterionId: 'testing', rating: 2, evidence: 'The candidate wrote no tests for the exercise.' },
    { criterionId: 'python', rating: 3, evidence: 'The candidate used Python idioms comfortably.' },
  ],
  notes: 'PRIVATE: Marcus felt the vibe was off',
};

export const FINAL: ComposeScorecard = {
  id: 'sc-final',
  stage: 'final',
  interviewerName: 'Dana Whitfield',
  ratings: [
    {
      criterionId: 'design',
      rating: 2,
      evidence: 'The candidate did not consider what happens when a worker fails.',
    },
    { criterionId: 'testing', rating: 2, evidence: 'The candidate had no plan for testing the migration.' },
    { criterionId: 'writing', rating: 3, evidence: 'The candidate wrote a readable design note.' },
  ],
  notes: null,
};

export function input(overrides: Partial<ComposeInput> = {}): ComposeInput {
  return {
    organizationName: 'Acme Logistics',
    jobTitle: 'Backend Engineer',
    candidateName: 'Sam Rivera',
    reason: reason('skills-gap'),
    criteria: CRITERIA,
    scorecards: [SCREEN, INTERVIEW],
    ...overrides,
  };
}

/** The sentences of a body between the greeting and the sign-off. */
export function contentSentences(sentences: { text: string }[]): string[] {
  return sentences
    .map((s) => s.text)
    .filter((t) => !/^(Dear|Hello)\b.*,$/.test(t) && t !== 'Kind regards,' && !/hiring team$/.test(t));
}
