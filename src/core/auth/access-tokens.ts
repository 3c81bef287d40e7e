import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { withSystem } from '../db/tx.js';
import { accessTokens } from './auth.table.js';
import { loadAuth, type Auth } from './session.js';
import { randomToken, tokenHash } from './tokens.js';

export const TOKEN_PREFIX = 'tdm_';

/** Resolves `Authorization: Bearer tdm_…` to an Auth scoped to the token's organisation. */
export async function authFromAccessToken(db: Db, token: string): Promise<Auth | null> {
  if (!token.startsWith(TOKEN_PREFIX) || token.length > 200) return null;
  return withSystem(db, async (tx) => {
    const [row] = await tx
      .select()
      .from(accessTokens)
      .where(
        and(
          eq(accessTokens.tokenHash, tokenHash(token)),
          isNull(accessTokens.revokedAt),
          sql`(${accessTokens.expiresAt} is null or ${accessTokens.expiresAt} > now())`,
        ),
      );
    if (!row) return null;
    const auth = await loadAuth(tx, row.userId, row.organisationId);
    if (!auth?.organisation) return null;
    await tx.update(accessTokens).set({ lastUsedAt: new Date() }).where(eq(accessTokens.id, row.id));
    // A token carries its organisation only: the other memberships of the user stay out of reach.
    return { ...auth, via: 'token', mfaPassed: true, organisations: [{ id: auth.organisation.id, name: auth.organisation.name }] };
  });
}

export async function createAccessToken(db: Db, input: { userId: string; organisationId: string; name: string; expiresAt?: Date }) {
  const token = randomToken(TOKEN_PREFIX);
  const [row] = await withSystem(db, (tx) =>
    tx
      .insert(accessTokens)
      .values({ tokenHash: tokenHash(token), userId: input.userId, organisationId: input.organisationId, name: input.name, expiresAt: input.expiresAt })
      .returning({ id: accessTokens.id }),
  );
  return { id: row!.id, token };
}

export function listAccessTokens(db: Db, userId: string) {
  return withSystem(db, (tx) =>
    tx
      .select({
        id: accessTokens.id,
        name: accessTokens.name,
        organisationId: accessTokens.organisationId,
        createdAt: accessTokens.createdAt,
        lastUsedAt: accessTokens.lastUsedAt,
        expiresAt: accessTokens.expiresAt,
        revokedAt: accessTokens.revokedAt,
      })
      .from(accessTokens)
      .where(eq(accessTokens.userId, userId))
      .orderBy(desc(accessTokens.createdAt)),
  );
}

/** Revokes one of the user's own tokens; false when it is not theirs or already revoked. */
export async function revokeAccessToken(db: Db, userId: string, id: string): Promise<boolean> {
  const rows = await withSystem(db, (tx) =>
    tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(accessTokens.id, id), eq(accessTokens.userId, userId), isNull(accessTokens.revokedAt)))
      .returning({ id: accessTokens.id }),
  );
  return rows.length === 1;
}
