import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, type Tx } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import { isLocale, type Locale } from '../i18n/index.js';
import { queueMail } from '../mail/outbox.js';
import { credentials, sessions, signInThrottle, users } from './auth.table.js';
import { secondFactorLockedMail } from './auth.mails.js';
import { verifyPassword } from './passwords.js';
import { proveSecondFactor } from './second-factor.js';
import { createSession } from './session.js';
import { tokenHash } from './tokens.js';

/** Wrong passwords allowed per e-mail address and client address before that pair has to wait. */
export const FREE_FAILURES = 4;
/** The wait after each further failure doubles from 1 minute up to this. */
export const MAX_WAIT_MINUTES = 60;
/** Wrong second-factor codes (after a right password) before the second factor locks. */
export const MAX_SECOND_FACTOR_FAILURES = 5;
/** The first second-factor lock; each following one in a row lasts twice as long, up to a day. */
export const SECOND_FACTOR_LOCK_MINUTES = 15;
const MAX_SECOND_FACTOR_LOCK_MINUTES = 24 * 60;

export type SignInResult =
  | { ok: true; token: string; mfaRequired: boolean; remember: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled' | 'secondFactorLocked'; minutes: number };

const minutesUntil = (when: Date) => Math.max(1, Math.ceil((when.getTime() - Date.now()) / 60_000));

/** The throttle key of an e-mail address typed on a client address: whether or not the address has an account. */
const throttleKey = (email: string, clientAddress: string) => tokenHash(`sign-in\n${email}\n${clientAddress}`);

/** The organisation a user lands in after signing in: the first one (by name) they belong to. */
async function defaultOrganisation(tx: Tx, userId: string): Promise<string | null> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select o.id from organisations o
      where exists (select 1 from people p join memberships m on m.person_id = p.id where p.user_id = ${userId} and p.organisation_id = o.id)
      order by o.name limit 1`),
  );
  return rows[0]?.id ?? null;
}

async function isAdministratorAnywhere(tx: Tx, userId: string): Promise<boolean> {
  const rows = rowsOf<{ admin: boolean }>(
    await tx.execute(sql`
      select exists (select 1 from people p join memberships m on m.person_id = p.id
                     where p.user_id = ${userId} and m.role = 'administrator') as admin`),
  );
  return Boolean(rows[0]?.admin);
}

export interface SignInAttempt {
  email: string;
  password: string;
  clientAddress: string;
  remember: boolean;
  requestId: string;
  previousSession?: string;
}

/**
 * Checks e-mail and password. Failures are counted per e-mail address *and* client address: after FREE_FAILURES
 * that pair waits 1, 2, 4 … MAX_WAIT_MINUTES minutes, while the same person elsewhere (or anyone else here) is not
 * locked out — a lock-out is no way to deny someone their account. The answers (and the counting) are the same for
 * addresses without an account, so they reveal nothing. The password is verified outside any transaction: argon2
 * takes tens of milliseconds and PGlite would hold every other request meanwhile.
 */
export async function signIn(db: Db, attempt: SignInAttempt): Promise<SignInResult> {
  const key = throttleKey(attempt.email, attempt.clientAddress);
  const [throttle] = await withSystem(db, (tx) => tx.select().from(signInThrottle).where(eq(signInThrottle.keyHash, key)));
  if (throttle?.blockedUntil && throttle.blockedUntil.getTime() > Date.now()) return { ok: false, reason: 'throttled', minutes: minutesUntil(throttle.blockedUntil) };

  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ userId: users.id, disabled: users.disabled, hash: credentials.passwordHash, totpEnabled: credentials.totpEnabled, lockedUntil: credentials.secondFactorLockedUntil })
      .from(users)
      .leftJoin(credentials, eq(credentials.userId, users.id))
      .where(eq(users.email, attempt.email)),
  );
  const valid = await verifyPassword(row && !row.disabled ? row.hash : null, attempt.password);
  if (!row || !valid) {
    const blockedUntil = await withSystem(db, async (tx) => {
      const [after] = await tx
        .insert(signInThrottle)
        .values({ keyHash: key, failures: 1 })
        .onConflictDoUpdate({
          target: signInThrottle.keyHash,
          // A failure a day after the last one starts the count again.
          set: { failures: sql`case when ${signInThrottle.lastFailureAt} < now() - interval '1 day' then 1 else ${signInThrottle.failures} + 1 end`, lastFailureAt: sql`now()` },
        })
        .returning({ failures: signInThrottle.failures });
      const failures = after!.failures;
      let until: Date | null = null;
      if (failures > FREE_FAILURES) {
        until = new Date(Date.now() + Math.min(2 ** (failures - FREE_FAILURES - 1), MAX_WAIT_MINUTES) * 60_000);
        await tx.update(signInThrottle).set({ blockedUntil: until }).where(eq(signInThrottle.keyHash, key));
      }
      if (row) await audit(tx, { organisationId: null, userId: row.userId, requestId: attempt.requestId }, { action: 'session.sign_in_failed', entity: 'user', entityId: row.userId });
      return until;
    });
    return blockedUntil ? { ok: false, reason: 'throttled', minutes: minutesUntil(blockedUntil) } : { ok: false, reason: 'invalid' };
  }

  return withSystem(db, async (tx): Promise<SignInResult> => {
    await tx.delete(signInThrottle).where(eq(signInThrottle.keyHash, key));
    // Only someone who knows the password learns that the second factor is locked.
    if (row.totpEnabled && row.lockedUntil && row.lockedUntil.getTime() > Date.now()) return { ok: false, reason: 'secondFactorLocked', minutes: minutesUntil(row.lockedUntil) };
    const organisationId = await defaultOrganisation(tx, row.userId);
    // A new session on every sign-in (session fixation): the old one, if any, goes.
    if (attempt.previousSession) await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(attempt.previousSession)));
    await audit(tx, { organisationId, userId: row.userId, requestId: attempt.requestId }, { action: 'session.sign_in', entity: 'user', entityId: row.userId });
    const remember = attempt.remember && !(await isAdministratorAnywhere(tx, row.userId));
    const token = await createSession(tx, row.userId, organisationId, { mfaPassed: !row.totpEnabled, remember });
    return { ok: true, token, mfaRequired: Boolean(row.totpEnabled), remember };
  });
}

/**
 * The second step for accounts with TOTP: a code from the app or a recovery code. Wrong codes are counted on the
 * account and survive right passwords; after MAX_SECOND_FACTOR_FAILURES the second factor locks (15 minutes, then
 * twice as long each time in a row, up to a day), every pending session of the account ends and its owner is told
 * by mail — someone knows their password. On success the session is replaced by a new one with the factor passed.
 */
export async function passSecondFactor(db: Db, sessionHash: string, userId: string, code: string, requestId: string, fallbackLocale: Locale): Promise<SignInResult> {
  return withSystem(db, async (tx): Promise<SignInResult> => {
    const [c] = await tx.select().from(credentials).where(eq(credentials.userId, userId)).for('update');
    if (!c?.totpEnabled) return { ok: false, reason: 'invalid' };
    if (c.secondFactorLockedUntil && c.secondFactorLockedUntil.getTime() > Date.now()) {
      await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
      return { ok: false, reason: 'secondFactorLocked', minutes: minutesUntil(c.secondFactorLockedUntil) };
    }
    const proof = await proveSecondFactor(tx, userId, code);
    if (!proof) {
      const failures = c.secondFactorFailures + 1;
      await audit(tx, { organisationId: null, userId, requestId }, { action: 'session.second_factor_failed', entity: 'user', entityId: userId });
      if (failures < MAX_SECOND_FACTOR_FAILURES) {
        await tx.update(credentials).set({ secondFactorFailures: failures }).where(eq(credentials.userId, userId));
        return { ok: false, reason: 'invalid' };
      }
      const minutes = Math.min(SECOND_FACTOR_LOCK_MINUTES * 2 ** c.secondFactorLocks, MAX_SECOND_FACTOR_LOCK_MINUTES);
      const until = new Date(Date.now() + minutes * 60_000);
      await tx.update(credentials).set({ secondFactorFailures: 0, secondFactorLocks: c.secondFactorLocks + 1, secondFactorLockedUntil: until }).where(eq(credentials.userId, userId));
      await tx.delete(sessions).where(sql`${sessions.userId} = ${userId} and not ${sessions.mfaPassed}`);
      await audit(tx, { organisationId: null, userId, requestId }, { action: 'session.second_factor_locked', entity: 'user', entityId: userId });
      const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
      const locale = isLocale(user?.locale) ? user.locale : fallbackLocale;
      await queueMail(tx, { organisationId: null, to: user!.email, locale, template: secondFactorLockedMail, params: { minutes } });
      return { ok: false, reason: 'secondFactorLocked', minutes };
    }
    await tx.update(credentials).set({ secondFactorFailures: 0, secondFactorLocks: 0, secondFactorLockedUntil: null }).where(eq(credentials.userId, userId));
    const [old] = await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash)).returning();
    if (!old) return { ok: false, reason: 'invalid' };
    await audit(tx, { organisationId: old.organisationId, userId, requestId }, { action: proof.kind === 'recovery' ? 'session.recovery_code' : 'session.second_factor', entity: 'user', entityId: userId });
    const token = await createSession(tx, userId, old.organisationId, { mfaPassed: true, remember: old.remember });
    return { ok: true, token, mfaRequired: false, remember: old.remember };
  });
}
