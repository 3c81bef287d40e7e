import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant, type Tx } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { invalid } from '../../../core/http/route-helpers.js';
import { translator } from '../../../core/i18n/index.js';
import { authorize } from '../../../core/policy.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { addCaseStaff, addEvent, findMenteeById, insertConsents, type MenteeRow } from '../mentees.repository.js';
import type { ConsentInput } from '../mentees.schemas.js';
import { menteesPolicy } from '../mentees.policy.js';
import { findStaff } from '../options.repository.js';
import { insertNote, isCaseStaff, lockOpenConsent, markConsentWithdrawn, removeCaseStaff } from './case.repository.js';

/** Consents, case staff and case notes of one mentee: each change in one tenant transaction with an event and an audit entry. */

async function menteeOr404(tx: Tx, actor: RequestActor, id: string): Promise<MenteeRow> {
  const row = await findMenteeById(tx, actor.organisationId, id);
  if (!row) throw new AppError('NOT_FOUND');
  return row;
}

/** Withdraws one consent (it stays on record with the time of withdrawal). NOT_FOUND when unknown or already withdrawn. */
export async function withdrawConsent(db: Db, actor: RequestActor, menteeId: string, consentId: string, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    await menteeOr404(tx, actor, menteeId);
    const consent = await lockOpenConsent(tx, actor.organisationId, menteeId, consentId);
    if (!consent) throw new AppError('NOT_FOUND');
    await markConsentWithdrawn(tx, actor.organisationId, consentId, now);
    await addEvent(tx, actor.organisationId, { menteeId, actorUserId: actor.userId, kind: 'consent', detail: { action: 'withdrawn', purpose: consent.purpose }, at: now });
    await audit(tx, actor, { action: 'mentee.consent.withdraw', entity: 'mentee_consent', entityId: consentId, fields: ['withdrawnAt'] });
  });
}

/** Records a consent given later (its wording in the person's language), with its lawful basis. */
export async function recordConsent(db: Db, actor: RequestActor, menteeId: string, input: ConsentInput, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const mentee = await menteeOr404(tx, actor, menteeId);
    const text = translator(mentee.locale)(`mentees.consent.text.${input.purpose}`, { organisation: actor.org.name });
    await insertConsents(tx, actor.organisationId, menteeId, [{ purpose: input.purpose, lawfulBasis: input.lawfulBasis, text, givenAt: now }]);
    await addEvent(tx, actor.organisationId, { menteeId, actorUserId: actor.userId, kind: 'consent', detail: { action: 'recorded', purpose: input.purpose }, at: now });
    await audit(tx, actor, { action: 'mentee.consent.record', entity: 'mentee', entityId: menteeId, fields: ['purpose', 'lawfulBasis'] });
  });
}

/** Administrators and coordinators may change any case's staff; others only that of a case they are on (else FORBIDDEN). */
const mayChangeStaff = (tx: Tx, actor: RequestActor, menteeId: string) => authorize(tx, actor, menteesPolicy, 'changeStaff', menteeId);

/** Adds a staff member (administrator, coordinator or social worker with an account) to the case. */
export async function addStaff(db: Db, actor: RequestActor, menteeId: string, userId: string, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    await menteeOr404(tx, actor, menteeId);
    await mayChangeStaff(tx, actor, menteeId);
    const staff = await findStaff(tx, actor.organisationId, menteesPolicy.roles('caseStaff'));
    if (!staff.some((s) => s.value === userId)) throw invalid('userId', 'mentees.validation.unknownStaff');
    if (await isCaseStaff(tx, actor.organisationId, menteeId, userId)) throw invalid('userId', 'mentees.staff.already');
    await addCaseStaff(tx, actor.organisationId, menteeId, [userId]);
    await addEvent(tx, actor.organisationId, { menteeId, actorUserId: actor.userId, kind: 'staff', detail: { action: 'added', userId }, at: now });
    await audit(tx, actor, { action: 'mentee.staff.add', entity: 'mentee', entityId: menteeId, fields: ['caseStaff'] });
  });
}

/** Removes a staff member from the case; the responsible social worker stays (change who is responsible first). */
export async function removeStaff(db: Db, actor: RequestActor, menteeId: string, userId: string, now = new Date()): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    const mentee = await menteeOr404(tx, actor, menteeId);
    await mayChangeStaff(tx, actor, menteeId);
    if (mentee.socialWorkerUserId === userId) throw invalid('_form', 'mentees.staff.responsibleStays');
    if (!(await removeCaseStaff(tx, actor.organisationId, menteeId, userId))) throw new AppError('NOT_FOUND');
    await addEvent(tx, actor.organisationId, { menteeId, actorUserId: actor.userId, kind: 'staff', detail: { action: 'removed', userId }, at: now });
    await audit(tx, actor, { action: 'mentee.staff.remove', entity: 'mentee', entityId: menteeId, fields: ['caseStaff'] });
  });
}

/** Adds a case note: only the case's staff may (FORBIDDEN for anyone else; row-level security refuses it too). */
export async function addNote(db: Db, actor: RequestActor, menteeId: string, body: string): Promise<void> {
  await withTenant(db, actor, async (tx) => {
    await menteeOr404(tx, actor, menteeId);
    if (!(await isCaseStaff(tx, actor.organisationId, menteeId, actor.userId))) throw new AppError('FORBIDDEN');
    const id = await insertNote(tx, actor.organisationId, menteeId, actor.userId, body);
    await audit(tx, actor, { action: 'mentee.note.create', entity: 'mentee_note', entityId: id, fields: ['body'] });
  });
}
