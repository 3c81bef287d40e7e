import { eq, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import { credentials, sessions, users } from './auth.table.js';
import { verifyPassword } from './passwords.js';
import { createSession } from './session.js';
import { tokenHash } from './tokens.js';
import { verifyTotp } from './totp.js';

export const MAX_FAILED_SIGN_INS = 5;
export const LOCK_MINUTES = 15;

export type SignInResult =
  | { ok: true; token: string; mfaRequired: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; minutes: number };

/** The organisation a user lands in after signing in: the first one (by name) they belong to. */
async function defaultOrganisation(db: Db, userId: string): Promise<string | null> {
  const rows = await withSystem(db, async (tx) =>
    rowsOf<{ id: string }>(
      await tx.execute(sql`
        select o.id from organisations o
        where exists (select 1 from people p join memberships m on m.person_id = p.id where p.user_id = ${userId} and p.organisation_id = o.id)
        order by o.name limit 1`),
    ),
  );
  return rows[0]?.id ?? null;
}

/**
 * Checks e-mail and password. After MAX_FAILED_SIGN_INS failures in a row the account is locked for
 * LOCK_MINUTES, and while locked even the right password is refused. The password is verified outside any
 * transaction: argon2 takes tens of milliseconds and PGlite would hold every other request meanwhile.
 */
export async function signIn(db: Db, emailAddress: string, password: string, requestId: string, previousSession?: string): Promise<SignInResult> {
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ userId: users.id, disabled: users.disabled, hash: credentials.passwordHash, lockedUntil: credentials.lockedUntil, totpEnabled: credentials.totpEnabled })
      .from(users)
      .leftJoin(credentials, eq(credentials.userId, users.id))
      .where(eq(users.email, emailAddress)),
  );
  if (row?.lockedUntil && row.lockedUntil.getTime() > Date.now()) {
    return { ok: false, reason: 'locked', minutes: Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60_000) };
  }
  const valid = await verifyPassword(row && !row.disabled ? row.hash : null, password);
  if (!row || !valid) {
    if (row) {
      const locked = await withSystem(db, async (tx) => {
        const [c] = await tx
          .update(credentials)
          .set({
            failedSignIns: sql`case when ${credentials.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then 0 else ${credentials.failedSignIns} + 1 end`,
            lockedUntil: sql`case when ${credentials.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then now() + ${LOCK_MINUTES} * interval '1 minute' else ${credentials.lockedUntil} end`,
          })
          .where(eq(credentials.userId, row.userId))
          .returning({ lockedUntil: credentials.lockedUntil });
        await audit(tx, { organisationId: null, userId: row.userId, requestId }, { action: 'session.sign_in_failed', entity: 'user', entityId: row.userId });
        return c?.lockedUntil && c.lockedUntil.getTime() > Date.now();
      });
      if (locked) return { ok: false, reason: 'locked', minutes: LOCK_MINUTES };
    }
    return { ok: false, reason: 'invalid' };
  }
  const organisationId = await defaultOrganisation(db, row.userId);
  const token = await withSystem(db, async (tx) => {
    await tx.update(credentials).set({ failedSignIns: 0, lockedUntil: null }).where(eq(credentials.userId, row.userId));
    // A new session on every sign-in (session fixation): the old one, if any, goes.
    if (previousSession) await tx.delete(sessions).where(eq(sessions.tokenHash, tokenHash(previousSession)));
    await audit(tx, { organisationId, userId: row.userId, requestId }, { action: 'session.sign_in', entity: 'user', entityId: row.userId });
    return createSession(tx, row.userId, organisationId, !row.totpEnabled);
  });
  return { ok: true, token, mfaRequired: Boolean(row.totpEnabled) };
}

/**
 * The second step for accounts with TOTP. A wrong code counts as a failed sign-in (same lock-out).
 * On success the session is replaced by a new one with the second factor passed.
 */
export async function passSecondFactor(db: Db, sessionHash: string, userId: string, code: string, requestId: string): Promise<SignInResult> {
  const [c] = await withSystem(db, (tx) => tx.select().from(credentials).where(eq(credentials.userId, userId)));
  if (!c?.totpSecret || !c.totpEnabled) return { ok: false, reason: 'invalid' };
  if (c.lockedUntil && c.lockedUntil.getTime() > Date.now()) {
    return { ok: false, reason: 'locked', minutes: Math.ceil((c.lockedUntil.getTime() - Date.now()) / 60_000) };
  }
  const step = verifyTotp(c.totpSecret, code, c.totpLastStep);
  return withSystem(db, async (tx) => {
    if (step === null) {
      const [after] = await tx
        .update(credentials)
        .set({
          failedSignIns: sql`case when ${credentials.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then 0 else ${credentials.failedSignIns} + 1 end`,
          lockedUntil: sql`case when ${credentials.failedSignIns} + 1 >= ${MAX_FAILED_SIGN_INS} then now() + ${LOCK_MINUTES} * interval '1 minute' else ${credentials.lockedUntil} end`,
        })
        .where(eq(credentials.userId, userId))
        .returning({ lockedUntil: credentials.lockedUntil });
      if (after?.lockedUntil && after.lockedUntil.getTime() > Date.now()) {
        await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash));
        return { ok: false, reason: 'locked', minutes: LOCK_MINUTES };
      }
      return { ok: false, reason: 'invalid' };
    }
    await tx.update(credentials).set({ failedSignIns: 0, totpLastStep: step }).where(eq(credentials.userId, userId));
    const [old] = await tx.delete(sessions).where(eq(sessions.tokenHash, sessionHash)).returning();
    if (!old) return { ok: false, reason: 'invalid' };
    await audit(tx, { organisationId: old.organisationId, userId, requestId }, { action: 'session.second_factor', entity: 'user', entityId: userId });
    const token = await createSession(tx, userId, old.organisationId, true);
    return { ok: true, token, mfaRequired: false };
  });
}
