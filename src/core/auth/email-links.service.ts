import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import { isLocale, type Locale } from '../i18n/index.js';
import { enqueue, type JobHandler } from '../jobs/queue.js';
import { queueMail } from '../mail/outbox.js';
import { credentials, emailTokens, users } from './auth.table.js';
import { passwordResetMail } from './auth.mails.js';
import { hashPassword } from './passwords.js';
import { revokeAccess } from './revoke.js';
import { createSession } from './session.js';
import { randomToken, tokenHash } from './tokens.js';

const RESET_MINUTES = 60;
/** Reset mails to one account per hour, however often someone asks: the form cannot be used to flood a mailbox. */
export const RESETS_PER_HOUR = 3;

/**
 * The "forgotten password" form's work: one job, whatever the address. Looking the address up and writing the mail
 * happen in the job, so the form answers in the same time whether or not the address has an account.
 */
export async function enqueuePasswordReset(db: Db, emailAddress: string, locale: Locale, requestId: string): Promise<void> {
  await withSystem(db, (tx) => enqueue(tx, 'auth.password_reset', { email: emailAddress, locale, requestId }, { maxAttempts: 3 }));
}

/** The `auth.password_reset` job. */
export function passwordResetJob(db: Db, config: { baseUrl: string }): JobHandler {
  return async (job) => {
    const { email, locale, requestId } = job.payload as { email: string; locale: string; requestId?: string };
    await requestPasswordReset(db, email, isLocale(locale) ? locale : 'pl', config.baseUrl, requestId ?? job.id);
  };
}

/** Sends a reset link if the address has an account (and has not had RESETS_PER_HOUR already this hour). */
export async function requestPasswordReset(db: Db, emailAddress: string, fallbackLocale: Locale, baseUrl: string, requestId: string): Promise<void> {
  const token = randomToken();
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.email, emailAddress), eq(users.disabled, false)));
    if (!user) return;
    const [recent] = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from email_tokens where user_id = ${user.id} and purpose = 'password_reset' and created_at > now() - interval '1 hour'`),
    );
    if ((recent?.n ?? 0) >= RESETS_PER_HOUR) {
      await audit(tx, { organisationId: null, userId: user.id, requestId }, { action: 'user.password_reset_refused', entity: 'user', entityId: user.id });
      return;
    }
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
      // Proving the mailbox also lifts a second-factor lock (the owner locked out by someone who knew the old
      // password gets back in); the count of locks stays, so the next one would last longer.
      .onConflictDoUpdate({
        target: credentials.userId,
        set: { passwordHash, updatedAt: new Date(), secondFactorFailures: 0, secondFactorLockedUntil: null, totpPendingSecret: null, totpPendingSession: null },
      })
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
