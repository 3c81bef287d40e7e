import type { Actor } from '../../../core/audit/audit.js';
import { inviteInTx, type InviteOutcome } from '../../../core/auth/invitations.service.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { isLocale } from '../../../core/i18n/index.js';
import { addEvent, findVolunteerById, type VolunteerRow } from '../volunteers.repository.js';

/** Stages at which a volunteer may be invited to create an account (approved and after, until the end). */
export const INVITABLE_STAGES: ReadonlySet<string> = new Set(['approved', 'active', 'paused']);

/**
 * Invites an approved volunteer to create an account with the role `volunteer`, in the language they
 * applied in (see `inviteInTx`: an invitation for the volunteer's own person record, its single-use link and the
 * mail in one transaction; the account and the membership come when the volunteer accepts). Called on the move to `approved` and
 * from the "send account invitation" button; calling it again sends a fresh link.
 * Refused: NOT_FOUND for an unknown id or another organisation's; CONFLICT (with a message) before approval
 * or without an e-mail address. A timeline event records it.
 */
export async function inviteApprovedVolunteer(db: Db, actor: Actor, volunteerId: string, baseUrl: string): Promise<{ personId: string; outcome: InviteOutcome }> {
  return withTenant(db, actor, async (tx) => {
    const volunteer = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!volunteer) throw new AppError('NOT_FOUND');
    if (!INVITABLE_STAGES.has(volunteer.stage)) throw new AppError('CONFLICT', 'volunteers.documents.invite.notApproved');
    if (!volunteer.email) throw new AppError('CONFLICT', 'volunteers.documents.invite.noEmail');
    return inviteVolunteerInTx(tx, actor, volunteer, baseUrl);
  });
}

/**
 * Sends the account invitation inside the caller's transaction (the move to `approved` uses it, so the
 * approval and its invitation commit together) and records it on the timeline.
 */
export async function inviteVolunteerInTx(tx: Tx, actor: Actor, volunteer: VolunteerRow, baseUrl: string): Promise<{ personId: string; outcome: InviteOutcome }> {
  const locale = isLocale(volunteer.locale) ? volunteer.locale : 'pl';
  const result = await inviteInTx(tx, actor, { email: volunteer.email!, givenName: volunteer.givenName, familyName: volunteer.familyName, role: 'volunteer', locale }, baseUrl, volunteer.personId);
  await addEvent(tx, actor.organisationId, { volunteerId: volunteer.id, actorUserId: actor.userId, kind: 'invitation', detail: { role: 'volunteer', locale } });
  return result;
}
