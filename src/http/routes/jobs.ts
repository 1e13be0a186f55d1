import { createRoute, z } from '@hono/zod-openapi';
import { closeJob } from '../../app/hiring/close-job';
import { createJob } from '../../app/hiring/create-job';
import { getBulkOperation } from '../../app/hiring/get-bulk-operation';
import { getJob } from '../../app/hiring/get-job';
import { listBulkOperations } from '../../app/hiring/list-bulk-operations';
import { listJobs } from '../../app/hiring/list-jobs';
import { rejectRemaining } from '../../app/hiring/reject-remaining';
import { reopenJob } from '../../app/hiring/reopen-job';
import { setCriterionPointer } from '../../app/hiring/set-criterion-pointer';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentCriterion, presentJob, presentOperation } from '../presenters/jobs';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  BulkOperation,
  BulkOperationsQuery,
  CloseJobBody,
  CloseJobResult,
  CreateJobBody,
  CriterionParams,
  CriterionPointerBody,
  CriterionPointerResult,
  Job,
  JobsQuery,
  RejectRemainingBody,
} from '../schemas/jobs';
import { IdParam, page } from '../schemas/shared';

/** Jobs: create, list, read, close and reopen, and reject every remaining application in the background. */
export function jobRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/jobs',
      tags: ['Jobs'],
      summary: 'Create a job with its criteria (knowledge, skills and abilities)',
      ...secured,
      request: { body: jsonBody(CreateJobBody) },
      responses: { 201: jsonAnswer('Created', Job), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.manage');
      const r = await createJob(c.get('ctx'), actor, c.req.valid('json'));
      return c.json(presentJob(r.job, r.criteria), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/jobs',
      tags: ['Jobs'],
      summary: 'List jobs, newest first (paginated)',
      ...secured,
      request: { query: JobsQuery },
      responses: { 200: jsonAnswer('Jobs', page(Job)), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.read');
      const r = await listJobs(c.get('ctx'), actor, c.req.valid('query'));
      return c.json(
        { items: r.items.map((i) => presentJob(i.job, i.criteria, i.counts)), nextCursor: r.nextCursor },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/jobs/{id}',
      tags: ['Jobs'],
      summary: 'One job with its criteria',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Job', Job), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.read');
      const r = await getJob(c.get('ctx'), actor, { jobId: c.req.valid('param').id });
      return c.json(presentJob(r.job, r.criteria, r.counts, r.heldUntilFilled), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/jobs/{id}/criteria/{criterionId}',
      tags: ['Jobs'],
      summary:
        "Set the organization's own pointer for a criterion: what a candidate with a gap in it should practise",
      description:
        "Drafts composed from now on use it for a gap in this criterion instead of the library's pointer. Checked like a draft: a blocking finding refuses it (409, naming body.practise); other findings come back with it.",
      ...secured,
      request: { params: CriterionParams, body: jsonBody(CriterionPointerBody) },
      responses: { 200: jsonAnswer('Saved', CriterionPointerResult), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.manage');
      const { id, criterionId } = c.req.valid('param');
      const r = await setCriterionPointer(c.get('ctx'), actor, {
        jobId: id,
        criterionId,
        practise: c.req.valid('json').practise,
      });
      return c.json({ criterion: presentCriterion(r.criterion), findings: r.findings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/jobs/{id}/close',
      tags: ['Jobs'],
      summary: 'Close a job as filled or cancelled; feedback held until filled is released',
      ...secured,
      request: { params: IdParam, body: jsonBody(CloseJobBody) },
      responses: { 200: jsonAnswer('Closed', CloseJobResult), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.manage');
      const ctx = c.get('ctx');
      const r = await closeJob(ctx, actor, { ...c.req.valid('json'), jobId: c.req.valid('param').id });
      const full = await getJob(ctx, actor, { jobId: r.job.id });
      return c.json(
        {
          job: presentJob(full.job, full.criteria, full.counts, full.heldUntilFilled),
          released: r.released,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/jobs/{id}/reopen',
      tags: ['Jobs'],
      summary: 'Reopen a closed job; feedback its closing released stays released',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Reopened', Job), ...readErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.manage');
      const ctx = c.get('ctx');
      const job = await reopenJob(ctx, actor, { jobId: c.req.valid('param').id });
      const full = await getJob(ctx, actor, { jobId: job.id });
      return c.json(presentJob(full.job, full.criteria, full.counts, full.heldUntilFilled), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/jobs/{id}/reject-remaining',
      tags: ['Jobs'],
      summary:
        'Reject every application still being assessed on a closed job, drafting feedback for each (runs in the background); offers and hires are left alone',
      ...secured,
      request: { params: IdParam, body: jsonBody(RejectRemainingBody) },
      responses: {
        202: jsonAnswer('Started; poll the operation for progress', BulkOperation),
        ...bodyErrors,
        409: errors[409],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'applications.reject');
      authorize(actor, 'jobs.manage');
      const op = await rejectRemaining(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        jobId: c.req.valid('param').id,
      });
      return c.json(presentOperation(op), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/bulk-operations',
      tags: ['Jobs'],
      summary:
        "The organization's latest bulk operations (20 at most), newest first: a job's, or those running",
      ...secured,
      request: { query: BulkOperationsQuery },
      responses: {
        200: jsonAnswer('Operations', z.object({ items: z.array(BulkOperation) })),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'jobs.read');
      const ops = await listBulkOperations(c.get('ctx'), actor, c.req.valid('query'));
      return c.json({ items: ops.map(presentOperation) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/bulk-operations/{id}',
      tags: ['Jobs'],
      summary: 'Progress of a bulk operation',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Progress', BulkOperation), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      return c.json(
        presentOperation(
          await getBulkOperation(c.get('ctx'), actor, { operationId: c.req.valid('param').id }),
        ),
        200,
      );
    },
  );

  return app;
}
