import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import type { Locale } from '../i18n/index.js';
import { credentials, users } from './auth.table.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { revokeAccess } from './revoke.js';
import { newRecoveryCodes, proveSecondFactor, storeRecoveryCodes, unusedRecoveryCodes } from './second-factor.js';
import { createSession } from './session.js';
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

/**
 * Changes the password after checking the current one. Every session of the account ends — this one is replaced by
 * a new session for the same browser — its API tokens are revoked and its reset links stop working.
 */
export async function changePassword(
  db: Db,
  who: Who & { remember?: boolean },
  current: string,
  next: string,
): Promise<{ ok: false } | { ok: true; sessionToken: string; tokensRevoked: number }> {
  const c = await getCredentials(db, who.userId);
  if (!(await verifyPassword(c?.passwordHash, current))) return { ok: false };
  const passwordHash = await hashPassword(next);
  return withSystem(db, async (tx) => {
    await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.userId, who.userId));
    const { tokens } = await revokeAccess(tx, who.userId);
    await audit(tx, who, { action: 'user.password_change', entity: 'user', entityId: who.userId, fields: ['password'] });
    const sessionToken = await createSession(tx, who.userId, who.organisationId, { mfaPassed: true, remember: who.remember ?? false });
    return { ok: true, sessionToken, tokensRevoked: tokens };
  });
}

/**
 * Starts setting up an authenticator: a new secret, pending until a code from it is confirmed. When two-factor
 * sign-in is already on, the current code (or a recovery code) is required, and the active authenticator keeps
 * working until the new one is confirmed — starting a set-up never switches the second factor off.
 */
export async function startTotp(db: Db, who: Who, code: string | undefined): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const [c] = await tx.select().from(credentials).where(eq(credentials.userId, who.userId)).for('update');
    if (!c) return false;
    if (c.totpEnabled && !(code && (await proveSecondFactor(tx, who.userId, code)))) return false;
    await tx.update(credentials).set({ totpPendingSecret: newTotpSecret() }).where(eq(credentials.userId, who.userId));
    await audit(tx, who, { action: 'user.totp_setup_started', entity: 'user', entityId: who.userId, fields: ['totp'] });
    return true;
  });
}

/** Abandons a pending set-up (the active authenticator, if any, stays). */
export async function cancelTotpSetup(db: Db, who: Who): Promise<void> {
  await withSystem(db, (tx) => tx.update(credentials).set({ totpPendingSecret: null }).where(eq(credentials.userId, who.userId)));
}

/**
 * Activates the pending authenticator when the code matches it, and hands out new recovery codes (returned once,
 * to be shown once). Null when the code is wrong or nothing is pending.
 */
export async function confirmTotp(db: Db, who: Who, code: string): Promise<string[] | null> {
  return withSystem(db, async (tx) => {
    const [c] = await tx.select().from(credentials).where(eq(credentials.userId, who.userId)).for('update');
    if (!c?.totpPendingSecret) return null;
    // A new secret: its time steps start from scratch (codes seen for the old one say nothing about it).
    const step = verifyTotp(c.totpPendingSecret, code, 0);
    if (step === null) return null;
    await tx
      .update(credentials)
      .set({ totpSecret: c.totpPendingSecret, totpPendingSecret: null, totpEnabled: true, totpLastStep: step, secondFactorFailures: 0, secondFactorLocks: 0, secondFactorLockedUntil: null })
      .where(eq(credentials.userId, who.userId));
    const codes = newRecoveryCodes();
    await storeRecoveryCodes(tx, who.userId, codes);
    await audit(tx, who, { action: c.totpEnabled ? 'user.totp_replace' : 'user.totp_enable', entity: 'user', entityId: who.userId, fields: ['totp', 'recoveryCodes'] });
    return codes;
  });
}

/** Switches two-factor sign-in off with the current code or a recovery code. */
export async function disableTotp(db: Db, who: Who, code: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    if (!(await proveSecondFactor(tx, who.userId, code))) return false;
    await tx.update(credentials).set({ totpEnabled: false, totpSecret: null, totpPendingSecret: null }).where(eq(credentials.userId, who.userId));
    await storeRecoveryCodes(tx, who.userId, []);
    await audit(tx, who, { action: 'user.totp_disable', entity: 'user', entityId: who.userId, fields: ['totp', 'recoveryCodes'] });
    return true;
  });
}

/** New recovery codes (the old ones stop working), with the current code or a recovery code. Null when refused. */
export async function renewRecoveryCodes(db: Db, who: Who, code: string): Promise<string[] | null> {
  return withSystem(db, async (tx) => {
    if (!(await proveSecondFactor(tx, who.userId, code))) return null;
    const codes = newRecoveryCodes();
    await storeRecoveryCodes(tx, who.userId, codes);
    await audit(tx, who, { action: 'user.recovery_codes_renew', entity: 'user', entityId: who.userId, fields: ['recoveryCodes'] });
    return codes;
  });
}
