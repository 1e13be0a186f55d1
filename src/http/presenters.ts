import type {
  apiTokens,
  applications,
  auditEvents,
  candidates,
  criteria,
  feedback,
  jobs,
  organizations,
  users,
} from '../db/schema';

/** What leaves the API: never a password hash, a token hash, or another organization's data. */

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentOrganization(o: typeof organizations.$inferSelect) {
  return { id: o.id, name: o.name };
}

export function presentUser(u: typeof users.$inferSelect) {
  const status = u.deactivatedAt ? 'deactivated' : u.passwordHash ? 'active' : 'invited';
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    status,
    createdAt: u.createdAt.toISOString(),
  } as const;
}

export function presentApiToken(t: typeof apiTokens.$inferSelect) {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: iso(t.lastUsedAt),
    revokedAt: iso(t.revokedAt),
  };
}

export function presentJob(
  j: typeof jobs.$inferSelect,
  crit: (typeof criteria.$inferSelect)[],
  counts?: Record<string, number>,
) {
  return {
    id: j.id,
    title: j.title,
    status: j.status,
    criteria: crit.map((c) => ({ id: c.id, name: c.name, description: c.description })),
    ...(counts
      ? {
          applications: {
            active: counts.active ?? 0,
            rejected: counts.rejected ?? 0,
            hired: counts.hired ?? 0,
          },
        }
      : {}),
    createdAt: j.createdAt.toISOString(),
    closedAt: iso(j.closedAt),
  };
}

export function presentApplication(
  a: typeof applications.$inferSelect,
  c: typeof candidates.$inferSelect,
  fb: { id: string | null; status: string | null } | null = null,
) {
  return {
    id: a.id,
    jobId: a.jobId,
    candidate: { id: c.id, name: c.name, email: c.email },
    stage: a.stage,
    status: a.status,
    rejectionReason: a.rejectionReason,
    rejectedAt: iso(a.rejectedAt),
    createdAt: a.createdAt.toISOString(),
    feedback: fb?.id ? { id: fb.id, status: fb.status ?? 'draft' } : null,
  };
}

/** The reviewer's view of feedback: the body, its findings, and the evidence behind each sentence. */
export function presentFeedback(f: typeof feedback.$inferSelect) {
  const seen = new Set<string>();
  const evidence = f.sentences
    .flatMap((s) => s.evidence)
    .filter((e) => {
      const key = `${e.scorecardId}:${e.criterionId}:${e.excerpt}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  return {
    id: f.id,
    applicationId: f.applicationId,
    status: f.status,
    body: f.body,
    findings: f.findings,
    evidence,
    sentences: f.sentences,
    sendMode: f.sendMode,
    sendAt: iso(f.sendAt),
    sentAt: iso(f.sentAt),
    approvedAt: iso(f.approvedAt),
    overrideJustification: f.overrideJustification,
  };
}

export function presentAuditEvent(e: typeof auditEvents.$inferSelect) {
  return {
    at: e.at.toISOString(),
    actor: { type: e.actorType, id: e.actorId, name: e.actorName },
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    data: e.data,
  };
}
