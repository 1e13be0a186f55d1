import { createRoute } from '@hono/zod-openapi';
import { submitScorecard } from '../../app/hiring/submit-scorecard';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { bodyErrors, errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import { ScorecardBody, ScorecardResult } from '../schemas/scorecards';
import { IdParam } from '../schemas/shared';

/** Scorecards: an interviewer's ratings and evidence per criterion, checked as they are submitted. */
export function scorecardRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/scorecards',
      tags: ['Applications'],
      summary: "Submit an interviewer's scorecard; its notes are checked and the findings come back",
      ...secured,
      request: { params: IdParam, body: jsonBody(ScorecardBody) },
      responses: { 201: jsonAnswer('Submitted', ScorecardResult), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'scorecards.submit');
      const r = await submitScorecard(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        applicationId: c.req.valid('param').id,
      });
      return c.json({ id: r.scorecard.id, findings: r.findings }, 201);
    },
  );

  return app;
}
