import { and, eq } from 'drizzle-orm';
import { audit, type Actor } from '../../../core/audit/audit.js';
import type { Db } from '../../../core/db/database.js';
import { withTenant } from '../../../core/db/tx.js';
import { AppError } from '../../../core/http/errors.js';
import { addEvent, findVolunteerById } from '../volunteers.repository.js';
import { volunteers } from '../volunteers.table.js';
import type { FactsOutput, LegalInput } from './screening.schemas.js';

type FactColumns = Pick<typeof volunteers.$inferSelect, 'id' | 'livedAbroad' | 'healthSafetyOn' | 'travelCosts' | 'travelCostsOn'>;
const factColumns = { id: volunteers.id, livedAbroad: volunteers.livedAbroad, healthSafetyOn: volunteers.healthSafetyOn, travelCosts: volunteers.travelCosts, travelCostsOn: volunteers.travelCostsOn };

/** The recorded facts of a volunteer as the JSON API shows them (null: not recorded). */
const factsOf = (v: FactColumns): FactsOutput => ({ volunteerId: v.id, livedAbroad: v.livedAbroad, healthSafetyOn: v.healthSafetyOn, travelCosts: v.travelCosts, travelCostsOn: v.travelCostsOn });

/**
 * Records whether the volunteer lived abroad in the last 20 years (it decides which safeguarding documents the
 * 2016 Act asks). On the timeline and in the audit log; the volunteer's version is not changed (a move form open
 * elsewhere stays valid — the move re-reads every fact under its lock).
 */
export async function recordLivedAbroad(db: Db, actor: Actor, volunteerId: string, livedAbroad: boolean): Promise<FactsOutput> {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const [row] = await tx.update(volunteers).set({ livedAbroad, updatedAt: new Date() }).where(and(eq(volunteers.organisationId, actor.organisationId), eq(volunteers.id, volunteerId))).returning(factColumns);
    await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: 'safeguarding', detail: { action: 'lived_abroad', livedAbroad } });
    await audit(tx, actor, { action: 'volunteer.update', entity: 'volunteer', entityId: volunteerId, fields: ['livedAbroad'] });
    return factsOf(row!);
  });
}

/**
 * Records the health-and-safety acknowledgement (with its date) and/or the travel-cost arrangement (reimbursed
 * or waived in writing, with its date). Parts not given stay as they were.
 */
export async function recordLegal(db: Db, actor: Actor, volunteerId: string, input: LegalInput): Promise<FactsOutput> {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    const change: Partial<typeof volunteers.$inferInsert> = { updatedAt: new Date() };
    const fields: string[] = [];
    if (input.healthSafetyOn) {
      change.healthSafetyOn = input.healthSafetyOn;
      fields.push('healthSafetyOn');
    }
    if (input.travelCosts && input.travelCostsOn) {
      change.travelCosts = input.travelCosts;
      change.travelCostsOn = input.travelCostsOn;
      fields.push('travelCosts', 'travelCostsOn');
    }
    const [row] = await tx.update(volunteers).set(change).where(and(eq(volunteers.organisationId, actor.organisationId), eq(volunteers.id, volunteerId))).returning(factColumns);
    await addEvent(tx, actor.organisationId, { volunteerId, actorUserId: actor.userId, kind: 'legal', detail: { healthSafetyOn: input.healthSafetyOn ?? null, travelCosts: input.travelCosts ?? null, travelCostsOn: input.travelCostsOn ?? null } });
    await audit(tx, actor, { action: 'volunteer.update', entity: 'volunteer', entityId: volunteerId, fields });
    return factsOf(row!);
  });
}

/** Whose record and what is recorded now, to fill the lived-abroad and legal forms and for the API (an audited read). */
export async function factsForForm(db: Db, actor: Actor, volunteerId: string) {
  return withTenant(db, actor, async (tx) => {
    const v = await findVolunteerById(tx, actor.organisationId, volunteerId);
    if (!v) throw new AppError('NOT_FOUND');
    await audit(tx, actor, { action: 'volunteer.view', entity: 'volunteer', entityId: v.id, fields: ['name', 'livedAbroad', 'healthSafetyOn', 'travelCosts'] });
    return {
      volunteer: { id: v.id, name: `${v.givenName} ${v.familyName}` },
      facts: factsOf(v),
      values: {
        livedAbroad: v.livedAbroad === null ? '' : v.livedAbroad ? 'yes' : 'no',
        healthSafetyOn: v.healthSafetyOn ?? '',
        travelCosts: v.travelCosts ?? '',
        travelCostsOn: v.travelCostsOn ?? '',
      },
    };
  });
}
