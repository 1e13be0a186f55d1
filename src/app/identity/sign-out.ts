import type { AppContext } from '../context';
import { closeSession } from './sessions';

/** Ends the web session whose cookie this is (nothing happens for an unknown one). */
export async function signOut(ctx: AppContext, input: { secret: string }): Promise<void> {
  await closeSession(ctx, input.secret);
}
