import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../db/tx.js';
import { accessTokens, emailTokens, sessions } from './auth.table.js';

/**
 * After a password reset or change: every session of the account ends, its personal access tokens are revoked and
 * its unused reset links stop working, so whoever held any of them (a stolen session, a leaked token, an old link)
 * is out. Returns how many tokens were revoked, for the page to say so. Runs in the caller's system transaction.
 */
export async function revokeAccess(tx: Tx, userId: string): Promise<{ tokens: number }> {
  await tx.delete(sessions).where(eq(sessions.userId, userId));
  const revoked = await tx
    .update(accessTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
    .returning({ id: accessTokens.id });
  await tx.update(emailTokens).set({ usedAt: new Date() }).where(and(eq(emailTokens.userId, userId), isNull(emailTokens.usedAt)));
  return { tokens: revoked.length };
}
