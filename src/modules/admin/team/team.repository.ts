import { and, eq, isNotNull, sql } from 'drizzle-orm';
import { users } from '../../../core/auth/auth.table.js';
import { rowsOf, type Tx } from '../../../core/db/tx.js';
import { memberships, people, type Role } from '../../../core/tenancy/tenancy.table.js';

export interface MemberRow {
  personId: string;
  userId: string;
  givenName: string;
  familyName: string;
  email: string;
  disabled: boolean;
  roles: Role[];
  /** The account has left a trace in this organisation's audit log (accepted the invitation, signed in, acted). */
  used: boolean;
}

// Drizzle leaves columns unqualified in the select list of a single-table query ("id"), which inside a
// subquery would mean the subquery's own column: spell the outer columns out.
const outerPersonId = sql.raw('"people"."id"');
const outerUserId = sql.raw('"people"."user_id"');

/**
 * The app role cannot read credentials, so "has accepted" (a password is set) comes from
 * app_member_has_password(), which answers only for members of the current organisation.
 */
const memberColumns = (organisationId: string) => ({
  personId: people.id,
  userId: sql<string>`${people.userId}`,
  givenName: people.givenName,
  familyName: people.familyName,
  email: users.email,
  disabled: users.disabled,
  roles: sql<Role[]>`coalesce((select array_agg(m.role order by m.role) from memberships m where m.person_id = ${outerPersonId} and m.organisation_id = ${organisationId}), '{}')`,
  used: sql<boolean>`app_member_has_password(${outerUserId})`,
});

/** People of one organisation who have an account (accepted or invited) and at least one role. Unsorted. */
export async function findMembers(tx: Tx, organisationId: string): Promise<MemberRow[]> {
  return tx
    .select(memberColumns(organisationId))
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.organisationId, organisationId), sql`exists (select 1 from memberships m where m.person_id = ${people.id} and m.organisation_id = ${organisationId})`))
    .limit(20_000);
}

/** One person of the organisation who has an account, whatever their roles; undefined otherwise. */
export async function findMemberById(tx: Tx, organisationId: string, personId: string): Promise<MemberRow | undefined> {
  const [row] = await tx
    .select(memberColumns(organisationId))
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(and(eq(people.organisationId, organisationId), eq(people.id, personId), isNotNull(people.userId)));
  return row;
}

export interface InvitationRow {
  personId: string;
  givenName: string;
  familyName: string;
  email: string;
  roles: Role[];
  state: 'pending' | 'expired' | 'declined';
}

/**
 * The people of the organisation invited but not (yet) members: each one's latest invitation, still open, run out
 * or declined, with the person's name. Unsorted.
 */
export async function findInvitations(tx: Tx, organisationId: string): Promise<InvitationRow[]> {
  return rowsOf<InvitationRow>(
    await tx.execute(sql`
      select * from (
        select distinct on (i.person_id) i.person_id as "personId", p.given_name as "givenName", p.family_name as "familyName",
          i.email, i.roles,
          case when i.declined_at is not null then 'declined' when i.expires_at <= now() then 'expired' else 'pending' end as state,
          i.accepted_at is not null as accepted
        from invitations i join people p on p.id = i.person_id
        where i.organisation_id = ${organisationId} and p.user_id is null
        order by i.person_id, i.created_at desc
      ) latest
      where not accepted
      limit 20000`),
  );
}

/**
 * The administrator memberships of the organisation, locked until the transaction ends: two administrators
 * removing each other at the same time cannot both see "there is another one".
 */
export async function lockAdministrators(tx: Tx, organisationId: string): Promise<{ personId: string }[]> {
  return rowsOf<{ personId: string }>(
    await tx.execute(sql`
      select m.person_id as "personId" from memberships m
      where m.organisation_id = ${organisationId} and m.role = 'administrator'
      for update`),
  );
}

/** Adds a role; false when the person already holds it. */
export async function insertMembership(tx: Tx, organisationId: string, personId: string, role: Role): Promise<boolean> {
  const rows = await tx.insert(memberships).values({ organisationId, personId, role }).onConflictDoNothing().returning({ id: memberships.id });
  return rows.length === 1;
}

/** Removes a role; false when the person did not hold it. */
export async function deleteMembership(tx: Tx, organisationId: string, personId: string, role: Role): Promise<boolean> {
  const rows = await tx
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.personId, personId), eq(memberships.role, role)))
    .returning({ id: memberships.id });
  return rows.length === 1;
}
