// What the hiring benches (bulk.ts, hiring.ts, compose.ts) write into their jobs and scorecards: one job's four
// criteria and six interviewer notes, each a plain observation, so no draft is held back by a finding.

/** Six notes an interviewer might write, used in turn. */
export const EVIDENCE = [
  'The written exercise had three typos in the API field names and a wrong status code.',
  'Explained the caching trade-off clearly with a diagram and answered follow-up questions directly.',
  'The design had no plan for retries when the payment provider times out.',
  'Wrote tests for the happy path only; the empty-list case failed when we ran it.',
  'Walked through a past migration project step by step, naming the risks and how they were handled.',
  'Could not say how the service would behave when the database connection pool is exhausted.',
] as const;

/** The job's criteria. */
export const CRITERIA = [
  { name: 'Attention to detail', description: 'Careful, accurate written work' },
  { name: 'System design', description: 'Designs services that scale and fail safely' },
  { name: 'Communication', description: 'Explains technical trade-offs clearly' },
  { name: 'Testing', description: 'Writes tests that catch real failures' },
] as const;

/** Note `k` of the turn starting at `i`, made its own text by the exercise number `n` (as real notes differ). */
export function uniqueNote(i: number, k: number, n: number): string {
  return `${EVIDENCE[(i + k) % EVIDENCE.length]?.slice(0, -1)}, in exercise ${n}.`;
}
