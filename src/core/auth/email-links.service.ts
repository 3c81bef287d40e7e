import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import { isLocale, type Locale } from '../i18n/index.js';
import { queueMail } from '../mail/outbox.js';
import { credentials, emailTokens, users } from './auth.table.js';
import { passwordResetMail } from './auth.mails.js';
import { hashPassword } from './passwords.js';
import { revokeAccess } from './revoke.js';
import { createSession } from './session.js';
import { randomToken, tokenHash } from './tokens.js';

const RESET_MINUTES = 60;

/** Sends a reset link if the address has an account. The caller answers the same either way. */
export async function requestPasswordReset(db: Db, emailAddress: string, fallbackLocale: Locale, baseUrl: string, requestId: string): Promise<void> {
  const token = randomToken();
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.email, emailAddress), eq(users.disabled, false)));
    if (!user) return;
    await tx.insert(emailTokens).values({ tokenHash: tokenHash(token), purpose: 'password_reset', userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    const locale = isLocale(user.locale) ? user.locale : fallbackLocale;
    await queueMail(tx, { organisationId: null, to: user.email, locale, template: passwordResetMail, params: { url: `${baseUrl}/password/reset/${token}?lang=${locale}`, minutes: RESET_MINUTES } });
    await audit(tx, { organisationId: null, userId: user.id, requestId }, { action: 'user.password_reset_requested', entity: 'user', entityId: user.id });
  });
}

const valid = (token: string) =>
  and(eq(emailTokens.tokenHash, tokenHash(token)), eq(emailTokens.purpose, 'password_reset'), isNull(emailTokens.usedAt), sql`${emailTokens.expiresAt} > now()`);

/** The account a still-valid reset link belongs to, or null (unknown, used or expired). */
export async function checkResetLink(db: Db, token: string): Promise<{ userId: string; email: string } | null> {
  if (token.length > 100) return null;
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ userId: emailTokens.userId, email: users.email })
      .from(emailTokens)
      .innerJoin(users, eq(users.id, emailTokens.userId))
      .where(and(valid(token), eq(users.disabled, false))),
  );
  return row ?? null;
}

/**
 * Uses a reset link to set the password, once: the token is marked used in the same transaction (a replayed link
 * finds it used); every session of the account ends, its API tokens are revoked and its other reset links stop
 * working; a new session starts (still asking for the second factor when the account has one).
 */
export async function completePasswordReset(db: Db, token: string, password: string, requestId: string): Promise<{ sessionToken: string; mfaRequired: boolean; tokensRevoked: number } | null> {
  const passwordHash = await hashPassword(password);
  return withSystem(db, async (tx) => {
    const [used] = await tx.update(emailTokens).set({ usedAt: new Date() }).where(valid(token)).returning();
    if (!used) return null;
    const [existing] = await tx
      .insert(credentials)
      .values({ userId: used.userId, passwordHash })
      .onConflictDoUpdate({ target: credentials.userId, set: { passwordHash, updatedAt: new Date() } })
      .returning({ totpEnabled: credentials.totpEnabled });
    const { tokens } = await revokeAccess(tx, used.userId);
    await audit(tx, { organisationId: null, userId: used.userId, requestId }, { action: 'user.password_reset', entity: 'user', entityId: used.userId, fields: ['password'] });
    const organisationId =
      rowsOf<{ id: string }>(
        await tx.execute(sql`
          select o.id from organisations o
          where exists (select 1 from people p join memberships m on m.person_id = p.id where p.user_id = ${used.userId} and p.organisation_id = o.id)
          order by o.name limit 1`),
      )[0]?.id ?? null;
    const totp = Boolean(existing?.totpEnabled);
    return { sessionToken: await createSession(tx, used.userId, organisationId, { mfaPassed: !totp, remember: false }), mfaRequired: totp, tokensRevoked: tokens };
  });
}
