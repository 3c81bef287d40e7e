import { and, sql } from 'drizzle-orm';
import { withSystem, withTenant } from '../../../core/db/tx.js';
import { foldForSearch, type Locale } from '../../../core/i18n/index.js';
import { people, programmes } from '../../../core/tenancy/tenancy.table.js';
import { mentees } from '../../mentees/mentees.table.js';
import { volunteers } from '../../volunteers/volunteers.table.js';
import { countRows } from '../../../core/testing/rows.js';
import type { World } from '../../../core/testing/world.js';

/** Test-only helpers of matching settings and introductions: two organisations on a fresh app (core's world). */
export { auditEntries, countRows } from '../../../core/testing/rows.js';
export { fieldError, flashOn } from '../../../core/testing/html.js';
export { anonymous, signedIn, tokenFor, world, type SmtpWorld, type World } from '../../../core/testing/world.js';

/** Audit entries about settings (districts, venues, programmes, and records a rename moved), not sign-ins. */
export const settingsAudits = (w: World) => countRows(w, 'audit_log', sql`entity in ('district', 'venue', 'programme', 'volunteer', 'mentee')`);

export async function createProgramme(w: World, name: string, organisationId = w.org.id, matchingWeights: Record<string, number> = {}) {
  const [p] = await withSystem(w.db, (tx) => tx.insert(programmes).values({ organisationId, name, matchingWeights }).returning());
  return p!;
}

let n = 0;
/** A volunteer (people + volunteers rows) inserted directly. */
export async function createVolunteer(w: World, opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string | null; locale?: Locale; district?: string | null } = {}) {
  n += 1;
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Zofia';
  const familyName = opts.familyName ?? `Wiśniewska${n}`;
  const email = opts.email === undefined ? `volunteer${n}@example.org` : opts.email;
  const locale = opts.locale ?? 'pl';
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id });
    const [v] = await tx.insert(volunteers).values({ organisationId, personId: p!.id, stage: 'active', locale, district: opts.district ?? null }).returning();
    return { ...v!, givenName, familyName, email };
  });
}

/** A person supported (people + mentees rows) inserted directly, as the intake would. */
export async function createMentee(
  w: World,
  opts: { organisationId?: string; givenName?: string; familyName?: string; email?: string | null; locale?: Locale; district?: string | null; socialWorkerUserId?: string | null } = {},
) {
  n += 1;
  const organisationId = opts.organisationId ?? w.org.id;
  const givenName = opts.givenName ?? 'Олена';
  const familyName = opts.familyName ?? `Коваленко${n}`;
  const email = opts.email === undefined ? `mentee${n}@example.org` : opts.email;
  const locale = opts.locale ?? 'uk';
  return withTenant(w.db, { organisationId, userId: null }, async (tx) => {
    const [p] = await tx.insert(people).values({ organisationId, givenName, familyName, email, locale, searchText: foldForSearch(`${givenName} ${familyName}`) }).returning({ id: people.id });
    const [m] = await tx
      .insert(mentees)
      .values({ organisationId, personId: p!.id, status: 'matched', locale, district: opts.district ?? null, socialWorkerUserId: opts.socialWorkerUserId ?? null, needs: ['language_practice'] })
      .returning();
    return { ...m!, givenName, familyName, email };
  });
}
