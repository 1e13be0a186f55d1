import { eq } from 'drizzle-orm';
import { blocking, checkFeedbackText } from '../../app/check-text';
import { loadOrganization } from '../../app/load';
import type { Executor } from '../../db/client';
import { criteria, type FlaggedRule, type ImportRowError, jobs, users } from '../../db/schema';
import { type PlannedRow, parseImportFile } from './rows';

export type CheckedRating = NonNullable<PlannedRow['scorecard']>['ratings'][number] & {
  /** The checker's blocking findings in the evidence: imported flagged, like evidence submitted anyway. */
  flagged: FlaggedRule[] | null;
};
export type CheckedRow = Omit<PlannedRow, 'scorecard'> & {
  /** The job's key: its existing id, or `new:<lowercased title>` for a job the import creates. */
  jobKey: string;
  scorecard:
    | (Omit<NonNullable<PlannedRow['scorecard']>, 'ratings'> & {
        interviewerId: string | null;
        ratings: CheckedRating[];
      })
    | null;
};

export interface Analysis {
  totalRows: number;
  rows: CheckedRow[];
  errors: ImportRowError[];
  /** Evidence with a blocking checker finding: not an error, but the admin confirms it with a reason. */
  warnings: ImportRowError[];
  /** Jobs the import creates, by key: the title as first written and the criteria rated for it, in column order. */
  newJobs: Map<string, { title: string; criteria: string[] }>;
}

/**
 * Checks a CSV file against the organization: its jobs (an existing open job is matched by title; a closed one is an
 * error; any other title is created with the criteria rated for it), their criteria, its members (an interviewer
 * who is not one needs a name), and the checker, which reads every piece of evidence as it reads native evidence.
 */
export async function analyseImport(
  tx: Executor,
  organizationId: string,
  content: string,
): Promise<Analysis> {
  const parsed = parseImportFile(content);
  const errors = [...parsed.errors];
  const warnings: ImportRowError[] = [];
  const newJobs: Analysis['newJobs'] = new Map();
  if (!parsed.header) return { totalRows: parsed.totalRows, rows: [], errors, warnings, newJobs };

  const org = await loadOrganization(tx, organizationId);
  const orgJobs = await tx
    .select({ id: jobs.id, title: jobs.title, status: jobs.status })
    .from(jobs)
    .where(eq(jobs.organizationId, organizationId));
  const orgCriteria = await tx
    .select({ jobId: criteria.jobId, id: criteria.id, name: criteria.name })
    .from(criteria)
    .where(eq(criteria.organizationId, organizationId));
  const members = await tx
    .select({ id: users.id, email: users.email, name: users.name, removedAt: users.removedAt })
    .from(users)
    .where(eq(users.organizationId, organizationId));
  const memberByEmail = new Map(
    members.filter((m) => !m.removedAt).map((m) => [m.email.toLowerCase(), m] as const),
  );
  const jobsByTitle = new Map<string, { id: string; status: string }[]>();
  for (const j of orgJobs) {
    const k = j.title.trim().toLowerCase();
    jobsByTitle.set(k, [...(jobsByTitle.get(k) ?? []), j]);
  }
  const criteriaByJob = new Map<string, Set<string>>();
  for (const c of orgCriteria) {
    const set = criteriaByJob.get(c.jobId) ?? new Set();
    set.add(c.name.trim().toLowerCase());
    criteriaByJob.set(c.jobId, set);
  }
  const headerOrder = parsed.header.criteria.map((c) => c.name);

  const rows: CheckedRow[] = [];
  for (const r of parsed.rows) {
    const rowErrors: ImportRowError[] = [];
    const fail = (column: string, message: string) => rowErrors.push({ row: r.row, column, message });
    const titleKey = r.job.toLowerCase();
    const matches = jobsByTitle.get(titleKey) ?? [];
    const open = matches.find((j) => j.status === 'open');
    let jobKey: string;
    if (open) {
      jobKey = open.id;
      const known = criteriaByJob.get(open.id) ?? new Set();
      for (const rating of r.scorecard?.ratings ?? [])
        if (!known.has(rating.criterion.toLowerCase()))
          fail(rating.column, `"${rating.criterion}" is not a criterion of the job "${r.job}"`);
    } else if (matches.length) {
      fail('job', `The job "${r.job}" is closed in Debrief; reopen it first, or use another title`);
      jobKey = '';
    } else {
      jobKey = `new:${titleKey}`;
      const entry = newJobs.get(jobKey) ?? { title: r.job, criteria: [] };
      for (const rating of r.scorecard?.ratings ?? [])
        if (!entry.criteria.some((c) => c.toLowerCase() === rating.criterion.toLowerCase()))
          entry.criteria.push(rating.criterion);
      newJobs.set(jobKey, entry);
    }
    let scorecard: CheckedRow['scorecard'] = null;
    if (r.scorecard) {
      const member = memberByEmail.get(r.scorecard.interviewerEmail.toLowerCase());
      if (!member && !r.scorecard.interviewerName)
        fail(
          'interviewer_name',
          `${r.scorecard.interviewerEmail} is not a member of your team; give the interviewer's name`,
        );
      const ratings: CheckedRating[] = r.scorecard.ratings.map((rating) => {
        const found = blocking(checkFeedbackText(rating.evidence, org.jurisdictions));
        const rules: FlaggedRule[] = [];
        for (const f of found)
          if (!rules.some((x) => x.ruleId === f.ruleId))
            rules.push({ ruleId: f.ruleId, category: f.category });
        if (found.length)
          warnings.push({
            row: r.row,
            column: rating.column.replace(/rating$/i, 'evidence'),
            message: `${found.map((f) => `“${f.text}” (${f.category})`).join('; ')} would put the organization at legal risk; imported flagged, kept out of feedback and statistics`,
          });
        return { ...rating, flagged: rules.length ? rules : null };
      });
      scorecard = {
        ...r.scorecard,
        interviewerId: member?.id ?? null,
        interviewerName: r.scorecard.interviewerName ?? member?.name ?? null,
        ratings,
      };
    }
    if (rowErrors.length) errors.push(...rowErrors);
    else rows.push({ ...r, jobKey, scorecard });
  }

  // A new job's criteria reach candidates in feedback: they are checked like those of a job created in Debrief.
  for (const job of newJobs.values()) {
    job.criteria.sort((a, b) => headerOrder.indexOf(a) - headerOrder.indexOf(b));
    for (const name of job.criteria) {
      const found = blocking(checkFeedbackText(name, org.jurisdictions));
      if (found.length)
        errors.push({
          row: 1,
          column: `${name} rating`,
          message: `The criterion "${name}" would put the organization at legal risk (${found.map((f) => f.category).join(', ')}); describe the work instead`,
        });
    }
  }
  errors.sort((a, b) => a.row - b.row);
  return { totalRows: parsed.totalRows, rows, errors, warnings, newJobs };
}
