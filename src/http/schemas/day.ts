import { z } from '@hono/zod-openapi';

/** A calendar day, as the candidate's workspace stores dates. */
export const Day = z.iso.date().openapi({ example: '2026-11-20' });
