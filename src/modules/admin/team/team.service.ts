import { audit } from '../../../core/audit/audit.js';
import { inviteMember, resendInvitation, type InviteOutcome } from '../../../core/auth/invitations.service.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError, found } from '../../../core/http/errors.js';
import { compareNames, type Locale } from '../../../core/i18n/index.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { canInvite } from '../admin.policy.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { deleteMembership, findInvitations, findMemberById, findMembers, insertMembership, lockAdministrators, type MemberRow } from './team.repository.js';
import type { InviteInput, MemberOutput, RoleChange } from './team.schemas.js';

/** Keeps database rows out of pages: only these fields leave the service. */
export function presentMember(m: MemberRow): MemberOutput {
  return {
    personId: m.personId,
    userId: m.userId,
    givenName: m.givenName,
    familyName: m.familyName,
    email: m.email,
    roles: m.roles,
    account: m.disabled ? 'disabled' : m.used ? 'active' : 'pending',
  };
}

/**
 * Everyone with an account and a role in the organisation, and everyone invited who has not accepted yet (with the
 * roles they were offered), by family then given name in the viewer's language. Audited.
 */
export async function listMembers(db: Db, actor: RequestActor, locale: Locale): Promise<MemberOutput[]> {
  return withTenant(db, actor, async (tx) => {
    const members = (await findMembers(tx, actor.organisationId)).map(presentMember);
    const seen = new Set(members.map((m) => m.personId));
    const invited: MemberOutput[] = (await findInvitations(tx, actor.organisationId))
      .filter((i) => !seen.has(i.personId))
      .map((i) => ({ personId: i.personId, userId: null, givenName: i.givenName, familyName: i.familyName, email: i.email, roles: i.roles, account: i.state }));
    const rows = [...members, ...invited];
    const compare = compareNames(locale);
    rows.sort((a, b) => compare(a.familyName, b.familyName) || compare(a.givenName, b.givenName));
    await audit(tx, actor, { action: 'member.list', entity: 'person', fields: rows.length ? ['name', 'email', 'roles'] : [] });
    return rows;
  });
}

/** One member of the actor's organisation, or NOT_FOUND (also for another organisation's person). Audited. */
export async function viewMember(db: Db, actor: RequestActor, personId: string): Promise<MemberOutput> {
  return withTenant(db, actor, async (tx) => {
    const row = found(await findMemberById(tx, actor.organisationId, personId));
    await audit(tx, actor, { action: 'member.view', entity: 'person', entityId: personId });
    return presentMember(row);
  });
}

export type { InviteOutcome };

/**
 * Invites someone with one role (see inviteInTx: the person record, the invitation, its link and mail in one
 * transaction; nobody gets a membership before accepting, and the answer is the same whether or not the address
 * has an account elsewhere). A member of this organisation gets the role at once. A coordinator may hand out only
 * COORDINATOR_INVITES; any other role is refused as a field error on `role`.
 */
export async function inviteToTeam(db: Db, actor: RequestActor, input: InviteInput, baseUrl: string): Promise<{ personId: string; outcome: InviteOutcome }> {
  if (!canInvite(actor.roles, input.role)) throw invalid('role', 'admin.invite.roleNotAllowed');
  return inviteMember(db, actor, input, baseUrl);
}

/**
 * Sends someone's latest invitation again (fresh link, a new week; a declined one becomes a new invitation).
 * NOT_FOUND for a person without an open invitation here; refused like an invitation when the invitation offers a
 * role the actor may not hand out.
 */
export async function resendToTeam(db: Db, actor: RequestActor, personId: string, baseUrl: string): Promise<{ email: string }> {
  return withTenant(db, actor, async (tx) => {
    const offered = (await findInvitations(tx, actor.organisationId)).find((i) => i.personId === personId);
    if (!offered) throw new AppError('NOT_FOUND');
    if (!offered.roles.every((r) => canInvite(actor.roles, r))) throw new AppError('FORBIDDEN', 'admin.invite.roleNotAllowed');
    const sent = await resendInvitation(tx, actor, personId, baseUrl);
    if (!sent) throw new AppError('NOT_FOUND');
    return sent;
  });
}

export type RoleOutcome = 'added' | 'alreadyHeld' | 'removed' | 'notHeld';

/**
 * Adds or removes one role of a member, audited as `membership.add` / `membership.remove` with the role
 * as the changed field (`roles.<role>`). Refused (a form-level error, nothing changed): removing the
 * organisation's last administrator, and an administrator removing their own administrator role.
 */
export async function changeRole(db: Db, actor: RequestActor, personId: string, change: RoleChange): Promise<RoleOutcome> {
  return withTenant(db, actor, async (tx) => {
    const member = await findMemberById(tx, actor.organisationId, personId);
    if (!member) throw new AppError('NOT_FOUND');
    const entry = { entity: 'person' as const, entityId: personId, fields: [`roles.${change.role}`] };
    if (change.change === 'add') {
      if (!(await insertMembership(tx, actor.organisationId, personId, change.role))) return 'alreadyHeld';
      await audit(tx, actor, { action: 'membership.add', ...entry });
      return 'added';
    }
    if (change.role === 'administrator' && member.roles.includes('administrator')) {
      const admins = await lockAdministrators(tx, actor.organisationId);
      if (admins.filter((a) => a.personId !== personId).length === 0) throw invalid('_form', 'admin.team.lastAdministrator');
      if (member.userId === actor.userId) throw invalid('_form', 'admin.team.ownAdministrator');
    }
    if (!(await deleteMembership(tx, actor.organisationId, personId, change.role))) return 'notHeld';
    await audit(tx, actor, { action: 'membership.remove', ...entry });
    return 'removed';
  });
}
