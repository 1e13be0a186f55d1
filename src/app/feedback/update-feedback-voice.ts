import { eq } from 'drizzle-orm';
import { organizations } from '../../db/schema';
import { type FeedbackVoice, normalizeVoice } from '../../domain/compose/voice';
import { recordAudit } from '../audit';
import { refuseRiskyText } from '../check-text';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';

/**
 * Sets how the organization's letters greet, introduce, close and sign. Every text the candidate will read is checked
 * like a draft first: a blocking finding refuses the change (409) naming its field. Letters already drafted keep the
 * voice they were drafted in; a letter signed by its reviewer takes the approver's name when approved.
 */
export async function updateFeedbackVoice(ctx: AppContext, actor: Actor, input: FeedbackVoice) {
  const voice = normalizeVoice(input);
  return ctx.db.transaction(async (tx) => {
    const org = await loadOrganization(tx, actor.organizationId);
    const fields: [string, string | null][] = [
      ['body.intro', voice.intro],
      ['body.closing', voice.closing],
      ['body.signOff', voice.signOff],
      ['body.signer.title', voice.signer.kind === 'named' ? voice.signer.title : null],
    ];
    refuseRiskyText(
      fields.filter((f): f is [string, string] => f[1] !== null),
      org.jurisdictions,
    );
    await tx
      .update(organizations)
      .set({ feedbackVoice: voice })
      .where(eq(organizations.id, actor.organizationId));
    await recordAudit(tx, {
      organizationId: actor.organizationId,
      actor,
      action: 'organization.feedback-voice-changed',
      subjectType: 'organization',
      subjectId: actor.organizationId,
      data: { greeting: voice.greeting, signer: voice.signer.kind, replyTo: voice.replyTo !== null },
    });
    return voice;
  });
}
