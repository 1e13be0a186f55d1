import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '../../src/db/client';

// The pipeline migration on data written before it: the stage takes over from the old status (a rejected application
// keeps the stage it was rejected at), and each scorecard
// gets its interviewer, the member its address names or else the member who submitted it.

const files = readdirSync(migrationsFolder())
  .filter((f) => f.endsWith('.sql'))
  .sort();
const pipeline = files.findIndex((f) => f.endsWith('_application_pipeline.sql'));

async function apply(db: PGlite, file: string) {
  for (const statement of readFileSync(join(migrationsFolder(), file), 'utf8').split(
    '--> statement-breakpoint',
  ))
    if (statement.trim()) await db.exec(statement);
}

let db: PGlite;
beforeAll(async () => {
  db = new PGlite();
  for (const f of files.slice(0, pipeline)) await apply(db, f);
});
afterAll(() => db.close());

describe('the application pipeline migration', () => {
  it('backfills stages from statuses and scorecards with their interviewer', async () => {
    const one = async <T>(sql: string, params: unknown[] = []) =>
      (await db.query<T>(sql, params)).rows[0] as T;
    const { id: org } = await one<{ id: string }>(
      `insert into organizations (name) values ('Acme') returning id`,
    );
    const user = async (name: string, email: string) =>
      (
        await one<{ id: string }>(
          `insert into users (organization_id, name, email, role) values ($1, $2, $3, 'admin') returning id`,
          [org, name, email],
        )
      ).id;
    const ada = await user('Ada', 'ada@acme.test');
    const priya = await user('Priya', 'Priya@Acme.test');
    const { id: job } = await one<{ id: string }>(
      `insert into jobs (organization_id, title) values ($1, 'Engineer') returning id`,
      [org],
    );
    const application = async (stage: string, status: string) => {
      const { id: candidate } = await one<{ id: string }>(
        `insert into candidates (organization_id, name, email) values ($1, 'C', $2) returning id`,
        [org, `${stage}-${status}@c.test`],
      );
      return (
        await one<{ id: string }>(
          `insert into applications (organization_id, job_id, candidate_id, stage, status) values ($1, $2, $3, $4, $5) returning id`,
          [org, job, candidate, stage, status],
        )
      ).id;
    };
    const active = await application('interview', 'active');
    const rejected = await application('final', 'rejected');
    const hired = await application('final', 'hired');
    const card = async (email: string) =>
      (
        await one<{ id: string }>(
          `insert into scorecards (organization_id, application_id, stage, interviewer_name, interviewer_email, recommendation, submitted_by)
           values ($1, $2, 'interview', 'Someone', $3, 'yes', $4) returning id`,
          [org, active, email, ada],
        )
      ).id;
    const priyas = await card('priya@acme.test');
    const unknown = await card('carol@elsewhere.test');

    for (const f of files.slice(pipeline)) await apply(db, f);

    const stages = await db.query<{ id: string; stage: string; rejected_at_stage: string | null }>(
      'select id, stage, rejected_at_stage from applications',
    );
    expect(Object.fromEntries(stages.rows.map((r) => [r.id, [r.stage, r.rejected_at_stage]]))).toEqual({
      [active]: ['interview', null],
      [rejected]: ['rejected', 'final'],
      [hired]: ['hired', null],
    });
    const cards = await db.query<{ id: string; interviewer_id: string }>(
      'select id, interviewer_id from scorecards',
    );
    expect(Object.fromEntries(cards.rows.map((r) => [r.id, r.interviewer_id]))).toEqual({
      [priyas]: priya,
      [unknown]: ada,
    });
    await expect(
      db.query(`update applications set stage = 'lost' where id = $1`, [active]),
    ).rejects.toThrow();
  });
});
