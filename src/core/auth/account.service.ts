import { eq } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { audit } from '../audit/audit.js';
import type { Locale } from '../i18n/index.js';
import { credentials, sessions, users } from './auth.table.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newTotpSecret, verifyTotp } from './totp.js';
import { and, ne } from 'drizzle-orm';

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

/** Changes the password after checking the current one; other sessions of the account end. */
export async function changePassword(db: Db, who: Who & { sessionHash?: string }, current: string, next: string): Promise<boolean> {
  const c = await getCredentials(db, who.userId);
  if (!(await verifyPassword(c?.passwordHash, current))) return false;
  const passwordHash = await hashPassword(next);
  await withSystem(db, async (tx) => {
    await tx.update(credentials).set({ passwordHash, updatedAt: new Date() }).where(eq(credentials.userId, who.userId));
    if (who.sessionHash) await tx.delete(sessions).where(and(eq(sessions.userId, who.userId), ne(sessions.tokenHash, who.sessionHash)));
    await audit(tx, who, { action: 'user.password_change', entity: 'user', entityId: who.userId, fields: ['password'] });
  });
  return true;
}

/** Starts TOTP set-up: a new secret, not yet active until a code from it is confirmed. */
export async function startTotp(db: Db, userId: string): Promise<string> {
  const secret = newTotpSecret();
  await withSystem(db, (tx) => tx.update(credentials).set({ totpSecret: secret, totpEnabled: false, totpLastStep: 0 }).where(eq(credentials.userId, userId)));
  return secret;
}

/** Activates TOTP when the code matches the pending secret. */
export async function confirmTotp(db: Db, who: Who, code: string): Promise<boolean> {
  const c = await getCredentials(db, who.userId);
  if (!c?.totpSecret || c.totpEnabled) return false;
  const step = verifyTotp(c.totpSecret, code, c.totpLastStep);
  if (step === null) return false;
  await withSystem(db, async (tx) => {
    await tx.update(credentials).set({ totpEnabled: true, totpLastStep: step }).where(eq(credentials.userId, who.userId));
    await audit(tx, who, { action: 'user.totp_enable', entity: 'user', entityId: who.userId, fields: ['totp'] });
  });
  return true;
}

export async function disableTotp(db: Db, who: Who, code: string): Promise<boolean> {
  const c = await getCredentials(db, who.userId);
  if (!c?.totpSecret || !c.totpEnabled) return false;
  const step = verifyTotp(c.totpSecret, code, c.totpLastStep);
  if (step === null) return false;
  await withSystem(db, async (tx) => {
    await tx.update(credentials).set({ totpEnabled: false, totpSecret: null, totpLastStep: step }).where(eq(credentials.userId, who.userId));
    await audit(tx, who, { action: 'user.totp_disable', entity: 'user', entityId: who.userId, fields: ['totp'] });
  });
  return true;
}
