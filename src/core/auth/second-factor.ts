import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../db/tx.js';
import { credentials, recoveryCodes } from './auth.table.js';
import { tokenHash } from './tokens.js';
import { verifyTotp } from './totp.js';

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
