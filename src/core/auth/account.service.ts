import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem, type Tx } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import type { Locale } from '../i18n/index.js';
import { credentials, sessions, users } from './auth.table.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeAccess } from './revoke.js';
import { checkSecondFactor, newRecoveryCodes, storeRecoveryCodes, unusedRecoveryCodes, type CountedCheck } from './second-factor.js';
import { createSession } from './session.js';
import { countFailure, forgetFailures, minutesUntil, throttleKey, waitingUntil } from './throttle.js';
import { newTotpSecret, verifyTotp } from './totp.js';

type Who = { userId: string; organisationId: string | null; requestId: string };

export async function updateProfile(db: Db, who: Who, input: { displayName: string; locale: Locale }) {
  await withSystem(db, async (tx) => {
    const [before] = await tx.select().from(users).where(eq(users.id, who.userId));
    await tx.update(users).set({ displayName: input.displayName, locale: input.locale }).where(eq(users.id, who.userId));
    const fields = [before?.displayName !== input.displayName ? 'displayName' : '', before?.locale !== input.locale ? 'locale' : ''].filter(Boolean);
    await audit(tx, who, { action: 'user.update', entity: 'user', entityId: who.userId, fields });
  });
}

export async function getCredentials(db: Db, userId: string) {
  const [c] = await withSystem(db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, userId)));
  return c;
}

export async function countRecoveryCodes(db: Db, userId: string): Promise<number> {
  return withSystem(db, (tx) => unusedRecoveryCodes(tx, userId));
}

export type CodeCheck = 'ok' | 'wrong' | { lockedMinutes: number };

const codeCheck = (check: CountedCheck): CodeCheck => (check.ok ? 'ok' : check.lockedMinutes !== undefined ? { lockedMinutes: check.lockedMinutes } : 'wrong');

/** Ends the account's other sessions: after two-factor changes, whoever else holds one must sign in again. */
async function endOtherSessions(tx: Tx, userId: string, current: string | undefined) {
  await tx.delete(sessions).where(current ? and(eq(sessions.userId, userId), ne(sessions.tokenHash, current)) : eq(sessions.userId, userId));
}

/**
 * Changes the password after checking the current one — a check counted like a sign-in (per address and client), so
 * a stolen session cannot guess it. Every session of the account ends — this one is replaced by a new session for
 * the same browser — its API tokens are revoked and its reset links stop working.
 */
export async function changePassword(
  db: Db,
  who: Who & { email: string; clientAddress: string; remember?: boolean },
  current: string,
  next: string,
): Promise<{ ok: false; minutes?: number } | { ok: true; sessionToken: string; tokensRevoked: number }> {
  const key = throttleKey(who.email, who.clientAddress);
  const waiting = await waitingUntil(db, key);
  if (waiting) return { ok: false, minutes: minutesUntil(waiting) };
  const c = await getCredentials(db, who.userId);
  if (!(await verifyPassword(c?.passwordHash, current))) {
    const until = await withSystem(db, (tx) => countFailure(tx, key));
    return until ? { ok: false, minutes: minutesUntil(until) } : { ok: false };
  }
  const passwordHash = await hashPassword(next);
  return withSystem(db, async (tx) => {
    await forgetFailures(tx, key);
    await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.userId, who.userId));
    const { tokens } = await revokeAccess(tx, who.userId);
    await audit(tx, who, { action: 'user.password_change', entity: 'user', entityId: who.userId, fields: ['password'] });
    const sessionToken = await createSession(tx, who.userId, who.organisationId, { mfaPassed: true, remember: who.remember ?? false });
    return { ok: true, sessionToken, tokensRevoked: tokens };
  });
}

type SessionWho = Who & { sessionHash?: string; fallbackLocale: Locale };
const counted = (who: SessionWho) => ({ requestId: who.requestId, fallbackLocale: who.fallbackLocale, endSessions: 'all' as const });

/**
 * Starts setting up an authenticator: a new secret, pending until a code from it is confirmed, and visible only to
 * this session. When two-factor sign-in is already on, the current code (or a recovery code) is required — counted
 * like at sign-in — and the active authenticator keeps working until the new one is confirmed: starting a set-up
 * never switches the second factor off.
 */
export async function startTotp(db: Db, who: SessionWho, code: string | undefined): Promise<CodeCheck> {
  return withSystem(db, async (tx) => {
    const [c] = await tx.select().from(credentials).where(eq(credentials.userId, who.userId)).for('update');
    if (!c || !who.sessionHash) return 'wrong';
    if (c.totpEnabled) {
      const check = codeCheck(code ? await checkSecondFactor(tx, who.userId, code, counted(who)) : { ok: false });
      if (check !== 'ok') return check;
    }
    await tx.update(credentials).set({ totpPendingSecret: newTotpSecret(), totpPendingSession: who.sessionHash }).where(eq(credentials.userId, who.userId));
    await audit(tx, who, { action: 'user.totp_setup_started', entity: 'user', entityId: who.userId, fields: ['totp'] });
    return 'ok';
  });
}

