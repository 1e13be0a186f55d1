import { z } from '@hono/zod-openapi';

/** A member's own settings: what Debrief emails them. */
export const PreferencesSchema = z
  .object({
    reviewDigest: z.boolean().openapi({
      description:
        'The daily summary of drafts waiting over a day and requests near their deadline (members who review feedback), sent only on days with something waiting',
    }),
  })
  .openapi('Preferences');
