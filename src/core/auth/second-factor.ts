import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { audit } from '../audit/audit.js';
import type { Tx } from '../db/tx.js';
import { isLocale, type Locale } from '../i18n/index.js';
import { queueMail } from '../mail/outbox.js';
import { credentials, recoveryCodes, sessions, users } from './auth.table.js';
import { secondFactorLockedMail } from './auth.mails.js';
import { tokenHash } from './tokens.js';
import { verifyTotp } from './totp.js';

/** Wrong second-factor codes before the second factor locks. */
export const MAX_SECOND_FACTOR_FAILURES = 5;
/** The first lock; each following one in a row lasts twice as long, up to an hour. */
export const SECOND_FACTOR_LOCK_MINUTES = 15;
const MAX_SECOND_FACTOR_LOCK_MINUTES = 60;

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'; // no 0/o, 1/l/i: read from paper

/** Ten new one-time recovery codes like `k7m2q-x9rtw` (about 50 bits each), shown once. */
export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const bytes = randomBytes(10);
    const chars = [...bytes].map((b) => ALPHABET[b % ALPHABET.length]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

const normaliseRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');
const recoveryHash = (code: string) => tokenHash(`recovery:${normaliseRecovery(code)}`);

/** Replaces the account's recovery codes (in the caller's system transaction). */
export async function storeRecoveryCodes(tx: Tx, userId: string, codes: string[]): Promise<void> {
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  if (codes.length > 0) await tx.insert(recoveryCodes).values(codes.map((c) => ({ userId, codeHash: recoveryHash(c) })));
}

export async function unusedRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return Number(row?.n ?? 0);
}

export type SecondFactorProof = { kind: 'totp'; step: number } | { kind: 'recovery' };

/**
 * Checks a code for the account's active second factor: a current TOTP code (not replayed), or an unused recovery
 * code, which is used up here. Null when neither. Runs in the caller's system transaction; the TOTP step is saved.
 */
export async function proveSecondFactor(tx: Tx, userId: string, code: string): Promise<SecondFactorProof | null> {
  const [c] = await tx.select().from(credentials).where(eq(credentials.userId, userId)).for('update');
  if (!c?.totpEnabled || !c.totpSecret) return null;
  const step = verifyTotp(c.totpSecret, code, c.totpLastStep);
  if (step !== null) {
    await tx.update(credentials).set({ totpLastStep: step }).where(eq(credentials.userId, userId));
    return { kind: 'totp', step };
  }
  if (normaliseRecovery(code).length !== 10) return null;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeHash, recoveryHash(code)), isNull(recoveryCodes.usedAt)))
    .returning({ userId: recoveryCodes.userId });
  return used.length === 1 ? { kind: 'recovery' } : null;
}

export type CountedCheck = { ok: true; proof: SecondFactorProof } | { ok: false; lockedMinutes?: number };

/**
 * Checks a code for the account's second factor, counting wrong ones on the account — wherever they are typed: at
 * sign-in, or on the security page by whoever holds a session (a stolen one must not be a way to guess codes). A
 * right password never resets the count, only a right code. After MAX_SECOND_FACTOR_FAILURES the second factor locks
 * (15 minutes, then twice as long each time in a row, up to an hour), sessions end — `pending` ones at sign-in, all
 * of them when a signed-in session was guessing — and the owner is told by mail that someone knows their password.
 */
export async function checkSecondFactor(
  tx: Tx,
  userId: string,
  code: string,
  ctx: { requestId: string; fallbackLocale: Locale; endSessions: 'pending' | 'all' },
): Promise<CountedCheck> {
  const [c] = await tx.select().from(credentials).where(eq(credentials.userId, userId)).for('update');
  if (!c?.totpEnabled) return { ok: false };
  if (c.secondFactorLockedUntil && c.secondFactorLockedUntil.getTime() > Date.now()) {
    return { ok: false, lockedMinutes: Math.max(1, Math.ceil((c.secondFactorLockedUntil.getTime() - Date.now()) / 60_000)) };
  }
  const proof = await proveSecondFactor(tx, userId, code);
  if (proof) {
    await tx.update(credentials).set({ secondFactorFailures: 0, secondFactorLocks: 0, secondFactorLockedUntil: null }).where(eq(credentials.userId, userId));
    return { ok: true, proof };
  }
  const failures = c.secondFactorFailures + 1;
  await audit(tx, { organisationId: null, userId, requestId: ctx.requestId }, { action: 'session.second_factor_failed', entity: 'user', entityId: userId });
  if (failures < MAX_SECOND_FACTOR_FAILURES) {
    await tx.update(credentials).set({ secondFactorFailures: failures }).where(eq(credentials.userId, userId));
    return { ok: false };
  }
  const minutes = Math.min(SECOND_FACTOR_LOCK_MINUTES * 2 ** c.secondFactorLocks, MAX_SECOND_FACTOR_LOCK_MINUTES);
  await tx
    .update(credentials)
    .set({ secondFactorFailures: 0, secondFactorLocks: c.secondFactorLocks + 1, secondFactorLockedUntil: new Date(Date.now() + minutes * 60_000) })
    .where(eq(credentials.userId, userId));
  await tx.delete(sessions).where(ctx.endSessions === 'all' ? eq(sessions.userId, userId) : sql`${sessions.userId} = ${userId} and not ${sessions.mfaPassed}`);
  await audit(tx, { organisationId: null, userId, requestId: ctx.requestId }, { action: 'session.second_factor_locked', entity: 'user', entityId: userId });
  const [user] = await tx.select({ email: users.email, locale: users.locale }).from(users).where(eq(users.id, userId));
  const locale = isLocale(user?.locale) ? user.locale : ctx.fallbackLocale;
  await queueMail(tx, { organisationId: null, to: user!.email, locale, template: secondFactorLockedMail, params: { minutes } });
  return { ok: false, lockedMinutes: minutes };
}
