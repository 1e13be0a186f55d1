import { createRoute } from '@hono/zod-openapi';
import { eraseCandidate } from '../../app/privacy/erase-candidate';
import { exportCandidateRecords } from '../../app/privacy/export-candidate-records';
import { changeRetentionPeriod, getRetentionSettings } from '../../app/privacy/retention-settings';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  ErasureBody,
  ErasureResult,
  ExportBody,
  ExportResult,
  RetentionBody,
  RetentionSettings,
} from '../schemas/privacy';

/** Data rights on the hiring side (admins): a candidate's subject access export, their erasure, the retention period. */
export function privacyRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/privacy/exports',
      tags: ['Privacy'],
      summary:
        'Export everything the organization holds about a candidate (GDPR Art. 15), as JSON and as a readable HTML document; audited',
      ...secured,
      request: { body: jsonBody(ExportBody) },
      responses: { 200: jsonAnswer('The export', ExportResult), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'privacy.manage');
      const r = await exportCandidateRecords(c.get('ctx'), actor, c.req.valid('json'));
      c.header('cache-control', 'no-store');
      return c.json({ export: r.document, html: r.html }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/privacy/erasures',
      tags: ['Privacy'],
      summary:
        "Erase a candidate's personal data from the organization (GDPR Art. 17): names, addresses and every text about them, in records, emails, jobs and the audit trail; the dashboard's counts stay",
      description:
        "`confirm` must repeat the candidate's email address (422 otherwise); a candidate already erased is 409.",
      ...secured,
      request: { body: jsonBody(ErasureBody) },
      responses: {
        200: jsonAnswer('Erased', ErasureResult),
        ...bodyErrors,
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'privacy.manage');
      const r = await eraseCandidate(c.get('ctx'), actor, c.req.valid('json'));
      return c.json({ ...r, erasedAt: r.erasedAt.toISOString() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/privacy/settings',
      tags: ['Privacy'],
      summary: "How long rejected candidates' personal data is kept after the final decision",
      ...secured,
      responses: { 200: jsonAnswer('Settings', RetentionSettings), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'privacy.manage');
      return c.json(await getRetentionSettings(c.get('ctx'), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/privacy/settings',
      tags: ['Privacy'],
      summary: "Change how long rejected candidates' personal data is kept (1 to 120 months); audited",
      ...secured,
      request: { body: jsonBody(RetentionBody) },
      responses: { 200: jsonAnswer('Settings', RetentionSettings), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'privacy.manage');
      return c.json(await changeRetentionPeriod(c.get('ctx'), actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
