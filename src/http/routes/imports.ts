import { createRoute, z } from '@hono/zod-openapi';
import { confirmImport, discardImport } from '../../integrations/csv-import/confirm-import';
import { getImport, listImports, previewImport } from '../../integrations/csv-import/preview-import';
import { TEMPLATE_CSV } from '../../integrations/csv-import/rows';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentImport, presentPreview } from '../presenters/imports';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import {
  ConfirmImportBody,
  CsvImport,
  ImportDetail,
  ImportList,
  ImportPreview,
  UploadImportBody,
} from '../schemas/imports';
import { IdParam } from '../schemas/shared';

/**
 * CSV imports from another ATS: the template, upload (a preview with row errors; nothing is imported), confirmation
 * (a background import with progress), and the import's progress and summary. Admins only.
 */
export function importRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/imports/template.csv',
      tags: ['Imports'],
      summary: 'The CSV template, with an example row (docs/integrations-csv.md describes each column)',
      ...secured,
      responses: {
        200: { description: 'The template', content: { 'text/csv': { schema: z.string() } } },
        401: errors[401],
        403: errors[403],
      },
    }),
    (c) => {
      authorize(requireActor(c), 'imports.manage');
      c.header('content-disposition', 'attachment; filename="debrief-import-template.csv"');
      return c.body(TEMPLATE_CSV, 200, { 'content-type': 'text/csv; charset=utf-8' });
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/imports',
      tags: ['Imports'],
      summary: 'Upload a CSV file: checks every row and answers the preview; nothing is imported yet',
      ...secured,
      request: { body: jsonBody(UploadImportBody) },
      responses: { 201: jsonAnswer('Checked; confirm to import', ImportPreview), ...bodyErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'imports.manage');
      return c.json(presentPreview(await previewImport(c.get('ctx'), actor, c.req.valid('json'))), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/imports',
      tags: ['Imports'],
      summary: "The organization's latest imports",
      ...secured,
      responses: { 200: jsonAnswer('Imports', ImportList), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'imports.manage');
      const items = await listImports(c.get('ctx'), actor);
      return c.json({ items: items.map(presentImport) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/imports/{id}',
      tags: ['Imports'],
      summary: 'An import: its preview while it waits for confirmation, then its progress and summary',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Import', ImportDetail), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'imports.manage');
      const r = await getImport(c.get('ctx'), actor, { importId: c.req.valid('param').id });
      return c.json(
        { import: presentImport(r.import), preview: r.preview && presentPreview(r.preview) },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/imports/{id}/confirm',
      tags: ['Imports'],
      summary: 'Import a previewed file (runs in the background; poll the import for progress)',
      ...secured,
      request: { params: IdParam, body: jsonBody(ConfirmImportBody) },
      responses: {
        202: jsonAnswer('Started', CsvImport),
        ...bodyErrors,
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'imports.manage');
      const row = await confirmImport(c.get('ctx'), actor, {
        importId: c.req.valid('param').id,
        flagReason: c.req.valid('json').flagReason,
      });
      return c.json(presentImport(row), 202);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/imports/{id}/discard',
      tags: ['Imports'],
      summary: 'Discard a previewed file without importing it',
      ...secured,
      request: { params: IdParam },
      responses: { 200: jsonAnswer('Discarded', CsvImport), ...readErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'imports.manage');
      return c.json(
        presentImport(await discardImport(c.get('ctx'), actor, { importId: c.req.valid('param').id })),
        200,
      );
    },
  );
  return app;
}
