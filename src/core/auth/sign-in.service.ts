import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, type Tx } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import type { Locale } from '../i18n/index.js';
import { credentials, sessions, users } from './auth.table.js';
import { verifyPassword } from './passwords.js';
import { checkSecondFactor, unusedRecoveryCodes } from './second-factor.js';
import { createSession } from './session.js';
import { countFailure, forgetFailures, minutesUntil, throttleKey, waitingUntil } from './throttle.js';
import { tokenHash } from './tokens.js';

export type SignInResult =
  | { ok: true; token: string; mfaRequired: boolean; remember: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled' | 'secondFactorLocked'; minutes: number };

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
  const waiting = await waitingUntil(db, key);
  if (waiting) return { ok: false, reason: 'throttled', minutes: minutesUntil(waiting) };

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
      if (row) await audit(tx, { organisationId: null, userId: row.userId, requestId: attempt.requestId }, { action: 'session.sign_in_failed', entity: 'user', entityId: row.userId });
      return countFailure(tx, key);
    });
    return blockedUntil ? { ok: false, reason: 'throttled', minutes: minutesUntil(blockedUntil) } : { ok: false, reason: 'invalid' };
  }

  return withSystem(db, async (tx): Promise<SignInResult> => {
    await forgetFailures(tx, key);
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
 * The second step for accounts with TOTP: a code from the app or a recovery code, counted on the account (see
 * checkSecondFactor). On success the session is replaced by a new one with the factor passed.
 */
export async function passSecondFactor(db: Db, sessionHash: string, userId: string, code: string, requestId: string, fallbackLocale: Locale): Promise<SignInResult & { recovery?: { left: number } }> {
  return withSystem(db, async (tx) => {
    const check = await checkSecondFactor(tx, userId, code, { requestId, fallbackLocale, endSessions: 'pending' });
    if (!check.ok) {
      if (check.lockedMinutes === undefined) return { ok: false, reason: 'invalid' };
      await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
      return { ok: false, reason: 'secondFactorLocked', minutes: check.lockedMinutes };
    }
    const [old] = await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash)).returning();
    if (!old) return { ok: false, reason: 'invalid' };
    const recovery = check.proof.kind === 'recovery';
    await audit(tx, { organisationId: old.organisationId, userId, requestId }, { action: recovery ? 'session.recovery_code' : 'session.second_factor', entity: 'user', entityId: userId });
    const token = await createSession(tx, userId, old.organisationId, { mfaPassed: true, remember: old.remember });
    return { ok: true, token, mfaRequired: false, remember: old.remember, ...(recovery ? { recovery: { left: await unusedRecoveryCodes(tx, userId) } } : {}) };
  });
}
