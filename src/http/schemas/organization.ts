import { z } from '@hono/zod-openapi';

export const DeleteOrganizationBody = z
  .object({
    password: z.string().min(1).max(200).openapi({ description: 'Your own password' }),
    confirmName: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "The organization's name, typed out", example: 'Acme Ltd' }),
  })
  .openapi('DeleteOrganization');
