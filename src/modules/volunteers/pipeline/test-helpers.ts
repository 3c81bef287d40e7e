import { eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { insuranceRecords, safeguardingChecks, volunteerDocuments, volunteerEvents, volunteers } from '../volunteers.table.js';
import type { World } from '../../../core/testing/world.js';
import { createVolunteer as volunteer } from '../testing.js';

/** Test-only helpers of the pipeline: two organisations on a fresh app (core's world), volunteers inserted directly. */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { anonymous, signedIn, tokenFor, world, useWorld, type World } from '../../../core/testing/world.js';

export type VolunteerSeed = Omit<NonNullable<Parameters<typeof volunteer>[1]>, 'organisationId'> & { givenName: string; familyName: string };

/** A volunteer as the application form leaves one unless the seed says otherwise: applied today, 20 days planned, no address. */
export async function createVolunteer(w: World, organisationId: string, s: VolunteerSeed): Promise<string> {
  return (await volunteer(w, { organisationId, email: null, daysWaiting: 0, plannedDays: 20, guardianName: s.birthDate ? 'Opiekun' : null, ...s })).id;
}

/** Records one safeguarding check of `kind` (default: the register check), valid until `renewBy`. */
export async function addSafeguardingCheck(w: World, organisationId: string, volunteerId: string, userId: string, renewBy = '2099-01-01', kind: (typeof safeguardingChecks.$inferInsert)['kind'] = 'pl_sex_offenders_register') {
  await withTenant(w.db, { organisationId, userId }, (tx) =>
    tx.insert(safeguardingChecks).values({ organisationId, volunteerId, kind, seenOn: renewBy < '2024-01-02' ? '1999-01-01' : '2024-01-01', seenByUserId: userId, renewBy }),
  );
}

/** Sets the "lived outside Poland in the last 20 years" answer. */
export async function setLivedAbroad(w: World, organisationId: string, volunteerId: string, livedAbroad: boolean | null) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.update(volunteers).set({ livedAbroad }).where(eq(volunteers.id, volunteerId)));
}

/** What every activation needs besides the agreement: health and safety acknowledged, travel costs settled, insurance. */
export async function addActivationFacts(w: World, organisationId: string, volunteerId: string, opts: { insurance?: boolean } = {}) {
  await withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    await tx.update(volunteers).set({ healthSafetyOn: '2026-01-05', travelCosts: 'reimbursed', travelCostsOn: '2026-01-05' }).where(eq(volunteers.id, volunteerId));
    if (opts.insurance !== false) await tx.insert(insuranceRecords).values({ organisationId, volunteerId, insurer: 'PZU', policyNumber: 'NNW-1', validFrom: '2026-01-01', validTo: '2099-12-31' });
  });
}

export async function addSignedAgreement(w: World, organisationId: string, volunteerId: string, acceptedHow: 'paper' | 'electronic' | 'qualified' = 'paper') {
  await withTenant(w.db, { organisationId, userId: null }, (tx) =>
    tx.insert(volunteerDocuments).values({ organisationId, volunteerId, kind: 'agreement', locale: 'pl', title: 'Porozumienie', body: '…', acceptedHow, acceptedAt: new Date() }),
  );
}

export async function volunteerState(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(volunteers).where(eq(volunteers.id, id)));
  return row!;
}

export async function eventsOf(w: World, id: string) {
  return withSystem(w.db, (tx) => tx.select().from(volunteerEvents).where(eq(volunteerEvents.volunteerId, id)));
}

/** The names in the list's table, in order of appearance. */
export function namesInList(body: string): string[] {
  return [...body.matchAll(/<th scope="row"><a href="\/volunteers\/[0-9a-f-]+"[^>]*>([^<]*)<\/a>/g)].map((m) => m[1]!);
}
