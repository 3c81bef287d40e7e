import { randomUUID } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../db/database.js';
import { rowsOf, withSystem, withTenant, type Tx } from '../db/tx.js';
import { audit, type Actor } from '../audit/audit.js';
import { formatList, isLocale, translator, type Locale } from '../i18n/index.js';
import { queueMail } from '../mail/outbox.js';
import { memberships, organisations, people, ROLES, type Role } from '../tenancy/tenancy.table.js';
import { credentials, invitations, users } from './auth.table.js';
import { invitationMail } from './auth.mails.js';
import { hashPassword } from './passwords.js';
import { createSession } from './session.js';
import { randomToken, tokenHash } from './tokens.js';
import { isOneOf } from '../one-of.js';
import { insertPersonRecord, personFields } from '../tenancy/person-record.js';

export const INVITATION_DAYS = 7;

export interface InviteInput {
  email: string;
  givenName: string;
  familyName: string;
  role: Role;
  locale: Locale;
}

/**
 * What inviting did. For anyone outside the organisation the answer is `invited` (or `resent` for a pending
 * invitation that already had the role), whether or not the address has an account anywhere: the inviter cannot
 * tell. `roleAdded` / `alreadyHeld` concern people already in this organisation with an account, whom the inviter
 * can see anyway.
 */
export type InviteOutcome = 'invited' | 'resent' | 'roleAdded' | 'alreadyHeld';

/** Invites someone into the actor's organisation with a role, in its own tenant transaction (see inviteInTx). */
export function inviteMember(db: Db, actor: Actor, input: InviteInput, baseUrl: string): Promise<{ personId: string; outcome: InviteOutcome }> {
  return withTenant(db, actor, (tx) => inviteInTx(tx, actor, input, baseUrl));
}

/**
 * Invites someone into the actor's organisation with a role, in the caller's tenant transaction (for example
 * together with approving a volunteer). An invitation is addressed to an e-mail address, never to an account: the
 * person record and the invitation are written here, and the account is created — or an existing one joins, after
 * its owner signs in — only when the link is accepted. Until then nobody gets a membership.
 * `personId`: the person record the account will be linked to (a volunteer's own); by default the organisation's
 * person with this e-mail and no account, or a new one.
 */
export async function inviteInTx(tx: Tx, actor: Actor, input: InviteInput, baseUrl: string, personId?: string): Promise<{ personId: string; outcome: InviteOutcome }> {
  const member = await findMember(tx, actor.organisationId, input.email, personId);
  if (member) {
    const added = await tx.insert(memberships).values({ organisationId: actor.organisationId, personId: member, role: input.role }).onConflictDoNothing().returning({ id: memberships.id });
    if (added.length === 0) return { personId: member, outcome: 'alreadyHeld' };
    await audit(tx, actor, { action: 'membership.add', entity: 'person', entityId: member, fields: [`roles.${input.role}`] });
    return { personId: member, outcome: 'roleAdded' };
  }
  const person = personId ?? (await findUnlinkedPerson(tx, actor.organisationId, input.email)) ?? (await insertPerson(tx, actor.organisationId, input));
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  const [open] = await tx
    .select({ id: invitations.id, roles: invitations.roles, email: invitations.email })
    .from(invitations)
    .where(and(eq(invitations.organisationId, actor.organisationId), eq(invitations.personId, person), isNull(invitations.acceptedAt), isNull(invitations.declinedAt)))
    .for('update');
  // An open invitation to another address (the person's e-mail was corrected since) is never re-addressed with the
  // roles it offered: whoever invites now could otherwise send an administrator's offer to an address they read. It
  // is withdrawn (its link stops working) and the new address is offered only the role asked for now.
  if (open && open.email !== input.email) {
    await tx.update(invitations).set({ expiresAt: sql`now()` }).where(eq(invitations.id, open.id));
    await audit(tx, actor, { action: 'user.invite_withdrawn', entity: 'person', entityId: person, fields: ['email'] });
  }
  const pending = open && open.email === input.email ? open : undefined;
  let outcome: InviteOutcome = 'invited';
  let roles: Role[] = [input.role];
  if (pending) {
    if (pending.roles.includes(input.role)) outcome = 'resent';
    roles = [...new Set([...pending.roles, input.role])].sort();
    // A fresh link replaces the old one, which stops working.
    await tx.update(invitations).set({ roles, locale: input.locale, tokenHash: tokenHash(token), expiresAt, invitedByUserId: actor.userId }).where(eq(invitations.id, pending.id));
  } else {
    await tx.insert(invitations).values({
      organisationId: actor.organisationId,
      personId: person,
      email: input.email,
      roles,
      locale: input.locale,
      tokenHash: tokenHash(token),
      invitedByUserId: actor.userId,
      expiresAt,
    });
  }
  await mailInvitation(tx, actor, { email: input.email, locale: input.locale, roles, token }, baseUrl);
  await audit(tx, actor, { action: 'user.invite', entity: 'person', entityId: person, fields: ['role'] });
  return { personId: person, outcome };
}

