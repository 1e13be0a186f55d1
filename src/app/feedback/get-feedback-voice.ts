import { type FeedbackVoice, normalizeVoice } from '../../domain/compose/voice';
import type { Actor, AppContext } from '../context';
import { loadOrganization } from '../load';

/** How the organization's letters greet, introduce, close and sign, with the defaults filled in. */
export async function getFeedbackVoice(ctx: AppContext, actor: Actor): Promise<FeedbackVoice> {
  const org = await loadOrganization(ctx.db, actor.organizationId);
  return normalizeVoice(org.feedbackVoice);
}
