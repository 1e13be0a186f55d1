import * as orm from 'drizzle-orm';
import { eq, sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { describe, expect, it } from 'vitest';
import { rowMapper } from '../../src/db/prepared';
import { applications, candidates, feedback, jobs } from '../../src/db/schema';

// Drizzle's own mapping (exported, but left out of its types).
const { mapResultRow } = orm as unknown as {
  mapResultRow(fields: unknown, row: unknown[], joins: Record<string, boolean>): Record<string, unknown>;
};

// Prepared queries map their rows with a planned rowMapper instead of Drizzle's mapResultRow: the rows an API answer
// is made of must come out exactly as Drizzle's own mapping makes them, nulls, nested tables and decoders included.
const db = drizzle.mock();
const query = db
  .select({
    id: applications.id,
    application: applications,
    candidate: { id: candidates.id, name: candidates.name },
    job: { id: jobs.id, title: jobs.title },
    feedback: { id: feedback.id, status: feedback.status },
    total: sql<number>`count(*) over ()`.mapWith(Number),
  })
  .from(applications)
  .innerJoin(candidates, eq(candidates.id, applications.candidateId))
  .innerJoin(jobs, eq(jobs.id, applications.jobId))
  .leftJoin(feedback, eq(feedback.applicationId, applications.id))
  .prepare('row_mapper_test') as unknown as {
  fields: Parameters<typeof rowMapper>[0];
  joinsNotNullableMap: Record<string, boolean>;
};

const at = '2026-12-03 17:00:00.123+00';
const row = (fb: [string | null, string | null]) => [
  'a1',
  ...['a1', 'o1', 'j1', 'c1', 'interview', null, null, null, null, at, at],
  'c1',
  'Ada',
  'j1',
  'Engineer',
  ...fb,
  '7',
];

describe('rowMapper', () => {
  it('maps rows as Drizzle does: decoded values, nested objects, a left join of nulls as null', () => {
    const { fields, joinsNotNullableMap } = query;
    expect(fields).toHaveLength(row([null, null]).length);
    const rows = [row(['f1', 'draft']), row([null, null]), row(['f2', null])];
    const ours = rowMapper(fields, joinsNotNullableMap)(rows);
    const drizzles = rows.map((r) => mapResultRow(fields, r, joinsNotNullableMap));
    expect(ours).toEqual(drizzles);
    expect(JSON.stringify(ours)).toBe(JSON.stringify(drizzles));
    expect(ours[1]!.feedback).toBeNull();
    expect(ours[0]!.total).toBe(7);
    expect((ours[0]!.application as { createdAt: Date }).createdAt).toBeInstanceOf(Date);
  });
});
