/**
 * The volunteers module's test entry: its factories for tests of this module and of the others (which import this
 * file, never a part's test-helpers). Rows are inserted directly, as the application form and the pipeline would
 * leave them; each suite states the facts it relies on (stage, language, birth date…) in the seed.
 */
import { withSystem } from '../../core/db/tx.js';
import { instantDaysAgo } from '../../core/testing/clock.js';
import type { World } from '../../core/testing/world.js';
import { personSearchText } from '../../core/tenancy/people-search.js';
import { people } from '../../core/tenancy/tenancy.table.js';
import type { Stage } from './pipeline/stages.js';
import type { Locale } from '../../core/i18n/locales.js';
import { volunteers, type LanguageLevel } from './volunteers.table.js';

export { backdatedToken } from './application/test-helpers.js';
export { SENDINGS_PER_EMAIL } from './application/submission-limit.js';
export { pdfText } from './documents/pdf-text.js';

export interface VolunteerSeed {
  /** Ours unless told. */
  organisationId?: string;
  /** The person of an existing account (a volunteer who signs in); a new person otherwise. */
  personId?: string;
  /** Zofia unless told. */
  givenName?: string;
  /** Wiśniewska with a number unless told, so names differ. */
  familyName?: string;
  /** volunteer<n>@example.org unless told; null for none. */
  email?: string | null;
  phone?: string | null;
  birthDate?: string | null;
  gender?: 'female' | 'male' | 'other' | null;
  /** The person's and the record's language (the database's default, Polish, unless told). */
  locale?: Locale;
  /** The database's default (applied) unless told; so for every field not given. */
  stage?: Stage;
  stageReason?: string | null;
  /** Days since the last change of stage (calendar days in Warsaw); now unless told. */
  daysWaiting?: number;
  /** Days since the application (daysWaiting unless told). */
  appliedDaysAgo?: number;
  capacity?: number;
  languages?: LanguageLevel[];
  availability?: string[];
  district?: string | null;
  interests?: string[];
  activities?: string[];
  preferredGender?: 'any' | 'female' | 'male' | null;
  preferredAgeGroups?: string[];
  travelKm?: number | null;
  worksWithMinors?: boolean;
  plannedDays?: number | null;
  /** The guardian of an applicant under 18. */
  guardianName?: string | null;
  /** The guardian has confirmed. */
  guardianConfirmed?: boolean;
  duplicateOf?: string | null;
  motivation?: string | null;
}

let n = 0;

/** A volunteer (a person and their volunteer record) inserted directly; returns the record with the person's name and address. */
export async function createVolunteer(w: Pick<World, 'db' | 'org'>, s: VolunteerSeed = {}) {
  n += 1;
  const organisationId = s.organisationId ?? w.org.id;
  const givenName = s.givenName ?? 'Zofia';
  const familyName = s.familyName ?? `Wiśniewska${n}`;
  const email = s.email === undefined ? `volunteer${n}@example.org` : s.email;
  const now = new Date();
  const daysAgo = (days: number | undefined) => (days === undefined ? undefined : instantDaysAgo(days, { now }));
  return withSystem(w.db, async (tx) => {
    const personId =
      s.personId ??
      (
        await tx
          .insert(people)
          .values({ organisationId, givenName, familyName, email, phone: s.phone ?? null, birthDate: s.birthDate ?? null, gender: s.gender ?? null, locale: s.locale, searchText: personSearchText({ givenName, familyName, email }) })
          .returning({ id: people.id })
      )[0]!.id;
    const [v] = await tx
      .insert(volunteers)
      .values({
        organisationId,
        personId,
        stage: s.stage,
        stageReason: s.stageReason,
        stageChangedAt: daysAgo(s.daysWaiting),
        appliedAt: daysAgo(s.appliedDaysAgo ?? s.daysWaiting),
        locale: s.locale,
        capacity: s.capacity,
        languages: s.languages,
        availability: s.availability,
        district: s.district,
        interests: s.interests,
        activities: s.activities,
        preferredGender: s.preferredGender,
        preferredAgeGroups: s.preferredAgeGroups,
        travelKm: s.travelKm,
        worksWithMinors: s.worksWithMinors,
        plannedDays: s.plannedDays,
        guardianName: s.guardianName,
        guardianConfirmedAt: s.guardianConfirmed ? now : undefined,
        duplicateOf: s.duplicateOf,
        motivation: s.motivation,
      })
      .returning();
    return { ...v!, givenName, familyName, email, name: `${givenName} ${familyName}` };
  });
}