async function mailInvitation(tx: Tx, actor: Actor, to: { email: string; locale: Locale; roles: Role[]; token: string }, baseUrl: string): Promise<void> {
  const [org] = await tx.select({ name: organisations.name }).from(organisations).where(eq(organisations.id, actor.organisationId));
  const [inviter] = actor.userId ? await tx.select({ name: users.displayName }).from(users).where(eq(users.id, actor.userId)) : [];
  const t = translator(to.locale);
  await queueMail(tx, {
    organisationId: actor.organisationId,
    to: to.email,
    locale: to.locale,
    template: invitationMail,
    params: {
      organisation: org!.name,
      inviter: inviter?.name ?? '',
      roles: formatList(to.roles.map((r) => t(`role.${r}`)), to.locale, 'conjunction'),
      url: `${baseUrl}/invitation/${to.token}?lang=${to.locale}`,
      days: INVITATION_DAYS,
    },
  });
}

/**
 * Sends a person's latest invitation again with a fresh link and a new week (the earlier link stops working), with
 * the same roles and language; a declined one becomes a new invitation. False when the person has no invitation or
 * is a member already.
 */
export async function resendInvitation(tx: Tx, actor: Actor, personId: string, baseUrl: string): Promise<{ email: string } | null> {
  const [latest] = rowsOf<{ id: string; email: string; roles: Role[]; locale: string; declined: boolean }>(
    await tx.execute(sql`
      select i.id, i.email, i.roles, i.locale, i.declined_at is not null as declined
      from invitations i join people p on p.id = i.person_id
      where i.organisation_id = ${actor.organisationId} and i.person_id = ${personId} and i.accepted_at is null and p.user_id is null
      order by i.created_at desc limit 1
      for update of i`),
  );
  if (!latest) return null;
  const token = randomToken();
  const expiresAt = new Date(Date.now() + INVITATION_DAYS * 86400_000);
  const locale = isLocale(latest.locale) ? latest.locale : 'pl';
  if (latest.declined) {
    await tx.insert(invitations).values({ organisationId: actor.organisationId, personId, email: latest.email, roles: latest.roles, locale, tokenHash: tokenHash(token), invitedByUserId: actor.userId, expiresAt });
  } else {
    await tx.update(invitations).set({ tokenHash: tokenHash(token), expiresAt, invitedByUserId: actor.userId }).where(eq(invitations.id, latest.id));
  }
  await mailInvitation(tx, actor, { email: latest.email, locale, roles: latest.roles, token }, baseUrl);
  await audit(tx, actor, { action: 'user.invite_resent', entity: 'person', entityId: personId });
  return { email: latest.email };
}

/**
 * The person of this organisation who already has an account with this address (or the given person, when it has
 * an account): the app role sees the accounts of its own organisation's people only, so this reveals nothing
 * about addresses elsewhere.
 */
