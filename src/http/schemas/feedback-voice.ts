import { z } from '@hono/zod-openapi';
import { GREETINGS, VOICE_LIMITS } from '../../domain/compose/voice';
import { Email } from './shared';

const text = (max: number) => z.string().max(max).nullable();

/** How an organization's letters greet, introduce, close and sign; every text is checked like a draft. */
export const FeedbackVoiceSchema = z
  .object({
    greeting: z.enum(GREETINGS).openapi({ description: 'Followed by the first name: "Dear Sam,"' }),
    intro: text(VOICE_LIMITS.intro).openapi({
      description: 'A short paragraph of your own after the thanks and the outcome (not in a screen letter)',
    }),
    closing: text(VOICE_LIMITS.closing).openapi({
      description: 'A standard closing paragraph before the sign-off (not in a screen letter)',
    }),
    signOff: z.string().trim().min(1).max(VOICE_LIMITS.signOff).openapi({ example: 'Kind regards,' }),
    signer: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('team') }),
        z.object({ kind: z.literal('reviewer') }),
        z.object({
          kind: z.literal('named'),
          name: z.string().trim().min(1).max(VOICE_LIMITS.signerName),
          title: text(VOICE_LIMITS.signerTitle),
        }),
      ])
      .openapi({
        description:
          'team: "The <Organization> hiring team"; reviewer: the member who approves each letter; named: one person',
      }),
    replyTo: Email.nullable().openapi({
      description: "Where candidates' replies go; null: the reviewer who approved the letter",
    }),
  })
  .openapi('FeedbackVoice');
