import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, withTenant, type Tx } from '../db/tx.js';
import { audit, type Actor } from '../audit/audit.js';
import { isLocale, type Locale } from '../i18n/index.js';
import { queueMail } from '../mail/outbox.js';
import { memberships, organisations, people, type Role } from '../tenancy/tenancy.table.js';
import { credentials, emailTokens, users } from './auth.table.js';
import { invitationMail, passwordResetMail } from './auth.mails.js';
import { hashPassword } from './passwords.js';
import { createSession, destroyUserSessions } from './session.js';
import { randomToken, tokenHash } from './tokens.js';

const INVITATION_DAYS = 7;
const RESET_MINUTES = 60;

export interface InviteInput {
  email: string;
  givenName: string;
  familyName: string;
  role: Role;
  locale: Locale;
}

/**
 * Invites someone into the actor's organisation with a role: the account (if new), the person record,
 * the membership, the single-use link and the mail are written in one tenant transaction.
 */
export function inviteMember(db: Db, actor: Actor, input: InviteInput, baseUrl: string): Promise<{ personId: string }> {
  return withTenant(db, actor, (tx) => inviteInTx(tx, actor, input, baseUrl));
}

/** The same, inside the caller's tenant transaction (e.g. together with approving a volunteer). */
export async function inviteInTx(tx: Tx, actor: Actor, input: InviteInput, baseUrl: string): Promise<{ personId: string }> {
  const token = randomToken();
  const [{ id: existing } = { id: null }] = rowsOf<{ id: string | null }>(await tx.execute(sql`select app_user_id_by_email(${input.email}) as id`));
  const userId = existing ?? randomUUID();
  if (!existing) {
    // No RETURNING: the new account is not visible to the app role until its person row exists.
    await tx.insert(users).values({ id: userId, email: input.email, displayName: `${input.givenName} ${input.familyName}`, locale: input.locale });
  }
  let [person] = await tx.select({ id: people.id }).from(people).where(and(eq(people.organisationId, actor.organisationId), eq(people.userId, userId)));
  if (!person) {
    // Someone already recorded with this e-mail but without an account gets the account linked, not a twin.
    [person] = await tx
      .update(people)
      .set({ userId, updatedAt: new Date() })
      .where(
        eq(
          people.id,
          sql`(select p.id from people p where p.organisation_id = ${actor.organisationId} and p.email = ${input.email} and p.user_id is null order by p.created_at limit 1)`,
        ),
      )
      .returning({ id: people.id });
  }
  if (!person) {
    [person] = await tx
      .insert(people)
      .values({ organisationId: actor.organisationId, givenName: input.givenName, familyName: input.familyName, email: input.email, locale: input.locale, userId })
      .returning({ id: people.id });
  }
  await tx.insert(memberships).values({ organisationId: actor.organisationId, personId: person!.id, role: input.role }).onConflictDoNothing();
  await tx.insert(emailTokens).values({
    tokenHash: tokenHash(token),
    purpose: 'invitation',
    userId,
    organisationId: actor.organisationId,
    expiresAt: new Date(Date.now() + INVITATION_DAYS * 86400_000),
  });
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
  const [inviter] = await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId));
  await queueMail(tx, {
    organisationId: actor.organisationId,
    to: input.email,
    locale: input.locale,
    template: invitationMail,
    params: { organisation: org!.name, inviter: inviter?.name ?? '', role: input.role, url: `${baseUrl}/invitation/${token}?lang=${input.locale}`, days: INVITATION_DAYS },
  });
  await audit(tx, actor, { action: 'user.invite', entity: 'person', entityId: person!.id, fields: ['role'] });
  return { personId: person!.id };
}

/** Sends a reset link if the address has an account. The caller answers the same either way. */
export async function requestPasswordReset(db: Db, emailAddress: string, fallbackLocale: Locale, baseUrl: string, requestId: string): Promise<void> {
  const token = randomToken();
  await withSystem(db, async (tx) => {
    const [user] = await tx.select().from(users).where(and(eq(users.email, emailAddress), eq(users.disabled, false)));
    if (!user) return;
    await tx.insert(emailTokens).values({ tokenHash: tokenHash(token), purpose: 'password_reset', userId: user.id, expiresAt: new Date(Date.now() + RESET_MINUTES * 60_000) });
    const locale = isLocale(user.locale) ? user.locale : fallbackLocale;
    await queueMail(tx, { organisationId: null, to: user.email, locale, template: passwordResetMail, params: { url: `${baseUrl}/password/reset/${token}?lang=${locale}`, minutes: RESET_MINUTES } });
    await audit(tx, { organisationId: null, userId: user.id, requestId }, { action: 'user.password_reset_requested', entity: 'user', entityId: user.id });
  });
}

export type LinkPurpose = 'invitation' | 'password_reset';

/** The account a still-valid link belongs to, or null (unknown, used or expired). */
export async function checkEmailLink(db: Db, purpose: LinkPurpose, token: string) {
  if (token.length > 100) return null;
  const [row] = await withSystem(db, (tx) =>
    tx
      .select({ userId: emailTokens.userId, email: users.email, organisationId: emailTokens.organisationId, hasPassword: sql<boolean>`${credentials.passwordHash} is not null` })
      .from(emailTokens)
      .innerJoin(users, eq(users.id, emailTokens.userId))
      .leftJoin(credentials, eq(credentials.userId, users.id))
      .where(and(eq(emailTokens.tokenHash, tokenHash(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), sql`${emailTokens.expiresAt} > now()`)),
  );
  return row ?? null;
}

/**
 * Uses a link to set the password, once: the token is marked used in the same transaction (a replayed
 * link finds it used), all other sessions of the account end, and a new signed-in session starts.
 */
export async function completeEmailLink(db: Db, purpose: LinkPurpose, token: string, password: string, requestId: string): Promise<{ sessionToken: string; mfaRequired: boolean } | null> {
  const passwordHash = await hashPassword(password);
  return withSystem(db, async (tx) => {
    const [used] = await tx
      .update(emailTokens)
      .set({ usedAt: new Date() })
      .where(and(eq(emailTokens.tokenHash, tokenHash(token)), eq(emailTokens.purpose, purpose), isNull(emailTokens.usedAt), sql`${emailTokens.expiresAt} > now()`))
      .returning();
    if (!used) return null;
    const [existing] = await tx.select().from(credentials).where(eq(credentials.userId, used.userId));
    if (existing) {
      await tx.update(credentials).set({ passwordHash, failedSignIns: 0, lockedUntil: null, updatedAt: new Date() }).where(eq(credentials.userId, used.userId));
    } else {
      await tx.insert(credentials).values({ userId: used.userId, passwordHash });
    }
    await destroyUserSessions(tx, used.userId);
    await audit(tx, { organisationId: used.organisationId, userId: used.userId, requestId }, { action: purpose === 'invitation' ? 'user.invitation_accepted' : 'user.password_reset', entity: 'user', entityId: used.userId, fields: ['password'] });
    const organisationId = used.organisationId ?? (rowsOf<{ id: string }>(await tx.execute(sql`
      select p.organisation_id as id from people p join memberships m on m.person_id = p.id where p.user_id = ${used.userId} order by p.created_at limit 1`))[0]?.id ?? null);
    const totp = Boolean(existing?.totpEnabled);
    return { sessionToken: await createSession(tx, used.userId, organisationId, !totp), mfaRequired: totp };
  });
}
