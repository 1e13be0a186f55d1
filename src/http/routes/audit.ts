import { createRoute, z } from '@hono/zod-openapi';
import { exportAudit } from '../../app/audit-trail/export-audit';
import { searchAudit } from '../../app/audit-trail/search-audit';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { AUDIT_CSV_COLUMNS, auditCsvLine, presentAuditEvent } from '../presenters/audit';
import { jsonAnswer, readErrors } from '../responses';
import { createRouter } from '../router';
import { AuditEvent, AuditExportQuery, AuditQuery } from '../schemas/audit';

/** The audit trail: an application's timeline, and the whole organization's for admins, searched or exported. */
export function auditRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit',
      tags: ['Audit'],
      summary: 'The audit trail: who did what, when, and the exact text sent',
      description:
        "With `applicationId`, that application's trail (admins, recruiters and hiring managers); without it, the " +
        "whole organization's (admins only). Narrow it by member (`actorId`), action (exact, or a prefix ending in " +
        'a dot such as `feedback.`) and time (`from`, `to`: ISO dates or times; a date alone counts its whole day). ' +
        'Up to `limit` events a page, oldest first unless `order=desc`; pass `nextCursor` as `cursor` for the next.',
      ...secured,
      request: { query: AuditQuery },
      responses: {
        200: jsonAnswer(
          'Events',
          z.object({ events: z.array(AuditEvent), nextCursor: z.string().nullable() }),
        ),
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      const { to, ...query } = c.req.valid('query');
      authorize(actor, query.applicationId ? 'audit.read' : 'audit.search');
      const { events, nextCursor } = await searchAudit(c.get('ctx'), actor, { ...query, before: to });
      return c.json({ events: events.map(presentAuditEvent), nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/audit/export',
      tags: ['Audit'],
      summary: "Download the organization's audit trail as CSV or JSON (admins)",
      description:
        'The same filters as the search, oldest first, streamed. CSV follows RFC 4180, and a cell a spreadsheet ' +
        'would read as a formula starts with a single quote. The export is itself recorded (`audit.exported`).',
      ...secured,
      request: { query: AuditExportQuery },
      responses: {
        200: {
          description: 'The events, as a file to save',
          content: {
            'text/csv': { schema: z.string() },
            'application/json': { schema: z.object({ events: z.array(AuditEvent) }) },
          },
        },
        ...readErrors,
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'audit.search');
      const { to, format, ...filters } = c.req.valid('query');
      const batches = await exportAudit(c.get('ctx'), actor, { ...filters, before: to, format });
      const encoder = new TextEncoder();
      let first = true;
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(
            encoder.encode(format === 'csv' ? `${AUDIT_CSV_COLUMNS.join(',')}\r\n` : '{"events":[\n'),
          );
        },
        async pull(controller) {
          const next = await batches.next();
          if (next.done) {
            if (format === 'json') controller.enqueue(encoder.encode('\n]}\n'));
            controller.close();
            return;
          }
          const text =
            format === 'csv'
              ? next.value.map(auditCsvLine).join('')
              : next.value
                  .map((e) => {
                    const line = (first ? '' : ',\n') + JSON.stringify(presentAuditEvent(e));
                    first = false;
                    return line;
                  })
                  .join('');
          controller.enqueue(encoder.encode(text));
        },
        async cancel() {
          await batches.return(undefined);
        },
      });
      const day = new Date().toISOString().slice(0, 10);
      return new Response(stream, {
        status: 200,
        headers: {
          'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
          'content-disposition': `attachment; filename="audit-${day}.${format}"`,
          'cache-control': 'no-store',
        },
      }) as never;
    },
  );
  return app;
}
