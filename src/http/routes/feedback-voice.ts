import { createRoute } from '@hono/zod-openapi';
import { getFeedbackVoice } from '../../app/feedback/get-feedback-voice';
import { updateFeedbackVoice } from '../../app/feedback/update-feedback-voice';
import { requireActor, secured } from '../env';
import { authorize } from '../policies';
import { bodyErrors, errors, jsonAnswer, jsonBody, readErrors } from '../responses';
import { createRouter } from '../router';
import { FeedbackVoiceSchema } from '../schemas/feedback-voice';

/** The organization's voice on its letters: greeting, introduction, closing, sign-off and signer, and reply address. */
export function feedbackVoiceRoutes() {
  const app = createRouter();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/feedback-voice',
      tags: ['Feedback'],
      summary: "How your organization's letters greet, introduce, close and sign",
      ...secured,
      responses: { 200: jsonAnswer('The voice, defaults filled in', FeedbackVoiceSchema), ...readErrors },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'feedback.review');
      return c.json(await getFeedbackVoice(c.get('ctx'), actor), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/v1/feedback-voice',
      tags: ['Feedback'],
      summary: "Set how your organization's letters greet, introduce, close and sign",
      description:
        'Every text is checked like a draft: a blocking finding refuses the change (409, each finding naming its field). Letters already drafted keep their voice.',
      ...secured,
      request: { body: jsonBody(FeedbackVoiceSchema) },
      responses: { 200: jsonAnswer('Saved', FeedbackVoiceSchema), ...bodyErrors, 409: errors[409] },
    }),
    async (c) => {
      const actor = requireActor(c);
      authorize(actor, 'voice.manage');
      return c.json(await updateFeedbackVoice(c.get('ctx'), actor, c.req.valid('json')), 200);
    },
  );
  return app;
}
