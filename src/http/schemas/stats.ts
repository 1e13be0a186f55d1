import { z } from '@hono/zod-openapi';
import { QueryDay } from './day';

export const Stats = z
  .object({
    rejected: z.number(),
    feedbackSent: z.number(),
    feedbackShare: z.number().nullable(),
    medianHoursToSend: z.number().nullable(),
    draftsWaiting: z.number(),
    scheduled: z.number(),
    commonGaps: z.array(z.object({ criterion: z.string(), count: z.number() })),
    ratingsLeftOut: z.number().openapi({
      description:
        'Ratings of rejected applications left out of commonGaps: their evidence was submitted despite a blocking finding, or redacted',
    }),
    sentByWeek: z.array(z.object({ week: z.string(), sent: z.number() })),
    usefulAverage: z.number().nullable().openapi({ description: "Candidates' rating of usefulness, 1 to 5" }),
    usefulRatings: z.number(),
    thanksReceived: z.number(),
    questionsOpen: z.number(),
    futureRolesOptIns: z.number(),
    requestsOpen: z.number(),
    requestsOverdue: z.number(),
  })
  .openapi('Stats');

/** The dashboard's filters: one job, and the days candidates were rejected on (both included). */
export const StatsQuery = z.object({
  jobId: z
    .uuid()
    .optional()
    .openapi({ param: { name: 'jobId', in: 'query' }, description: 'Only this job' }),
  from: QueryDay('from'),
  to: QueryDay('to'),
});
