import { eq, sql } from 'drizzle-orm';
import type { Finding } from '../../checker';
import type { Executor } from '../../db/client';
import { preparedQuery } from '../../db/prepared';
import { criteria, type FlaggedRule, type Jurisdiction, type Rating } from '../../db/schema';
import { capitalize } from '../../domain/text';
import { AppError } from '../../lib/errors';
import { recordAudit } from '../audit';
import { blocking, checkFeedbackText } from '../check-text';
import type { Actor } from '../context';

/** A scorecard's content as its author writes it, on submitting and on editing. */
export interface ScorecardContent {
  ratings: { criterionId: string; rating: Rating; evidence: string }[];
  notes?: string | null;
  /**
   * The author's confirmation that evidence with a blocking finding is what they mean to record, and why. Without it
   * such a scorecard is refused (422).
   */
  submitAnyway?: { reason: string } | null;
}

/** A finding in a scorecard, with the field it is in. */
export type ScorecardFinding = Finding & { field: 'evidence' | 'notes'; criterionId?: string };

/** Who confirmed flagged evidence, and when: the columns a flagged rating is stored with. */
export interface FlagStamp {
  flaggedRules: FlaggedRule[];
  flagReason: string;
  flaggedBy: string;
  flaggedAt: Date;
}

// A job's criteria, read by every scorecard submitted or edited: built once.
const jobCriteriaQuery = preparedQuery((db) =>
  db
    .select()
    .from(criteria)
    .where(eq(criteria.jobId, sql.placeholder('jobId'))),
);

/**
 * Checks a scorecard's ratings against the job and the checker, the same way whether it is new or edited: every
 * criterion must be the job's and rated once; every note is checked and the findings come back. A blocking finding
 * in evidence refuses the scorecard (422, nothing written) unless the author gives a reason to keep it; `flagOf`
 * then says, per criterion, what the rating is stored flagged with (it is left out of drafts and statistics).
 */
export async function checkScorecard(
  tx: Executor,
  who: { organizationId: string; userId: string },
  loaded: { job: { id: string }; organizationJurisdictions: Jurisdiction[] },
  content: ScorecardContent,
  /** The job's criteria when the caller has read them already (with the application, after its lock). */
  readCriteria?: (typeof criteria.$inferSelect)[],
) {
  const jobId = loaded.job.id;
  const jobCriteria = readCriteria?.every((c) => c.jobId === jobId)
    ? readCriteria
    : await jobCriteriaQuery(tx).execute({ jobId });
  const known = new Set(jobCriteria.map((c) => c.id));
  const seen = new Set<string>();
  content.ratings.forEach((r, i) => {
    if (!known.has(r.criterionId)) {
      throw new AppError(
        400,
        'invalid-request',
        `body.ratings.${i}.criterionId: not a criterion of this job`,
      );
    }
    if (seen.has(r.criterionId)) {
      throw new AppError(
        400,
        'invalid-request',
        `body.ratings.${i}.criterionId: rated twice in one scorecard`,
      );
    }
    seen.add(r.criterionId);
  });

  const findings: ScorecardFinding[] = [];
  for (const r of content.ratings) {
    for (const f of checkFeedbackText(r.evidence, loaded.organizationJurisdictions))
      findings.push({ ...f, field: 'evidence', criterionId: r.criterionId });
  }
  if (content.notes)
    for (const f of checkFeedbackText(content.notes, loaded.organizationJurisdictions))
      findings.push({ ...f, field: 'notes' });

  // Evidence with a blocking finding, by criterion.
  const flagged = new Map<string, FlaggedRule[]>();
  for (const f of blocking(findings)) {
    if (f.field !== 'evidence' || !f.criterionId) continue;
    const rules = flagged.get(f.criterionId) ?? [];
    if (!rules.some((r) => r.ruleId === f.ruleId)) rules.push({ ruleId: f.ruleId, category: f.category });
    flagged.set(f.criterionId, rules);
  }
  const reason = content.submitAnyway?.reason.trim();
  if (flagged.size && !reason) {
    const name = (id: string) => jobCriteria.find((c) => c.id === id)?.name ?? id;
    const what = blocking(findings)
      .filter((f) => f.field === 'evidence')
      .map((f) => `the evidence for “${name(f.criterionId ?? '')}” says “${f.text}” (${f.category})`)
      .join('; ');
    throw new AppError(
      422,
      'blocking-findings',
      `${capitalize(what)}, which would put the organization at legal risk. Describe what the candidate did or said instead, or submit anyway with a reason: flagged evidence is kept out of feedback and statistics.`,
      { findings: findings.filter((f) => f.field === 'evidence' && f.severity === 'block') },
    );
  }
  const now = new Date();
  const flagOf = (criterionId: string): FlagStamp | null => {
    const rules = flagged.get(criterionId);
    if (!rules || !reason) return null;
    return { flaggedRules: rules, flagReason: reason, flaggedBy: who.userId, flaggedAt: now };
  };
  /** What the audit records of flagged evidence: who confirmed and why, and which rules; never the evidence. */
  const flaggedAudit = flagged.size
    ? {
        reason,
        ratings: [...flagged].map(([criterionId, rules]) => ({
          criterionId,
          rules: rules.map((r) => r.ruleId),
        })),
      }
    : null;
  return { findings, flagOf, flaggedAudit };
}

/**
 * Records, beside a scorecard submitted or edited with flagged evidence, who confirmed it and why, and which rules
 * matched (`flaggedAudit` from `checkScorecard`; nothing when it is null); never the evidence or the words matched.
 */
export async function recordFlaggedEvidence(
  tx: Executor,
  actor: Actor,
  scorecard: { id: string; applicationId: string },
  flaggedAudit: Awaited<ReturnType<typeof checkScorecard>>['flaggedAudit'],
) {
  if (!flaggedAudit) return;
  await recordAudit(tx, {
    organizationId: actor.organizationId,
    actor,
    action: 'scorecard.submitted-anyway',
    subjectType: 'scorecard',
    subjectId: scorecard.id,
    applicationId: scorecard.applicationId,
    data: flaggedAudit,
  });
}
