import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { AppError, found } from '../../../core/http/errors.js';
import { translator } from '../../../core/i18n/index.js';
import { addCaseStaff, addEvent, findFirstPossibleDuplicate, findMenteeById, insertConsents, insertMentee, insertPerson, lockMentee, updateMentee, updatePerson, type MenteeRow } from '../mentees.repository.js';
import type { MenteeInput, MenteeUpdate, Purpose } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import type { DistrictChoice } from '../../../core/tenancy/district-choice.js';
import { findDistrictChoice, findProgrammes, findStaff, type Option } from '../options.repository.js';
import { checkProfile, filledFields, personValues, profileValues } from './profile.js';

/** Today in the organisation's zone (ages are counted on its calendar, never the UTC date). */

export interface IntakeOptions {
  programmes: (Option & { active: boolean })[];
  /** No names: the organisation keeps no district list, the district is free text. */
  districts: DistrictChoice;
  socialWorkers: Option[];
}

/** The organisation's lists the intake form offers (programmes: the active ones, plus `keepProgramme` when editing). */
export async function intakeOptions(db: Db, actor: Actor, keepProgramme: string | null = null): Promise<IntakeOptions> {
  return withTenant(db, actor, async (tx) => ({
    programmes: (await findProgrammes(tx, actor.organisationId, false)).filter((p) => p.active || p.value === keepProgramme),
    districts: await findDistrictChoice(tx, actor.organisationId),
    socialWorkers: await findStaff(tx, actor.organisationId, menteesPolicy.roles('responsible')),
  }));
}

/**
 * Records a person who needs support, in ONE tenant transaction: the person with the `mentee` role, the mentee on
 * the waiting list (status waiting, waiting since now, source staff), the consents with their lawful basis and
 * wording in the person's language, the recorder and the responsible social worker on the case's staff, the
 * `created` event and the audit entry. A choice outside the organisation's lists is refused (VALIDATION) with
 * nothing written.
 */
export async function createMentee(db: Db, actor: RequestActor, input: MenteeInput, now = new Date()): Promise<string> {
  return withTenant(db, actor, async (tx) => {
    const checked = await checkProfile(tx, actor, input, actor.userId);
    const duplicateOf = (await findFirstPossibleDuplicate(tx, actor.organisationId, personValues(input))) ?? null;
    const personId = await insertPerson(tx, actor.organisationId, personValues(input));
    const id = await insertMentee(tx, actor.organisationId, { personId, duplicateOf, status: 'waiting', source: 'staff', waitingSince: now, createdAt: now, ...profileValues(input, checked, clockOf(actor, now).today) });
    const t = translator(input.locale);
    const wording = (purpose: Purpose) => t(`mentees.consent.text.${purpose}`, { organisation: actor.org.name });
    await insertConsents(tx, actor.organisationId, id, [
      { purpose: 'support', lawfulBasis: input.consents.support, text: wording('support'), givenAt: now },
      ...(input.consents.contactEmail ? [{ purpose: 'contact_email' as const, lawfulBasis: 'consent' as const, text: wording('contact_email'), givenAt: now }] : []),
      ...(input.consents.contactPhone ? [{ purpose: 'contact_phone' as const, lawfulBasis: 'consent' as const, text: wording('contact_phone'), givenAt: now }] : []),
    ]);
    await addCaseStaff(tx, actor.organisationId, id, [actor.userId, checked.socialWorkerUserId]);
    await addEvent(tx, actor.organisationId, { menteeId: id, actorUserId: actor.userId, kind: 'created', toStatus: 'waiting', detail: { source: 'staff' }, at: now });
    await audit(tx, actor, { action: 'mentee.create', entity: 'mentee', entityId: id, fields: filledFields(input) });
    return id;
  });
}

/** The mentee to edit (audited `mentee.view`): NOT_FOUND for an unknown id or another organisation's. */
export async function menteeForEdit(db: Db, actor: Actor, id: string): Promise<MenteeRow> {
  return withTenant(db, actor, async (tx) => {
    const row = found(await findMenteeById(tx, actor.organisationId, id));
    await audit(tx, actor, { action: 'mentee.view', entity: 'mentee', entityId: id });
    return row;
  });
}

/**
 * Corrects a mentee's person record and profile. The posted version must be the current one (else CONFLICT, nothing
 * written); a new responsible social worker joins the case's staff. Adds a `profile` event with the names of the
 * fields that changed and an audit entry `mentee.update`.
 */
export async function editMentee(db: Db, actor: RequestActor, id: string, input: MenteeUpdate, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const row = await lockMentee(tx, actor.organisationId, id);
    if (!row) throw new AppError('NOT_FOUND');
    if (row.version !== input.version) throw new AppError('CONFLICT', 'mentees.case.conflict');
    const checked = await checkProfile(tx, actor, input, row.socialWorkerUserId ?? actor.userId, row.programmeId);
    const person = personValues(input);
    const profile = profileValues(input, checked, clockOf(actor, now).today);
    const fields = changedProfileFields(row, { ...person, ...profile });
    if (!(await updateMentee(tx, actor.organisationId, id, input.version, profile, now))) throw new AppError('CONFLICT', 'mentees.case.conflict');
    await updatePerson(tx, actor.organisationId, row.personId, person, now);
    await addCaseStaff(tx, actor.organisationId, id, [checked.socialWorkerUserId]);
    await addEvent(tx, actor.organisationId, { menteeId: id, actorUserId: actor.userId, kind: 'profile', detail: { fields }, at: now });
    await audit(tx, actor, { action: 'mentee.update', entity: 'mentee', entityId: id, fields });
  });
}

/** Names of the profile fields whose values differ (lists compared as a whole), for the timeline and the audit entry. */
function changedProfileFields(row: MenteeRow, after: Record<string, unknown>): string[] {
  const before = row as unknown as Record<string, unknown>;
  const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
  return Object.keys(after)
    .filter((k) => !same(k === 'locale' ? row.personLocale : before[k], after[k]))
    .sort();
}
