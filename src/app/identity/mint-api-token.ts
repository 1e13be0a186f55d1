import type { Executor } from '../../db/client';
import { apiTokens } from '../../db/schema';
import { newSecret, sha256 } from '../../lib/crypto';

export const TOKEN_PREFIX = 'dbf_';

/** Mints a Bearer token acting as a user. The secret is returned once; only its SHA-256 is kept. */
export async function mintApiToken(tx: Executor, user: { id: string; organizationId: string }, name: string) {
  const secret = newSecret(TOKEN_PREFIX);
  const [row] = await tx
    .insert(apiTokens)
    .values({
      organizationId: user.organizationId,
      userId: user.id,
      name,
      prefix: secret.slice(0, 10),
      tokenHash: sha256(secret),
    })
    .returning();
  return { token: row, secret };
}
