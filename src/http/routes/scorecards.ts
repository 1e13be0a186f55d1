import { createRoute } from '@hono/zod-openapi';
import { editScorecard } from '../../app/hiring/edit-scorecard';
import { redactEvidence } from '../../app/hiring/redact-evidence';
import { submitScorecard } from '../../app/hiring/submit-scorecard';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { presentRating } from '../presenters/scorecards';
import { bodyErrors, errors, jsonAnswer, jsonBody } from '../responses';
import { createRouter } from '../router';
import {
  RatingParams,
  RedactBody,
  RedactResult,
  ScorecardBody,
  ScorecardEditBody,
  ScorecardResult,
} from '../schemas/scorecards';
import { IdParam } from '../schemas/shared';

/**
 * Scorecards: an interviewer's ratings and evidence per criterion, checked as they are submitted and as their author
 * edits them until the application is decided; an admin may redact a rating's evidence.
 */
export function scorecardRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/applications/{id}/scorecards',
      tags: ['Applications'],
      summary:
        "Submit an interviewer's scorecard; it is checked and the findings come back. Evidence with a blocking finding is refused (422) unless submitAnyway gives a reason",
      ...secured,
      request: { params: IdParam, body: jsonBody(ScorecardBody) },
      responses: {
        201: jsonAnswer('Submitted', ScorecardResult),
        ...bodyErrors,
        409: errors[409],
        422: errors[422],
      },
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

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/v1/scorecards/{id}',
      tags: ['Applications'],
      summary:
        'Edit your scorecard until the application is decided (409 scorecard-locked after): its content is replaced and checked as on submitting',
      ...secured,
      request: { params: IdParam, body: jsonBody(ScorecardEditBody) },
      responses: {
        200: jsonAnswer('Edited', ScorecardResult),
        ...bodyErrors,
        404: errors[404],
        409: errors[409],
        422: errors[422],
      },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'scorecards.submit');
      const r = await editScorecard(c.get('ctx'), actor, {
        ...c.req.valid('json'),
        scorecardId: c.req.valid('param').id,
      });
      return c.json({ id: r.scorecard.id, findings: r.findings }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/scorecards/{id}/ratings/{ratingId}/redact',
      tags: ['Applications'],
      summary:
        "Redact a rating's evidence (admin): the text is removed for good; who, when and why are kept and audited",
      ...secured,
      request: { params: RatingParams, body: jsonBody(RedactBody) },
      responses: { 200: jsonAnswer('Redacted', RedactResult), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'scorecards.redact');
      const { id, ratingId } = c.req.valid('param');
      const r = await redactEvidence(c.get('ctx'), actor, {
        scorecardId: id,
        ratingId,
        reason: c.req.valid('json').reason,
      });
      return c.json(
        { rating: presentRating(r.rating, new Map([[actor.userId, actor.name]])), quotedBy: r.quotedBy },
        200,
      );
    },
  );

  return app;
}