/** Abandons a pending set-up (the active authenticator, if any, stays). Any session of the account may. */
export async function cancelTotpSetup(db: Db, who: Who): Promise<void> {
  await withSystem(db, (tx) => tx.update(credentials).set({ totpPendingSecret: null, totpPendingSession: null }).where(eq(credentials.userId, who.userId)));
}

/**
 * Activates the pending authenticator when the code matches it (from the session that started it), hands out new
 * recovery codes (returned once, to be shown once) and ends the account's other sessions. Null when the code is
 * wrong or nothing is pending for this session.
 */
export async function confirmTotp(db: Db, who: SessionWho, code: string): Promise<string[] | null> {
  return withSystem(db, async (tx) => {
    const [c] = await tx.select().from(credentials).where(eq(credentials.userId, who.userId)).for('update');
    if (!c?.totpPendingSecret || !who.sessionHash || c.totpPendingSession !== who.sessionHash) return null;
    // A new secret: its time steps start from scratch (codes seen for the old one say nothing about it).
    const step = verifyTotp(c.totpPendingSecret, code, 0);
    if (step === null) return null;
    await tx
      .update(credentials)
      .set({ totpSecret: c.totpPendingSecret, totpPendingSecret: null, totpPendingSession: null, totpEnabled: true, totpLastStep: step, secondFactorFailures: 0, secondFactorLocks: 0, secondFactorLockedUntil: null })
      .where(eq(credentials.userId, who.userId));
    const codes = newRecoveryCodes();
    await storeRecoveryCodes(tx, who.userId, codes);
    await endOtherSessions(tx, who.userId, who.sessionHash);
    await audit(tx, who, { action: c.totpEnabled ? 'user.totp_replace' : 'user.totp_enable', entity: 'user', entityId: who.userId, fields: ['totp', 'recoveryCodes'] });
    return codes;
  });
}

/** Switches two-factor sign-in off with the current code or a recovery code (counted); other sessions end. */
export async function disableTotp(db: Db, who: SessionWho, code: string): Promise<CodeCheck> {
  return withSystem(db, async (tx) => {
    const check = codeCheck(await checkSecondFactor(tx, who.userId, code, counted(who)));
    if (check !== 'ok') return check;
    await tx.update(credentials).set({ totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpPendingSession: null }).where(eq(credentials.userId, who.userId));
    await storeRecoveryCodes(tx, who.userId, []);
    await endOtherSessions(tx, who.userId, who.sessionHash);
    await audit(tx, who, { action: 'user.totp_disable', entity: 'user', entityId: who.userId, fields: ['totp', 'recoveryCodes'] });
    return 'ok';
  });
}

/** New recovery codes (the old ones stop working), with the current code or a recovery code (counted). */
export async function renewRecoveryCodes(db: Db, who: SessionWho, code: string): Promise<string[] | Exclude<CodeCheck, 'ok'>> {
  return withSystem(db, async (tx) => {
    const check = codeCheck(await checkSecondFactor(tx, who.userId, code, counted(who)));
    if (check !== 'ok') return check;
    const codes = newRecoveryCodes();
    await storeRecoveryCodes(tx, who.userId, codes);
    await audit(tx, who, { action: 'user.recovery_codes_renew', entity: 'user', entityId: who.userId, fields: ['recoveryCodes'] });
    return codes;
  });
}

/**
 * The server operator's way back in for someone who lost both their phone and their recovery codes (`npx tandem
 * account reset-2fa <e-mail>`): two-factor sign-in off, recovery codes gone, any lock lifted, every session ended.
 * An administrator is asked to set two-factor up again at the next sign-in. False for an unknown address.
 */
export async function resetSecondFactor(db: Db, email: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const [user] = await tx.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase()));
    if (!user) return false;
    await tx
      .update(credentials)
      .set({ totpEnabled: false, totpSecret: null, totpPendingSecret: null, totpPendingSession: null, secondFactorFailures: 0, secondFactorLockedUntil: null })
      .where(eq(credentials.userId, user.id));
    await storeRecoveryCodes(tx, user.id, []);
    await endOtherSessions(tx, user.id, undefined);
    await audit(tx, { organisationId: null, userId: null, requestId: 'cli' }, { action: 'user.totp_reset_by_operator', entity: 'user', entityId: user.id, fields: ['totp', 'recoveryCodes'] });
    return true;
  });
}