async function findMember(tx: Tx, organisationId: string, email: string, personId?: string): Promise<string | null> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select p.id from people p join users u on u.id = p.user_id
      where p.organisation_id = ${organisationId} and ${personId ? sql`p.id = ${personId}` : sql`u.email = ${email}`}
      limit 1`),
  );
  return rows[0]?.id ?? null;
}

/** Someone already recorded with this e-mail but without an account gets the invitation, not a twin. */
async function findUnlinkedPerson(tx: Tx, organisationId: string, email: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, organisationId), eq(people.email, email), isNull(people.userId)))
    .orderBy(people.createdAt)
    .limit(1);
  return row?.id ?? null;
}

function insertPerson(tx: Tx, organisationId: string, input: InviteInput): Promise<string> {
  return insertPersonRecord(tx, organisationId, personFields(input, input.locale));
}

// --- Opening and accepting the link (system transactions: the link decides the organisation) ---------------------

export interface OpenInvitation {
  id: string;
  organisationId: string;
  organisationName: string;
  personId: string;
  email: string;
  roles: Role[];
  locale: Locale;
  givenName: string;
  familyName: string;
  /** `new`: no account, or one that never got a password — accepting sets the password. `existing`: sign in first. */
  account: 'new' | 'existing';
}

interface InvitationRow {
  id: string;
  organisation_id: string;
  organisation_name: string;
  person_id: string;
  email: string;
  roles: string[];
  locale: string;
  given_name: string;
  family_name: string;
  user_id: string | null;
  has_password: boolean;
}

async function loadOpen(tx: Tx, token: string, lock: boolean): Promise<(OpenInvitation & { userId: string | null }) | null> {
  if (token.length > 100) return null;
  const rows = rowsOf<InvitationRow>(
    await tx.execute(sql`
      select i.id, i.organisation_id, o.name as organisation_name, i.person_id, i.email, i.roles, i.locale,
        p.given_name, p.family_name, u.id as user_id,
        coalesce((select c.password_hash is not null from credentials c where c.user_id = u.id), false) as has_password
      from invitations i
      join organisations o on o.id = i.organisation_id
      join people p on p.id = i.person_id
      left join users u on u.email = i.email
      where i.token_hash = ${tokenHash(token)} and i.accepted_at is null and i.declined_at is null and i.expires_at > now()
        -- A person already linked to someone else's account: accepting would hand the roles to that account.
        and (p.user_id is null or p.user_id = u.id)
      ${lock ? sql`for update of i` : sql``}`),
  );
  const r = rows[0];
  if (!r) return null;
  return {
    id: r.id,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    personId: r.person_id,
    email: r.email,
    roles: r.roles.filter((role): role is Role => isOneOf(ROLES, role)),
    locale: isLocale(r.locale) ? r.locale : 'pl',
    givenName: r.given_name,
    familyName: r.family_name,
    account: r.user_id && r.has_password ? 'existing' : 'new',
    userId: r.user_id,
  };
}

/** The invitation a still-valid link belongs to, or null (unknown, used, declined or expired). */
export async function openInvitation(db: Db, token: string): Promise<OpenInvitation | null> {
  const found = await withSystem(db, (tx) => loadOpen(tx, token, false));
  if (!found) return null;
  const { userId: _hidden, ...open } = found;
  return open;
}

/**
 * Links the account to the invitation's person (or to the person the account already has in the organisation) and
 * gives the invited roles, marking the invitation accepted, in the caller's system transaction.
 */
async function join(tx: Tx, inv: OpenInvitation, userId: string, requestId: string): Promise<void> {
  const [own] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.organisationId, inv.organisationId), eq(people.userId, userId)));
  const personId = own?.id ?? inv.personId;
  if (!own) await tx.update(people).set({ userId, updatedAt: new Date() }).where(and(eq(people.id, inv.personId), isNull(people.userId)));
  for (const role of inv.roles) await tx.insert(memberships).values({ organisationId: inv.organisationId, personId, role }).onConflictDoNothing();
  await tx.update(invitations).set({ acceptedAt: new Date(), acceptedByUserId: userId }).where(eq(invitations.id, inv.id));
  await audit(tx, { organisationId: inv.organisationId, userId, requestId }, { action: 'user.invitation_accepted', entity: 'person', entityId: personId, fields: inv.roles.map((r) => `roles.${r}`) });
}

export type AcceptResult = { ok: true; sessionToken: string } | { ok: false; reason: 'invalid' | 'existingAccount' };

/**
 * Accepts an invitation for an address without an account (or whose account never got a password): creates the
 * account with this password and signs it in. Refused with `existingAccount` when the address has an account with a
 * password — its owner signs in and accepts instead; an invitation never changes an existing account's credentials.
 */
export async function acceptWithPassword(db: Db, token: string, password: string, requestId: string): Promise<AcceptResult> {
  const passwordHash = await hashPassword(password);
  return withSystem(db, async (tx) => {
    const inv = await loadOpen(tx, token, true);
    if (!inv) return { ok: false, reason: 'invalid' };
    if (inv.account === 'existing') return { ok: false, reason: 'existingAccount' };
    let userId = inv.userId;
    if (!userId) {
      userId = randomUUID();
      const created = await tx
        .insert(users)
        .values({ id: userId, email: inv.email, displayName: `${inv.givenName} ${inv.familyName}`, locale: inv.locale })
        .onConflictDoNothing()
        .returning({ id: users.id });
      // Someone created this account in the meantime (another invitation): they sign in instead.
      if (created.length === 0) return { ok: false, reason: 'existingAccount' };
    }
    const set = await tx
      .insert(credentials)
      .values({ userId, passwordHash })
      .onConflictDoUpdate({ target: credentials.userId, set: { passwordHash, updatedAt: new Date() }, setWhere: sql`${credentials.passwordHash} is null` })
      .returning({ userId: credentials.userId });
    if (set.length === 0) return { ok: false, reason: 'existingAccount' };
    await join(tx, inv, userId, requestId);
    return { ok: true, sessionToken: await createSession(tx, userId, inv.organisationId, { mfaPassed: true, remember: false }) };
  });
}

/** Accepts an invitation as the signed-in owner of the invited address. */
export async function acceptAsMember(db: Db, token: string, who: { userId: string; email: string }, requestId: string): Promise<'accepted' | 'invalid' | 'wrongAccount'> {
  return withSystem(db, async (tx) => {
    const inv = await loadOpen(tx, token, true);
    if (!inv) return 'invalid';
    if (inv.email !== who.email || inv.userId !== who.userId) return 'wrongAccount';
    await join(tx, inv, who.userId, requestId);
    return 'accepted';
  });
}

/** Declines an invitation (anyone holding the link may: it only withdraws the offer). */
export async function declineInvitation(db: Db, token: string, requestId: string): Promise<boolean> {
  return withSystem(db, async (tx) => {
    const inv = await loadOpen(tx, token, true);
    if (!inv) return false;
    await tx.update(invitations).set({ declinedAt: new Date() }).where(eq(invitations.id, inv.id));
    await audit(tx, { organisationId: inv.organisationId, userId: inv.userId, requestId }, { action: 'user.invitation_declined', entity: 'person', entityId: inv.personId });
    return true;
  });
}
