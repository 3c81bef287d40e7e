import { and, eq } from 'drizzle-orm';
import { withSystem, withTenant } from '../../core/db/tx.js';
import { mentees } from '../mentees/index.js';
import { safeguardingChecks, volunteers } from '../volunteers/index.js';
import { districts } from '../../core/tenancy/districts.table.js';
import { matches } from './matching.table.js';
import type { World } from '../../core/testing/world.js';
import { createMentee as mentee } from '../mentees/testing.js';
import { createVolunteer as volunteer } from '../volunteers/testing.js';

/** Test-only helpers of matching: two organisations on a fresh app (core's world), people inserted directly. */
export { auditEntries, countRows } from '../../core/testing/rows.js';
export { textOf } from '../../core/testing/html.js';
export { createProgramme, freshOrganisation, signedIn, tokenFor, world, useWorld, type World } from '../../core/testing/world.js';

export type VolunteerSeed = Omit<NonNullable<Parameters<typeof volunteer>[1]>, 'organisationId'> & { givenName: string; familyName: string };
export type MenteeSeed = Omit<NonNullable<Parameters<typeof mentee>[1]>, 'organisationId'> & { givenName: string; familyName: string };

/** A volunteer as matching sees one unless the seed says otherwise: approved, a woman born in 1990, no address. */
export async function createVolunteer(w: World, organisationId: string, s: VolunteerSeed): Promise<string> {
  return (await volunteer(w, { organisationId, email: null, gender: 'female', birthDate: '1990-05-01', stage: 'approved', ...s })).id;
}

/** A person waiting for ten days unless the seed says otherwise: a woman, no needs, no address. */
export async function createMentee(w: World, organisationId: string, s: MenteeSeed): Promise<string> {
  return (await mentee(w, { organisationId, email: null, gender: 'female', needs: [], daysWaiting: 10, ...s })).id;
}

/**
 * Everything Polish law asks before work with minors (volunteers' screening/requirements.ts): the register check and
 * the KRK information, valid until `renewBy`, and "did not live abroad". `kinds` records only some of them.
 */
export async function addSafeguardingCheck(w: World, organisationId: string, volunteerId: string, userId: string, renewBy = '2099-01-01', kinds: (typeof safeguardingChecks.$inferInsert)['kind'][] = ['pl_sex_offenders_register', 'pl_criminal_record']) {
  await withTenant(w.db, { organisationId, userId }, async (tx) => {
    for (const kind of kinds) await tx.insert(safeguardingChecks).values({ organisationId, volunteerId, kind, seenOn: '2020-01-01', seenByUserId: userId, renewBy });
    await tx.update(volunteers).set({ livedAbroad: false }).where(eq(volunteers.id, volunteerId));
  });
}

export async function createDistrict(w: World, organisationId: string, name: string, latitude: number, longitude: number) {
  await withTenant(w.db, { organisationId, userId: null }, (tx) => tx.insert(districts).values({ organisationId, name, latitude, longitude }));
}

export async function menteeRow(w: World, id: string) {
  const [row] = await withSystem(w.db, (tx) => tx.select().from(mentees).where(eq(mentees.id, id)));
  return row!;
}

export async function matchesOf(w: World, where: { menteeId?: string; volunteerId?: string }) {
  return withSystem(w.db, (tx) =>
    tx
      .select()
      .from(matches)
      .where(and(where.menteeId ? eq(matches.menteeId, where.menteeId) : undefined, where.volunteerId ? eq(matches.volunteerId, where.volunteerId) : undefined)),
  );
}

/** The names in the suggestion cards, best first. */
export function suggestedNames(body: string): string[] {
  const list = /<ol class="suggestions">([\s\S]*?)<\/ol>/.exec(body)?.[1] ?? '';
  return [...list.matchAll(/<h3><a href="\/matching\/(?:volunteers|mentees)\/[0-9a-f-]+">([^<]*)<\/a>/g)].map((m) => m[1]!);
}
