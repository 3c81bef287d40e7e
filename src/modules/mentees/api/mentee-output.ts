import { audit } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import type { RequestActor } from '../../../core/tenancy/actor.js';
import { clockOf } from '../../../core/tenancy/org-clock.js';
import { presentSummary } from '../list/list.service.js';
import { findConsents, findMenteeById } from '../mentees.repository.js';
import type { MenteeOutput } from '../mentees.schemas.js';

/** One mentee for the API (audited `mentee.view`): the summary, contact details, profile and consents — never notes. */
export async function getMentee(db: Db, actor: RequestActor, id: string, now = actor.clock.now): Promise<MenteeOutput> {
  return withTenant(db, actor, async (tx) => {
    const m = await findMenteeById(tx, actor.organisationId, id);
    if (!m) throw new AppError('NOT_FOUND');
    const consents = await findConsents(tx, actor.organisationId, id);
    await audit(tx, actor, { action: 'mentee.view', entity: 'mentee', entityId: id });
    return {
      ...presentSummary(m, clockOf(actor, now)),
      email: m.email,
      phone: m.phone,
      birthDate: m.birthDate,
      gender: m.gender,
      locale: m.locale,
      availability: m.availability,
      interests: m.interests,
      preferredVolunteerGender: m.preferredVolunteerGender,
      preferredVolunteerAgeMin: m.preferredVolunteerAgeMin,
      preferredVolunteerAgeMax: m.preferredVolunteerAgeMax,
      summary: m.summary,
      statusReason: m.statusReason,
      socialWorkerUserId: m.socialWorkerUserId,
      createdAt: m.createdAt.toISOString(),
      consents: consents.map((c) => ({ purpose: c.purpose, lawfulBasis: c.lawfulBasis, givenAt: c.givenAt.toISOString(), withdrawnAt: c.withdrawnAt?.toISOString() ?? null })),
    };
  });
}
